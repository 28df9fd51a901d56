import type { Point, Rect } from '../../../model/geometry-types'
import type { Diagram } from '../../../model/model'
import type { Viewport } from './canvas-viewport'

/**
 * The minimap's arithmetic, pure: what part of model space it shows, how model points map onto its
 * pixels and back, and where the view must pan to centre a clicked point. Drawn from the model (not from
 * a second Cytoscape), so 1,000 elements cost one pass of rectangles and lines.
 */

/** The model rectangle holding every element, box and line boundary and flow point; null when empty. */
export function diagramBounds(diagram: Diagram): Rect | null {
  let left = Infinity
  let top = Infinity
  let right = -Infinity
  let bottom = -Infinity
  const add = (x: number, y: number): void => {
    left = Math.min(left, x)
    top = Math.min(top, y)
    right = Math.max(right, x)
    bottom = Math.max(bottom, y)
  }
  for (const element of diagram.elements) {
    add(element.layout.x, element.layout.y)
    add(element.layout.x + element.layout.width, element.layout.y + element.layout.height)
  }
  for (const boundary of diagram.boundaries) {
    if (boundary.shape.kind === 'box') {
      const rect = boundary.shape.rect
      add(rect.x, rect.y)
      add(rect.x + rect.width, rect.y + rect.height)
    } else {
      for (const point of boundary.shape.points) add(point.x, point.y)
    }
  }
  for (const flow of diagram.flows) for (const point of [flow.sourcePoint, flow.targetPoint, ...flow.bendPoints]) add(point.x, point.y)
  return left === Infinity ? null : { x: left, y: top, width: right - left, height: bottom - top }
}

/** The model rectangle the canvas shows. */
export function visibleModelRect(viewport: Viewport): Rect {
  return { x: -viewport.pan.x / viewport.zoom, y: -viewport.pan.y / viewport.zoom, width: viewport.width / viewport.zoom, height: viewport.height / viewport.zoom }
}

/** Model → minimap pixels: `scale` and the minimap point of the model origin. */
export interface MinimapTransform {
  readonly scale: number
  readonly offsetX: number
  readonly offsetY: number
}

/**
 * Fits `bounds` (the diagram, or the view when the diagram is empty) into a minimap of the given size,
 * centred, with a margin. The diagram alone, not joined with the view: the map holds still while the
 * reviewer pans, and the view rectangle is clipped at its edge.
 */
export function fitTransform(bounds: Rect, width: number, height: number, margin: number): MinimapTransform {
  const usableWidth = Math.max(1, width - 2 * margin)
  const usableHeight = Math.max(1, height - 2 * margin)
  const scale = Math.min(usableWidth / Math.max(1, bounds.width), usableHeight / Math.max(1, bounds.height))
  return {
    scale,
    offsetX: (width - bounds.width * scale) / 2 - bounds.x * scale,
    offsetY: (height - bounds.height * scale) / 2 - bounds.y * scale
  }
}

export function toMinimap(point: Point, transform: MinimapTransform): Point {
  return { x: point.x * transform.scale + transform.offsetX, y: point.y * transform.scale + transform.offsetY }
}

export function fromMinimap(point: Point, transform: MinimapTransform): Point {
  return { x: (point.x - transform.offsetX) / transform.scale, y: (point.y - transform.offsetY) / transform.scale }
}

/** The pan that puts a model point in the middle of the canvas, at the current zoom. */
export function panCentring(point: Point, viewport: Viewport): Point {
  return { x: viewport.width / 2 - point.x * viewport.zoom, y: viewport.height / 2 - point.y * viewport.zoom }
}
