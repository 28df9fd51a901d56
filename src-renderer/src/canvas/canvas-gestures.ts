import type { Core, EventObject, NodeCollection, NodeSingular } from 'cytoscape'
import type { Point, Rect } from '../../../model/geometry-types'
import type { Diagram } from '../../../model/model'
import type { CanvasGestures, CanvasTool } from './canvas-tools'
import { HANDLE_ID, handleOwner, isHandle, refreshHandles } from './canvas-handles'
import { doubleTapPointHandle, dragPointHandle, dropPointHandle, isPointHandle } from './canvas-point-handles'
import { createDragPreview } from './drag-preview'
import { snappedDelta, snapPoint } from './grid'

/** A click this close (screen px) to a bend point hits the bend, not the line. */
const BEND_HIT_RADIUS = 8
/** A boundary "drawn" smaller than this was a click: it gets the default size instead. */
const MIN_DRAWN_BOX = 10
export const DEFAULT_BOUNDARY_SIZE = { width: 320, height: 220 }

export interface GestureState {
  tool: CanvasTool
  diagram: Diagram | null
  /** Grid step drags, drawn boxes and resizes snap to; null when snapping is off. */
  snapStep: number | null
}

export interface InstalledGestures {
  /** Esc: drops a connection or boundary being drawn, or puts back what is being dragged; true when there was one. */
  cancel(): boolean
  remove(): void
}

