import type { Point } from './geometry-types'
import type { BoundaryId, ElementId } from './ids'
import type { Diagram, DiagramElement, Flow, TrustBoundary } from './model'
import { pointInRect, polylinesIntersect, rectArea, rectCenter, rectContainsRect } from './plane-geometry'

/**
 * The points a flow is drawn through, from source to target. TMT draws a flow as a curve through one
 * handle point (HandleX/HandleY, tmt-format.md); readers store that handle as a bend point, and here it
 * is a polyline vertex: the curve passes through it, so the polyline is a close enough stand-in for
 * crossing tests and keeps them exact.
 */
export function flowPolyline(flow: Flow): readonly Point[] {
  return [flow.sourcePoint, ...flow.bendPoints, flow.targetPoint]
}

/**
 * Whether an element is inside a boundary. Stated membership (Threagile says which assets a boundary
 * holds, without geometry) wins; otherwise an element is in a box when its layout's centre is inside
 * the box, so an element half over the edge belongs to the side most of it is on. A line boundary
 * has no inside, hence no members.
 */
export function isBoundaryMember(boundary: TrustBoundary, element: DiagramElement): boolean {
  if (boundary.statedMembers !== null) return boundary.statedMembers.includes(element.id)
  return boundary.shape.kind === 'box' && pointInRect(rectCenter(element.layout), boundary.shape.rect)
}

export function boundaryMembers(diagram: Diagram, boundary: TrustBoundary): readonly ElementId[] {
  return diagram.elements.filter((element) => isBoundaryMember(boundary, element)).map((element) => element.id)
}

/**
 * The boundaries an element is in, innermost first. Nested boxes are ordered by area (a box inside
 * another is never larger); boundaries without a box come last; ties keep document order.
 */
export function boundariesContaining(diagram: Diagram, elementId: ElementId): readonly TrustBoundary[] {
  const element = diagram.elements.find((candidate) => candidate.id === elementId)
  if (element === undefined) return []
  return diagram.boundaries
    .filter((boundary) => isBoundaryMember(boundary, element))
    .sort((first, second) => boxArea(first) - boxArea(second))
}

function boxArea(boundary: TrustBoundary): number {
  return boundary.shape.kind === 'box' ? rectArea(boundary.shape.rect) : Number.POSITIVE_INFINITY
}

/**
 * Each box boundary's parent: the smallest other box that fully contains it, or null. Two identical
 * boxes contain each other; the earlier one in the diagram is taken as the parent, so there is no cycle.
 */
export function boundaryNesting(diagram: Diagram): ReadonlyMap<BoundaryId, BoundaryId | null> {
  const boxes = diagram.boundaries.flatMap((boundary, order) =>
    boundary.shape.kind === 'box' ? [{ id: boundary.id, rect: boundary.shape.rect, order }] : []
  )
  const nesting = new Map<BoundaryId, BoundaryId | null>()
  for (const child of boxes) {
    let parent: (typeof boxes)[number] | null = null
    for (const candidate of boxes) {
      if (candidate === child || !rectContainsRect(candidate.rect, child.rect)) continue
      const candidateArea = rectArea(candidate.rect)
      const childArea = rectArea(child.rect)
      if (candidateArea === childArea && candidate.order > child.order) continue
      if (parent === null || candidateArea < rectArea(parent.rect)) parent = candidate
    }
    nesting.set(child.id, parent?.id ?? null)
  }
  return nesting
}

/**
 * Whether a flow crosses a boundary. Box: exactly one of the flow's drawn ends is inside (both inside or
 * both outside is no crossing, even when the line passes through the box). Line: the flow's polyline
 * meets the boundary's. With stated membership the ends' attached elements decide instead, because
 * such a boundary's geometry says nothing; an unattached end counts as outside.
 */
export function crossesBoundary(flow: Flow, boundary: TrustBoundary): boolean {
  if (boundary.statedMembers !== null) {
    const members = boundary.statedMembers
    const isInside = (end: ElementId | null): boolean => end !== null && members.includes(end)
    return isInside(flow.source) !== isInside(flow.target)
  }
  if (boundary.shape.kind === 'box') {
    const rect = boundary.shape.rect
    return pointInRect(flow.sourcePoint, rect) !== pointInRect(flow.targetPoint, rect)
  }
  return polylinesIntersect(flowPolyline(flow), boundary.shape.points)
}

export function boundariesCrossed(diagram: Diagram, flow: Flow): readonly BoundaryId[] {
  return diagram.boundaries.filter((boundary) => crossesBoundary(flow, boundary)).map((boundary) => boundary.id)
}
