import type { Core } from 'cytoscape'

/** The few renderer internals of Cytoscape 3.35 this module relies on (base and canvas renderer). */
interface RendererInternals {
  notify(eventName: string, eles?: ArrayLike<DragLayerElement>): void
  render(options?: unknown): unknown
  redrawHint(group: 'eles' | 'drag', value: boolean): void
  redraw(): void
  hoverData: { draggingEles?: boolean }
}

interface DragLayerElement {
  _private?: { rscratch?: { inDragLayer?: boolean } }
}

/** Notifications that only say where an element is; style, data, add/remove and z-order pass through. */
const MOVE_NOTIFICATIONS = new Set(['bounds', 'position'])

/**
 * Keeps a node drag on Cytoscape's drag layer, and drops redraw requests that repeat the picture.
 *
 * While the mouse (or a finger) drags nodes, Cytoscape draws them, their neighbours and the edges
 * between them on a separate "drag" canvas, so that the rest of the diagram (the "node" canvas) need
 * not be redrawn each frame. But each step of the drag also sends the renderer a `bounds`
 * notification for the moved elements (their cached bounding boxes go stale), and the renderer
 * answers every notification by redrawing the node canvas as well. Its layered texture cache is
 * also bypassed while elements keep changing, so on the 1,000-element, 1,500-flow bench diagram each
 * drag frame redrew all 2,500 items one by one: 35–70 ms a frame (editor.drag.p95.ms, issue 7).
 * Here a move notification during a drag about drag-layer elements only redraws the drag layer,
 * which is what the drag layer exists for: nothing on the node canvas depends on those elements
 * (no compound nodes: boundaries are plain nodes, and every edge of a dragged node is on the drag
 * layer too). Cytoscape itself redraws the node canvas once when the drag starts and once when it
 * ends.
 *
 * And a `bounds` notification sent while the renderer draws is dropped: it comes from an element whose
 * stale bounding box the drawing has just refreshed, and asked for a second full redraw of the very
 * same picture (after every press, release and edit: pressing restyles the item, `:active`). The change
 * that made the box stale has already asked for the redraw that is under way.
 *
 * Anything else is passed through unchanged. This relies on renderer internals of the pinned
 * Cytoscape version; when they are not there (another version, a headless instance) it leaves the
 * renderer alone, which is only slower.
 */
export function keepDragOnDragLayer(cy: Core): void {
  const renderer = rendererInternals(cy)
  if (renderer === null) return
  const notify = renderer.notify.bind(renderer)
  const render = renderer.render.bind(renderer)
  // A depth, not a flag: a render can draw a texture through a nested render.
  let drawing = 0
  renderer.render = (options) => {
    drawing += 1
    try {
      return render(options)
    } finally {
      drawing -= 1
    }
  }
  renderer.notify = (eventName, eles) => {
    if (eventName === 'bounds' && drawing > 0) return
    if (MOVE_NOTIFICATIONS.has(eventName) && renderer.hoverData.draggingEles === true && eles !== undefined && allOnDragLayer(eles)) {
      renderer.redrawHint('drag', true)
      renderer.redraw()
      return
    }
    notify(eventName, eles)
  }
}

function allOnDragLayer(eles: ArrayLike<DragLayerElement>): boolean {
  if (eles.length === 0) return false
  for (let index = 0; index < eles.length; index += 1) {
    if (eles[index]?._private?.rscratch?.inDragLayer !== true) return false
  }
  return true
}

function rendererInternals(cy: Core): RendererInternals | null {
  const renderer = (cy as unknown as { renderer?: () => unknown }).renderer?.() as Partial<RendererInternals> | undefined
  if (
    renderer === undefined ||
    typeof renderer.notify !== 'function' ||
    typeof renderer.render !== 'function' ||
    typeof renderer.redrawHint !== 'function' ||
    typeof renderer.redraw !== 'function' ||
    typeof renderer.hoverData !== 'object' ||
    renderer.hoverData === null
  ) {
    return null
  }
  return renderer as RendererInternals
}
