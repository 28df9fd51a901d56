import type { Point, Rect } from '../geometry-types'
import type { DiagramId, DiagramItemId } from '../ids'
import type { Diagram, ThreatModel } from '../model'
import { moveEachItem } from './diagram-edits'

/**
 * Align and distribute (issue 7, item 7: draw.io's Arrange menu). Pure edits like the rest of this
 * folder: the same model back when nothing moves. Elements and boundaries take part through their
 * bounding rectangles; flows do not (their attached ends follow their elements, their bends stay put).
 * Deltas are whole model pixels, so a diagram with integer coordinates keeps them.
 */

export type Alignment = 'left' | 'center' | 'right' | 'top' | 'middle' | 'bottom'
export type DistributeAxis = 'horizontal' | 'vertical'

interface Placed {
  readonly id: DiagramItemId
  readonly rect: Rect
}

/** The selected elements and boundaries with their bounding rectangles, in selection order, each once. */
export function arrangeableItems(diagram: Diagram, ids: readonly string[]): Placed[] {
  const rects = new Map<string, Rect>()
  for (const element of diagram.elements) rects.set(element.id, element.layout)
  for (const boundary of diagram.boundaries) {
    rects.set(boundary.id, boundary.shape.kind === 'box' ? boundary.shape.rect : boundsOfPoints(boundary.shape.points))
  }
  const seen = new Set<string>()
  return ids.flatMap((id) => {
    const rect = rects.get(id)
    if (rect === undefined || seen.has(id)) return []
    seen.add(id)
    return [{ id: id as DiagramItemId, rect }]
  })
}

function boundsOfPoints(points: readonly Point[]): Rect {
  const xs = points.map((point) => point.x)
  const ys = points.map((point) => point.y)
  const x = Math.min(...xs)
  const y = Math.min(...ys)
  return { x, y, width: Math.max(...xs) - x, height: Math.max(...ys) - y }
}

function unionOf(rects: readonly Rect[]): Rect {
  const left = Math.min(...rects.map((rect) => rect.x))
  const top = Math.min(...rects.map((rect) => rect.y))
  const right = Math.max(...rects.map((rect) => rect.x + rect.width))
  const bottom = Math.max(...rects.map((rect) => rect.y + rect.height))
  return { x: left, y: top, width: right - left, height: bottom - top }
}

/** Where an item's rectangle goes, on the one axis an alignment changes. */
function alignedDelta(rect: Rect, bounds: Rect, alignment: Alignment): Point {
  switch (alignment) {
    case 'left':
      return { x: bounds.x - rect.x, y: 0 }
    case 'center':
      return { x: bounds.x + bounds.width / 2 - (rect.x + rect.width / 2), y: 0 }
    case 'right':
      return { x: bounds.x + bounds.width - (rect.x + rect.width), y: 0 }
    case 'top':
      return { x: 0, y: bounds.y - rect.y }
    case 'middle':
      return { x: 0, y: bounds.y + bounds.height / 2 - (rect.y + rect.height / 2) }
    case 'bottom':
      return { x: 0, y: bounds.y + bounds.height - (rect.y + rect.height) }
  }
}

const whole = (delta: Point): Point => ({ x: Math.round(delta.x), y: Math.round(delta.y) })

/**
 * Lines up two or more items with the edge or centre line of their common bounding box (what
 * draw.io, Visio and PowerPoint do for "align selected objects").
 */
export function alignItems(model: ThreatModel, diagramId: DiagramId, ids: readonly string[], alignment: Alignment): ThreatModel {
  const diagram = model.diagrams.find((each) => each.id === diagramId)
  const items = diagram === undefined ? [] : arrangeableItems(diagram, ids)
  if (items.length < 2) return model
  const bounds = unionOf(items.map((item) => item.rect))
  return moveEachItem(model, diagramId, new Map(items.map((item) => [item.id, whole(alignedDelta(item.rect, bounds, alignment))])))
}

/**
 * Spaces three or more items evenly: the first and last (by centre along the axis) stay, the others
 * move so that the gaps between neighbours are equal. Equal gaps rather than equal centre distances,
 * so shapes of different sizes look evenly spread; overlapping items get equal (negative) gaps.
 */
export function distributeItems(model: ThreatModel, diagramId: DiagramId, ids: readonly string[], axis: DistributeAxis): ThreatModel {
  const diagram = model.diagrams.find((each) => each.id === diagramId)
  const items = diagram === undefined ? [] : arrangeableItems(diagram, ids)
  if (items.length < 3) return model
  const start = (rect: Rect): number => (axis === 'horizontal' ? rect.x : rect.y)
  const size = (rect: Rect): number => (axis === 'horizontal' ? rect.width : rect.height)
  // Stable: items with the same centre keep their selection order.
  const ordered = items
    .map((item, index) => ({ item, index, centre: start(item.rect) + size(item.rect) / 2 }))
    .sort((a, b) => a.centre - b.centre || a.index - b.index)
    .map((entry) => entry.item)
  const first = ordered[0] as Placed
  const last = ordered[ordered.length - 1] as Placed
  const middle = ordered.slice(1, -1)
  const occupied = middle.reduce((sum, item) => sum + size(item.rect), 0)
  const gap = (start(last.rect) - (start(first.rect) + size(first.rect)) - occupied) / (ordered.length - 1)
  const deltas = new Map<DiagramItemId, Point>()
  let cursor = start(first.rect) + size(first.rect) + gap
  for (const item of middle) {
    const shift = Math.round(cursor - start(item.rect))
    deltas.set(item.id, axis === 'horizontal' ? { x: shift, y: 0 } : { x: 0, y: shift })
    cursor += size(item.rect) + gap
  }
  return moveEachItem(model, diagramId, deltas)
}
