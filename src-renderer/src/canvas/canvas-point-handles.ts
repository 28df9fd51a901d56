import type { Core, EdgeSingular, NodeSingular } from 'cytoscape'
import type { Point } from '../../../model/geometry-types'
import type { Diagram } from '../../../model/model'
import type { CanvasGestures } from './canvas-tools'
import { bendPointsToSegments } from './segments'

/**
 * Handles on the points of the one selected polyline: a flow's two ends and its bends, a trust line's
 * vertices. Dragging an end onto an element reconnects the flow, onto empty canvas leaves it loose there
 * (TMT allows and reports those); dragging a bend or a vertex moves it. While the handle moves the line
 * follows (a bend, a vertex) or a dashed ghost shows the new end; the model changes once, on release.
 *
 * Points come from the model; an attached end sits where the line meets its element's outline, computed
 * here from the drawn node, because Cytoscape's own end points are only updated when it next draws.
 */
type PointHandle =
  | { readonly kind: 'flowEnd'; readonly ownerId: string; readonly end: 'source' | 'target' }
  | { readonly kind: 'bend'; readonly ownerId: string; readonly index: number }
  | { readonly kind: 'lineVertex'; readonly ownerId: string; readonly index: number }

interface HandleData {
  readonly handle: PointHandle
  /** The polyline's points when the handle was placed: a drag replaces one of them. */
  readonly points: readonly Point[]
}

const PREFIX = 'ui:point:'
const GHOST_ID = 'ui:point-ghost'
const HANDLE_SIZE = 10

export function isPointHandle(node: NodeSingular): boolean {
  return node.id().startsWith(PREFIX)
}

function dataOf(node: NodeSingular): HandleData {
  return node.data('point') as HandleData
}

const round = (point: Point): Point => ({ x: Math.round(point.x), y: Math.round(point.y) })

function drawnEdge(cy: Core, modelId: string): EdgeSingular | undefined {
  return cy.edges().filter((each) => !each.hasClass('ui') && each.data('modelId') === modelId)[0]
}

/**
 * Where the line from the node's centre towards `toward` leaves its outline: processes are ellipses,
 * everything else a rectangle (style.ts). A loose end's anchor is a point: its own position.
 */
function outlinePoint(node: NodeSingular, toward: Point): Point {
  const centre = node.position()
  if (node.hasClass('anchor')) return round(centre)
  const rx = Number(node.data('width')) / 2
  const ry = Number(node.data('height')) / 2
  const dx = toward.x - centre.x
  const dy = toward.y - centre.y
  if (dx === 0 && dy === 0) return round(centre)
  const scale =
    node.data('role') === 'process'
      ? 1 / Math.hypot(dx / rx, dy / ry)
      : Math.min(dx === 0 ? Number.POSITIVE_INFINITY : rx / Math.abs(dx), dy === 0 ? Number.POSITIVE_INFINITY : ry / Math.abs(dy))
  return round({ x: centre.x + dx * Math.min(scale, 1), y: centre.y + dy * Math.min(scale, 1) })
}

function wantedHandles(cy: Core, diagram: Diagram | null, selectedIds: readonly string[]): { id: string; data: HandleData; position: Point }[] {
  if (diagram === null || selectedIds.length !== 1) return []
  const ownerId = selectedIds[0] as string
  const flow = diagram.flows.find((each) => each.id === ownerId)
  const edge = drawnEdge(cy, ownerId)
  if (flow !== undefined && edge !== undefined) {
    const bends = flow.bendPoints
    const source = outlinePoint(edge.source(), bends[0] ?? edge.target().position())
    const target = outlinePoint(edge.target(), bends[bends.length - 1] ?? edge.source().position())
    return [
      { id: `${PREFIX}source`, data: { handle: { kind: 'flowEnd', ownerId, end: 'source' }, points: bends }, position: source },
      ...bends.map((position, index) => ({ id: `${PREFIX}bend:${index}`, data: { handle: { kind: 'bend', ownerId, index } as const, points: bends }, position })),
      { id: `${PREFIX}target`, data: { handle: { kind: 'flowEnd', ownerId, end: 'target' }, points: bends }, position: target }
    ]
  }
  const boundary = diagram.boundaries.find((each) => each.id === ownerId)
  if (boundary?.shape.kind !== 'line' || edge === undefined) return []
  const points = boundary.shape.points
  return points.map((position, index) => ({ id: `${PREFIX}vertex:${index}`, data: { handle: { kind: 'lineVertex', ownerId, index }, points }, position }))
}