/** Turns Cytoscape events into gesture intents. */
export function installGestures(cy: Core, state: GestureState, gestures: CanvasGestures, selectedIds: () => string[]): InstalledGestures {
  let gestureCount = 0
  const nextGesture = (kind: string): string => `${kind}-${Date.now()}-${++gestureCount}`
  // `pointer`: where the pointer was at grab, so a snapped drag follows the pointer, not the last snapped spot.
  // `preview`: live feedback for the flows the drag touches (drag-preview.ts); `moved`: a drag frame happened.
  let drag: {
    key: string
    node: NodeSingular
    start: Point
    pointer: Point
    ids: string[]
    preview: ((delta: Point) => void) | null
    moved: boolean
    /** The nodes Cytoscape drags along, looked up once per drag (a selector scan of every node). */
    moving?: NodeCollection
    /** Esc pressed mid-drag: the nodes are held where they started until the button is let go. */
    cancelled?: boolean
  } | null = null
  let pendingFrame = false
  let connectSource: string | null = null
  let boxStart: Point | null = null
  let resize: { key: string; id: string; origin: Point } | null = null

  const modelIdOf = (node: NodeSingular): string => String(node.data('modelId'))
  const isItemNode = (node: NodeSingular): boolean => !isHandle(node) && !node.hasClass('anchor')
  const isElementNode = (node: NodeSingular): boolean => isItemNode(node) && node.data('role') !== 'boundary'

  const dragDelta = (current: NonNullable<typeof drag>): Point => {
    const position = current.node.position()
    return { x: position.x - current.start.x, y: position.y - current.start.y }
  }

  const previewDrag = (): void => {
    pendingFrame = false
    if (drag?.preview) drag.preview(dragDelta(drag))
  }

  /** The drop: the whole drag becomes one model edit, so one undo step (issue 7). */
  const commitDrag = (current: NonNullable<typeof drag>): void => {
    let total = dragDelta(current)
    // Integer model coordinates: readable files. A snapped drag is already on whole grid steps from the
    // model's own corner (snapToGrid below).
    if (state.snapStep === null) total = { x: Math.round(current.start.x + total.x) - current.start.x, y: Math.round(current.start.y + total.y) - current.start.y }
    // Also puts the flows back as they were when the drag ends where it began (no edit, no re-render).
    current.preview?.(total)
    if (total.x !== 0 || total.y !== 0) gestures.move(current.ids, total, current.key)
    else if (current.moved) refreshHandles(cy, selectedIds(), state.diagram)
  }

  const onGrab = (event: EventObject): void => {
    const node = event.target as NodeSingular
    if (node.id() === HANDLE_ID.resize) {
      const owner = selectedIds()[0]
      const ownerNode = owner === undefined ? undefined : cy.nodes().filter((each) => isItemNode(each) && modelIdOf(each) === owner)[0]
      if (!ownerNode) return
      const box = ownerNode.position()
      const origin = { x: box.x - Number(ownerNode.data('width')) / 2, y: box.y - Number(ownerNode.data('height')) / 2 }
      resize = { key: nextGesture('resize'), id: owner as string, origin }
      return
    }
    if (node.id() === HANDLE_ID.connect) {
      const owner = handleOwner(cy, selectedIds())
      if (owner) cy.add({ group: 'edges', data: { id: HANDLE_ID.ghost, source: owner.id(), target: node.id() }, classes: 'ui ghost-edge' })
      return
    }
    if (isHandle(node) || !isItemNode(node)) return
    // Cytoscape drags every selected node with a selected grabbed one; an unselected one moves alone.
    const ids = node.selected() ? selectedIds() : [modelIdOf(node)]
    const preview = state.diagram === null ? null : createDragPreview(cy, state.diagram, ids)
    drag = { key: nextGesture('move'), node, start: { ...node.position() }, pointer: { ...event.position }, ids, preview, moved: false }
  }

  /** Shifts every dragged node so the grabbed one is at `position` (Cytoscape moves them by pointer steps). */
  const holdAt = (current: NonNullable<typeof drag>, position: Point): void => {
    const now = current.node.position()
    const correction = { x: position.x - now.x, y: position.y - now.y }
    if (correction.x === 0 && correction.y === 0) return
    current.moving ??= cy.nodes(':grabbed')
    current.moving.shift(correction)
  }

  /**
   * Cytoscape moves dragged nodes by the pointer's steps; with snapping on, every dragged node is put back
   * where the pointer's total movement, snapped at the grabbed node's top-left corner, takes it.
   */
  const snapToGrid = (event: EventObject, current: NonNullable<typeof drag>, step: number): void => {
    const size = { x: Number(current.node.data('width')) / 2, y: Number(current.node.data('height')) / 2 }
    const raw = { x: event.position.x - current.pointer.x, y: event.position.y - current.pointer.y }
    const delta = snappedDelta({ x: current.start.x - size.x, y: current.start.y - size.y }, raw, step)
    holdAt(current, { x: current.start.x + delta.x, y: current.start.y + delta.y })
  }

  const onDrag = (event: EventObject): void => {
    const node = event.target as NodeSingular
    if (isPointHandle(node)) return dragPointHandle(cy, node)
    if (resize && node.id() === HANDLE_ID.resize) {
      const corner = node.position()
      const end = state.snapStep === null ? roundPoint(corner) : snapPoint(corner, state.snapStep)
      const rect: Rect = { ...resize.origin, width: end.x - resize.origin.x, height: end.y - resize.origin.y }
      gestures.resize(resize.id, rect, resize.key)
      return
    }
    if (!drag || node !== drag.node) return
    if (drag.cancelled === true) return holdAt(drag, drag.start)
    if (state.snapStep !== null) snapToGrid(event, drag, state.snapStep)
    // The handles would stay behind (they are not dragged along), and moving them every frame would
    // redraw the whole diagram: they are hidden while dragging and come back with the drop's render.
    if (!drag.moved) {
      drag.moved = true
      refreshHandles(cy, [], null)
    }
    // The model follows on release; until then Cytoscape moves the nodes, and the flows the drag touches
    // are previewed at most once a frame (bench: editor.drag.p95.ms, 1,000 elements and 1,500 flows).
    if (pendingFrame || !drag.preview) return
    pendingFrame = true
    requestAnimationFrame(previewDrag)
  }

  const onFree = (event: EventObject): void => {
    const node = event.target as NodeSingular
    if (isPointHandle(node)) {
      if (!dropPointHandle(cy, node, gestures, elementAt)) refreshHandles(cy, selectedIds(), state.diagram)
      return
    }
    if (node.id() === HANDLE_ID.connect) {
      const source = selectedIds()[0]
      const point = { ...node.position() }
      const target = elementAt(point)
      // No ghost edge left: Esc cancelled this connection while it was being dragged.
      const cancelled = cy.getElementById(HANDLE_ID.ghost).empty()
      cy.getElementById(HANDLE_ID.ghost).remove()
      if (source !== undefined && !cancelled) gestures.connect(source, target, roundPoint(point))
      else refreshHandles(cy, selectedIds(), state.diagram)
      return
    }
    if (node.id() === HANDLE_ID.resize) {
      resize = null
      return
    }
    if (drag && node === drag.node) {
      const current = drag
      drag = null
      if (current.cancelled === true) refreshHandles(cy, selectedIds(), state.diagram)
      else commitDrag(current)
    }
  }

  const elementAt = (point: Point): string | null => {
    const hits = cy.nodes().filter((node) => {
      if (!isElementNode(node)) return false
      const box = node.boundingBox({ includeLabels: false })
      return point.x >= box.x1 && point.x <= box.x2 && point.y >= box.y1 && point.y <= box.y2
    })
    const last = hits[hits.length - 1]
    return last ? modelIdOf(last) : null
  }

  // Cytoscape reports a double tap for any two taps in quick succession, wherever they landed: a click on
  // an element and then quickly on a flow would bend the flow. A double click is two taps on one target.
  let tapTargets: [string | null, string | null] = [null, null]
  const onAnyTap = (event: EventObject): void => {
    tapTargets = [tapTargets[1], event.target === cy ? null : String((event.target as NodeSingular).id())]
  }

  const onTap = (event: EventObject): void => {
    const point = roundPoint(event.position)
    const onBackground = event.target === cy
    if (state.tool === 'place' && onBackground) {
      gestures.place(point)
      return
    }
    if (state.tool !== 'connect') return
    const node = onBackground ? null : (event.target as NodeSingular)
    const elementId = node && node.isNode() && isElementNode(node) ? modelIdOf(node) : null
    if (connectSource === null) {
      connectSource = elementId
      return
    }
    if (elementId === connectSource) return
    const source = connectSource
    connectSource = null
    gestures.connect(source, elementId, point)
  }

  const onTapStart = (event: EventObject): void => {
    if (state.tool !== 'boundary' || event.target !== cy) return
    boxStart = roundPoint(event.position)
    cy.add({ group: 'nodes', data: { id: HANDLE_ID.ghostBox, width: 1, height: 1 }, position: { ...boxStart }, classes: 'ui ghost-box' })
  }

  const onTapDrag = (event: EventObject): void => {
    if (!boxStart) return
    const rect = normalise(boxStart, event.position)
    cy.getElementById(HANDLE_ID.ghostBox).data({ width: rect.width, height: rect.height }).position({ x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 })
  }

  const onTapEnd = (event: EventObject): void => {
    if (!boxStart) return
    const start = boxStart
    boxStart = null
    cy.getElementById(HANDLE_ID.ghostBox).remove()
    const drawn = state.snapStep === null ? normalise(start, roundPoint(event.position)) : normalise(snapPoint(start, state.snapStep), snapPoint(event.position, state.snapStep))
    const clicked = drawn.width < MIN_DRAWN_BOX || drawn.height < MIN_DRAWN_BOX
    gestures.drawBoundary(
      clicked
        ? { x: start.x - DEFAULT_BOUNDARY_SIZE.width / 2, y: start.y - DEFAULT_BOUNDARY_SIZE.height / 2, ...DEFAULT_BOUNDARY_SIZE }
        : drawn
    )
  }

  // A single click on a flow only selects it (Cytoscape's default, with its wide hit tolerance); a bend is
  // a double click, which Threat Dragon users asked for (threat-dragon #785, #1721; ux.md §3). On a trust
  // line a double click adds a vertex the same way.
  const onDoubleTap = (event: EventObject): void => {
    const edge = event.target
    if (edge === cy || !edge.isEdge() || tapTargets[0] !== edge.id()) return
    if (edge.data('role') === 'lineBoundary') return gestures.addLinePoint(String(edge.data('modelId')), roundPoint(event.position))
    if (edge.data('role') !== 'flow') return
    const flowId = String(edge.data('modelId'))
    const flow = state.diagram?.flows.find((each) => each.id === flowId)
    if (!flow) return
    const radius = BEND_HIT_RADIUS / cy.zoom()
    const hit = flow.bendPoints.findIndex((bend) => Math.hypot(bend.x - event.position.x, bend.y - event.position.y) <= radius)
    if (hit >= 0) gestures.removeBend(flowId, hit)
    else gestures.addBend(flowId, roundPoint(event.position))
  }

  const onNodeDoubleTap = (event: EventObject): void => {
    const node = event.target as NodeSingular
    if (isPointHandle(node)) doubleTapPointHandle(node, gestures)
  }

  // Right click (Cytoscape's cxttap, which also stops the browser's own menu): the menu of what was hit.
  const onContextTap = (event: EventObject): void => {
    const target = event.target as NodeSingular | Core
    const hit = target === cy ? null : (target as NodeSingular)
    const original = event.originalEvent as MouseEvent | undefined
    const page = { x: original?.clientX ?? 0, y: original?.clientY ?? 0 }
    if (hit === null || isHandle(hit)) return gestures.contextMenu(null, page)
    gestures.contextMenu(String(hit.data('modelId')), page)
  }

  /** Esc mid-drag: everything dragged goes back and stays there; the drop then changes nothing. */
  const cancelDrag = (): boolean => {
    if (drag === null || drag.cancelled === true) return false
    drag.cancelled = true
    holdAt(drag, drag.start)
    drag.preview?.({ x: 0, y: 0 })
    return true
  }

  const cancel = (): boolean => {
    if (cancelDrag()) return true
    const drawing = connectSource !== null || boxStart !== null || !cy.getElementById(HANDLE_ID.ghost).empty()
    connectSource = null
    boxStart = null
    cy.getElementById(HANDLE_ID.ghostBox).remove()
    cy.getElementById(HANDLE_ID.ghost).remove()
    return drawing
  }

  cy.on('grab', 'node', onGrab)
  cy.on('drag', 'node', onDrag)
  cy.on('free', 'node', onFree)
  cy.on('tap', onAnyTap)
  cy.on('tap', onTap)
  cy.on('tapstart', onTapStart)
  cy.on('tapdrag', onTapDrag)
  cy.on('tapend', onTapEnd)
  cy.on('dbltap', 'edge', onDoubleTap)
  cy.on('dbltap', 'node', onNodeDoubleTap)
  cy.on('cxttap', onContextTap)
  const remove = (): void => {
    cy.removeListener('grab', 'node', onGrab)
    cy.removeListener('drag', 'node', onDrag)
    cy.removeListener('free', 'node', onFree)
    cy.removeListener('tap', onAnyTap)
    cy.removeListener('tap', onTap)
    cy.removeListener('tapstart', onTapStart)
    cy.removeListener('tapdrag', onTapDrag)
    cy.removeListener('tapend', onTapEnd)
    cy.removeListener('dbltap', 'edge', onDoubleTap)
    cy.removeListener('dbltap', 'node', onNodeDoubleTap)
    cy.removeListener('cxttap', onContextTap)
  }
  return { cancel, remove }
}

function roundPoint(point: Point): Point {
  return { x: Math.round(point.x), y: Math.round(point.y) }
}

function normalise(a: Point, b: Point): Rect {
  return { x: Math.min(a.x, b.x), y: Math.min(a.y, b.y), width: Math.abs(b.x - a.x), height: Math.abs(b.y - a.y) }
}
