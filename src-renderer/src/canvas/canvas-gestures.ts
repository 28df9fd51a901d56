import type { Core, EventObject, NodeSingular } from 'cytoscape'
import type { Point, Rect } from '../../../model/geometry-types'
import type { Diagram } from '../../../model/model'
import type { CanvasGestures, CanvasTool } from './canvas-tools'
import { HANDLE_ID, handleOwner, isHandle } from './canvas-handles'

/** A click this close (screen px) to a bend point hits the bend, not the line. */
const BEND_HIT_RADIUS = 8
/** A boundary "drawn" smaller than this was a click: it gets the default size instead. */
const MIN_DRAWN_BOX = 10
export const DEFAULT_BOUNDARY_SIZE = { width: 320, height: 220 }

export interface GestureState {
  tool: CanvasTool
  diagram: Diagram | null
}

/** Turns Cytoscape events into gesture intents. Returns a function that removes the listeners. */
export function installGestures(cy: Core, state: GestureState, gestures: CanvasGestures, selectedIds: () => string[]): () => void {
  /** Diagram size (Cytoscape elements) up to which a drag updates the model every frame. */
  const LIVE_DRAG_LIMIT = 400
  let gestureCount = 0
  const nextGesture = (kind: string): string => `${kind}-${Date.now()}-${++gestureCount}`
  let drag: { key: string; node: NodeSingular; start: Point; ids: string[]; applied: Point } | null = null
  let pendingFrame = false
  let connectSource: string | null = null
  let boxStart: Point | null = null
  let resize: { key: string; id: string; origin: Point } | null = null

  const modelIdOf = (node: NodeSingular): string => String(node.data('modelId'))
  const isItemNode = (node: NodeSingular): boolean => !isHandle(node) && !node.hasClass('anchor')
  const isElementNode = (node: NodeSingular): boolean => isItemNode(node) && node.data('role') !== 'boundary'

  const flushDrag = (final: boolean): void => {
    pendingFrame = false
    if (!drag) return
    const position = drag.node.position()
    let total = { x: position.x - drag.start.x, y: position.y - drag.start.y }
    // Integer model coordinates once the drag ends: readable files, and the last frame's sub-pixel rest
    // is folded into the same undo step.
    if (final) total = { x: Math.round(drag.start.x + total.x) - drag.start.x, y: Math.round(drag.start.y + total.y) - drag.start.y }
    const delta = { x: total.x - drag.applied.x, y: total.y - drag.applied.y }
    if (delta.x === 0 && delta.y === 0) return
    drag.applied = total
    gestures.move(drag.ids, delta, drag.key)
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
    drag = { key: nextGesture('move'), node, start: { ...node.position() }, ids, applied: { x: 0, y: 0 } }
  }

  const onDrag = (event: EventObject): void => {
    const node = event.target as NodeSingular
    if (resize && node.id() === HANDLE_ID.resize) {
      const corner = node.position()
      const rect: Rect = { ...resize.origin, width: Math.round(corner.x - resize.origin.x), height: Math.round(corner.y - resize.origin.y) }
      gestures.resize(resize.id, rect, resize.key)
      return
    }
    if (!drag || node !== drag.node || pendingFrame) return
    // Every model update re-projects and diffs the whole diagram: live updates (crossings highlighted
    // while dragging) are affordable on ordinary diagrams, but on large ones they cost frames (bench:
    // editor.drag.p95.ms, 1,000 elements), so there Cytoscape moves the nodes and the model follows on release.
    if (cy.elements().length > LIVE_DRAG_LIMIT) return
    pendingFrame = true
    requestAnimationFrame(() => flushDrag(false))
  }

  const onFree = (event: EventObject): void => {
    const node = event.target as NodeSingular
    if (node.id() === HANDLE_ID.connect) {
      const source = selectedIds()[0]
      const point = { ...node.position() }
      const target = elementAt(point)
      cy.getElementById(HANDLE_ID.ghost).remove()
      if (source !== undefined) gestures.connect(source, target, roundPoint(point))
      return
    }
    if (node.id() === HANDLE_ID.resize) {
      resize = null
      return
    }
    if (drag && node === drag.node) {
      flushDrag(true)
      drag = null
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
    const drawn = normalise(start, roundPoint(event.position))
    const clicked = drawn.width < MIN_DRAWN_BOX || drawn.height < MIN_DRAWN_BOX
    gestures.drawBoundary(
      clicked
        ? { x: start.x - DEFAULT_BOUNDARY_SIZE.width / 2, y: start.y - DEFAULT_BOUNDARY_SIZE.height / 2, ...DEFAULT_BOUNDARY_SIZE }
        : drawn
    )
  }

  // A single click on a flow only selects it (Cytoscape's default, with its wide hit tolerance); a bend is
  // a double click, which Threat Dragon users asked for (threat-dragon #785, #1721; ux.md §3).
  const onDoubleTap = (event: EventObject): void => {
    const edge = event.target
    if (edge === cy || !edge.isEdge() || edge.data('role') !== 'flow') return
    const flowId = String(edge.data('modelId'))
    const flow = state.diagram?.flows.find((each) => each.id === flowId)
    if (!flow) return
    const radius = BEND_HIT_RADIUS / cy.zoom()
    const hit = flow.bendPoints.findIndex((bend) => Math.hypot(bend.x - event.position.x, bend.y - event.position.y) <= radius)
    if (hit >= 0) gestures.removeBend(flowId, hit)
    else gestures.addBend(flowId, roundPoint(event.position))
  }

  cy.on('grab', 'node', onGrab)
  cy.on('drag', 'node', onDrag)
  cy.on('free', 'node', onFree)
  cy.on('tap', onTap)
  cy.on('tapstart', onTapStart)
  cy.on('tapdrag', onTapDrag)
  cy.on('tapend', onTapEnd)
  cy.on('dbltap', 'edge', onDoubleTap)
  return () => {
    cy.removeListener('grab', 'node', onGrab)
    cy.removeListener('drag', 'node', onDrag)
    cy.removeListener('free', 'node', onFree)
    cy.removeListener('tap', onTap)
    cy.removeListener('tapstart', onTapStart)
    cy.removeListener('tapdrag', onTapDrag)
    cy.removeListener('tapend', onTapEnd)
    cy.removeListener('dbltap', 'edge', onDoubleTap)
  }
}

function roundPoint(point: Point): Point {
  return { x: Math.round(point.x), y: Math.round(point.y) }
}

function normalise(a: Point, b: Point): Rect {
  return { x: Math.min(a.x, b.x), y: Math.min(a.y, b.y), width: Math.abs(b.x - a.x), height: Math.abs(b.y - a.y) }
}