/** Shows the handles for the selection, moving the ones already there; a handle being dragged stays put. */
export function refreshPointHandles(cy: Core, diagram: Diagram | null, selectedIds: readonly string[]): void {
  const wanted = wantedHandles(cy, diagram, selectedIds)
  const wantedIds = new Set(wanted.map((each) => each.id))
  cy.nodes()
    .filter((node) => isPointHandle(node) && !wantedIds.has(node.id()) && !node.grabbed())
    .remove()
  for (const { id, data, position } of wanted) {
    const existing = cy.getElementById(id)
    if (existing.empty()) {
      cy.add({
        group: 'nodes',
        data: { id, width: HANDLE_SIZE, height: HANDLE_SIZE, point: data },
        position: { ...position },
        classes: `ui handle point-handle ${data.handle.kind === 'flowEnd' ? 'end-handle' : 'bend-handle'}`,
        selectable: false,
        grabbable: true
      })
    } else if (!existing.grabbed()) {
      existing.data('point', data).position({ ...position })
    }
  }
}

/** Live feedback while a handle moves; the model is not touched. */
export function dragPointHandle(cy: Core, node: NodeSingular): void {
  const { handle, points } = dataOf(node)
  const edge = drawnEdge(cy, handle.ownerId)
  if (edge === undefined) return
  const at = { ...node.position() }
  if (handle.kind === 'flowEnd') {
    if (cy.getElementById(GHOST_ID).empty()) {
      const fixed = handle.end === 'source' ? edge.target() : edge.source()
      const ends = handle.end === 'source' ? { source: node.id(), target: fixed.id() } : { source: fixed.id(), target: node.id() }
      cy.add({ group: 'edges', data: { id: GHOST_ID, ...ends }, classes: 'ui ghost-edge' })
    }
    return
  }
  const moved = points.map((point, index) => (index === handle.index ? at : point))
  if (handle.kind === 'bend') return setSegments(edge, edge.source().position(), edge.target().position(), moved)
  // A trust line: its first and last points are the anchors the edge runs between.
  const first = moved[0]
  const last = moved[moved.length - 1]
  if (first === undefined || last === undefined) return
  edge.source().position({ ...first })
  edge.target().position({ ...last })
  setSegments(edge, first, last, moved.slice(1, -1))
}

/** Cytoscape measures segments from the drawn ends' centres: the same baseline project-diagram.ts uses. */
function setSegments(edge: EdgeSingular, start: Point, end: Point, bends: readonly Point[]): void {
  const segments = bendPointsToSegments(start, end, bends)
  if (segments !== null) edge.data({ segmentWeights: [...segments.weights], segmentDistances: [...segments.distances] })
}

/**
 * The handle was released: report the edit. Returns false when there is none (an end dropped back on the
 * element it was attached to), so the caller can put the handles back; an edit's render does that itself.
 */
export function dropPointHandle(cy: Core, node: NodeSingular, gestures: CanvasGestures, elementAt: (point: Point) => string | null): boolean {
  cy.getElementById(GHOST_ID).remove()
  const { handle, points } = dataOf(node)
  const point = round(node.position())
  // A click is no move. It matters: the second click of a double click that removed this very point is
  // released on a handle whose index already names another point.
  if (handle.kind !== 'flowEnd') {
    const placed = points[handle.index]
    if (placed !== undefined && placed.x === point.x && placed.y === point.y) return false
  }
  if (handle.kind === 'bend') gestures.moveBend(handle.ownerId, handle.index, point)
  else if (handle.kind === 'lineVertex') gestures.moveLinePoint(handle.ownerId, handle.index, point)
  else {
    const edge = drawnEdge(cy, handle.ownerId)
    const endNode = handle.end === 'source' ? edge?.source() : edge?.target()
    const attachedTo = endNode === undefined || endNode.hasClass('anchor') ? null : String(endNode.data('modelId'))
    const element = elementAt(point)
    if (element !== null && element === attachedTo) return false
    gestures.reconnect(handle.ownerId, handle.end, element, point)
  }
  return true
}

/** A double click on a bend's or a vertex's handle removes it (a trust line keeps its two ends). */
export function doubleTapPointHandle(node: NodeSingular, gestures: CanvasGestures): void {
  const { handle } = dataOf(node)
  if (handle.kind === 'bend') gestures.removeBend(handle.ownerId, handle.index)
  else if (handle.kind === 'lineVertex') gestures.removeLinePoint(handle.ownerId, handle.index)
}
