import type { Point } from '../geometry-types'
import type { BoundaryId, DiagramId, FlowId } from '../ids'
import type { Diagram, ThreatModel } from '../model'
import { insertIntoNearestSegment } from '../plane-geometry'
import { updateDiagram } from './diagram-edits'

/**
 * Moving one point of a polyline: a flow's bend point, a line boundary's vertex. Dragging a flow's end is
 * not here: an end attaches to elements, which is reconnectFlowEnd's job (diagram-edits.ts).
 * Each returns the same model when nothing changes (an index out of range, the point where it was), so an
 * aborted drag leaves no undo step.
 */
export function moveBendPoint(model: ThreatModel, diagramId: DiagramId, flowId: FlowId, index: number, point: Point): ThreatModel {
  return updateDiagram(model, diagramId, (diagram) => {
    const flow = diagram.flows.find((each) => each.id === flowId)
    const bendPoints = flow === undefined ? undefined : withPoint(flow.bendPoints, index, point)
    if (flow === undefined || bendPoints === undefined) return diagram
    return replaceFlow(diagram, flowId, { ...flow, bendPoints })
  })
}

export function moveLineBoundaryPoint(model: ThreatModel, diagramId: DiagramId, boundaryId: BoundaryId, index: number, point: Point): ThreatModel {
  return updateLine(model, diagramId, boundaryId, (points) => withPoint(points, index, point))
}

/** Adds a vertex to a trust line in the segment nearest to `point`, so the line keeps its course. */
export function addLineBoundaryPoint(model: ThreatModel, diagramId: DiagramId, boundaryId: BoundaryId, point: Point): ThreatModel {
  return updateLine(model, diagramId, boundaryId, (points) => insertIntoNearestSegment(points, point))
}

/** Removes a vertex; a trust line keeps at least its two ends. */
export function removeLineBoundaryPoint(model: ThreatModel, diagramId: DiagramId, boundaryId: BoundaryId, index: number): ThreatModel {
  return updateLine(model, diagramId, boundaryId, (points) =>
    points.length <= 2 || index < 0 || index >= points.length ? undefined : points.filter((_, at) => at !== index)
  )
}

function updateLine(
  model: ThreatModel,
  diagramId: DiagramId,
  boundaryId: BoundaryId,
  change: (points: readonly Point[]) => readonly Point[] | undefined
): ThreatModel {
  return updateDiagram(model, diagramId, (diagram) => {
    const boundary = diagram.boundaries.find((each) => each.id === boundaryId)
    if (boundary === undefined || boundary.shape.kind !== 'line') return diagram
    const points = change(boundary.shape.points)
    if (points === undefined) return diagram
    const changed = { ...boundary, shape: { kind: 'line' as const, points } }
    return { ...diagram, boundaries: diagram.boundaries.map((each) => (each.id === boundaryId ? changed : each)) }
  })
}

/** The list with one point replaced, or undefined when the index is out of range or the point is unchanged. */
function withPoint(points: readonly Point[], index: number, point: Point): readonly Point[] | undefined {
  const current = points[index]
  if (current === undefined || (current.x === point.x && current.y === point.y)) return undefined
  return points.map((each, at) => (at === index ? { x: point.x, y: point.y } : each))
}

function replaceFlow(diagram: Diagram, flowId: FlowId, flow: Diagram['flows'][number]): Diagram {
  return { ...diagram, flows: diagram.flows.map((each) => (each.id === flowId ? flow : each)) }
}
