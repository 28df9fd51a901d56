import type { Point, Rect } from '../../../model/geometry-types'

/**
 * What a primary-button gesture on the canvas does. `place` adds the palette entry the editor holds at
 * the next click (click-then-click, the keyboard-friendly twin of drag-and-drop).
 */
export type CanvasTool = 'select' | 'connect' | 'boundary' | 'place'

/**
 * What the canvas reports. Gestures are intents in model coordinates with model ids; the editor turns
 * them into model edits (store.edit), and the canvas redraws from the model. Nothing here edits Cytoscape
 * as the truth.
 */
export interface CanvasGestures {
  /** Model ids of the selected items, in the order they were selected. */
  selectionChanged(ids: readonly string[]): void
  /** Live during a drag; every call of one drag carries the same `gesture` key (one undo step). */
  move(ids: readonly string[], delta: Point, gesture: string): void
  resize(id: string, rect: Rect, gesture: string): void
  /** A flow from `source` to `target`, or to a loose end at `point` when `target` is null. */
  connect(source: string, target: string | null, point: Point): void
  addBend(flowId: string, point: Point): void
  removeBend(flowId: string, index: number): void
  moveBend(flowId: string, index: number, point: Point): void
  /** A flow's end dragged onto an element, or (element null) left loose at `point`. */
  reconnect(flowId: string, end: 'source' | 'target', elementId: string | null, point: Point): void
  /** A trust line's vertex dragged to `point`. */
  moveLinePoint(boundaryId: string, index: number, point: Point): void
  /** A double click on a trust line adds a vertex there; on a vertex's handle, removes it. */
  addLinePoint(boundaryId: string, point: Point): void
  removeLinePoint(boundaryId: string, index: number): void
  drawBoundary(rect: Rect): void
  place(point: Point): void
  /** A right click on an item (its model id) or on the empty canvas (null), at a page point. */
  contextMenu(itemId: string | null, page: Point): void
}
