import type { Point, Rect } from '../../../model/geometry-types'

/**
 * The editing grid, in model pixels. One size for everything: the dots the canvas shows, where drags and
 * new shapes snap, and how far Shift+arrow moves (Threat Dragon's grid is 10 too; ux.md §2).
 */
export const GRID_SIZE = 10

export function snapValue(value: number, step: number): number {
  return Math.round(value / step) * step
}

export function snapPoint(point: Point, step: number): Point {
  return { x: snapValue(point.x, step), y: snapValue(point.y, step) }
}

/** A rectangle moved so its top-left corner is on the grid; the size is kept. */
export function snapRectOrigin(rect: Rect, step: number): Rect {
  return { ...rect, x: snapValue(rect.x, step), y: snapValue(rect.y, step) }
}

/**
 * The delta that puts a dragged item's top-left corner on the grid nearest to where the pointer would
 * take it (`raw`). draw.io snaps the dragged shape's corner and moves the rest of the selection by the
 * same delta, so their arrangement is kept.
 */
export function snappedDelta(topLeft: Point, raw: Point, step: number): Point {
  return { x: snapValue(topLeft.x + raw.x, step) - topLeft.x, y: snapValue(topLeft.y + raw.y, step) - topLeft.y }
}

/**
 * Shift+arrow along one axis: one grid step; while snapping, to the next grid line in that direction, so an
 * item off the grid lands on it instead of staying off by the same amount.
 */
export function gridStep(position: number, direction: number, step: number, snapping: boolean): number {
  if (direction === 0) return 0
  if (!snapping) return direction * step
  const next = direction > 0 ? (Math.floor(position / step) + 1) * step : (Math.ceil(position / step) - 1) * step
  return next - position
}

/** How the grid is painted: dot spacing and offset in screen pixels, for a CSS background. */
export interface GridPaint {
  readonly spacing: number
  readonly offsetX: number
  readonly offsetY: number
}

/** Dots closer than this (screen pixels) turn into noise; zoomed out, every 2nd, 4th, … line is drawn. */
const MIN_DOT_SPACING = 8

/**
 * The grid for a viewport (Cytoscape's pan and zoom). Dots sit on model multiples of the step; the CSS
 * radial gradient puts its dot in the middle of each tile, hence the half-tile offset.
 */
export function gridPaint(zoom: number, pan: Point, step: number): GridPaint {
  let spacing = step * zoom
  while (spacing < MIN_DOT_SPACING) spacing *= 2
  const offset = (value: number): number => (((value - spacing / 2) % spacing) + spacing) % spacing
  return { spacing, offsetX: offset(pan.x), offsetY: offset(pan.y) }
}
