import type { Point, Rect } from './geometry-types'

/**
 * Plane geometry on model coordinates. Exact double arithmetic, no tolerance: the model's points come
 * from files (integers in TMT) or from the canvas, and a tolerance would make results depend on scale.
 * All tests are inclusive: touching counts, because a flow drawn to a boundary's edge is a crossing
 * a reviewer wants to see, not one to hide.
 */
export function rectCenter(rect: Rect): Point {
  return { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 }
}

export function rectArea(rect: Rect): number {
  return rect.width * rect.height
}

/** Inclusive: a point on an edge or a corner is inside. */
export function pointInRect(point: Point, rect: Rect): boolean {
  return point.x >= rect.x && point.x <= rect.x + rect.width && point.y >= rect.y && point.y <= rect.y + rect.height
}

/** Inclusive: a rect contains itself, and an inner rect may share edges with the outer one. */
export function rectContainsRect(outer: Rect, inner: Rect): boolean {
  return (
    inner.x >= outer.x &&
    inner.y >= outer.y &&
    inner.x + inner.width <= outer.x + outer.width &&
    inner.y + inner.height <= outer.y + outer.height
  )
}

/**
 * Whether segment a1–a2 and segment b1–b2 share at least one point: crossing, touching at an end,
 * or overlapping along a common line all count. A zero-length segment is a point and intersects a
 * segment it lies on (or an equal point).
 */
export function segmentsIntersect(a1: Point, a2: Point, b1: Point, b2: Point): boolean {
  const b1Side = orientation(a1, a2, b1)
  const b2Side = orientation(a1, a2, b2)
  const a1Side = orientation(b1, b2, a1)
  const a2Side = orientation(b1, b2, a2)
  if (b1Side * b2Side < 0 && a1Side * a2Side < 0) return true
  // Otherwise they can only meet where an end point lies on the other segment (this covers touching
  // ends, collinear overlap and zero-length segments).
  return (
    (b1Side === 0 && withinBox(a1, a2, b1)) ||
    (b2Side === 0 && withinBox(a1, a2, b2)) ||
    (a1Side === 0 && withinBox(b1, b2, a1)) ||
    (a2Side === 0 && withinBox(b1, b2, a2))
  )
}

/**
 * Whether two polylines share a point. A one-point polyline is treated as that point; an empty one
 * meets nothing. Quadratic in the number of segments, which for diagram lines is a handful.
 */
export function polylinesIntersect(first: readonly Point[], second: readonly Point[]): boolean {
  const firstSegments = segmentsOf(first)
  const secondSegments = segmentsOf(second)
  return firstSegments.some(([a1, a2]) => secondSegments.some(([b1, b2]) => segmentsIntersect(a1, a2, b1, b2)))
}

function segmentsOf(points: readonly Point[]): (readonly [Point, Point])[] {
  const [only] = points
  if (points.length === 1 && only !== undefined) return [[only, only]]
  const segments: (readonly [Point, Point])[] = []
  for (let index = 1; index < points.length; index++) {
    segments.push([points[index - 1] as Point, points[index] as Point])
  }
  return segments
}

/** The sign of the turn a → b → c: zero exactly when c is on the line through a and b. */
function orientation(a: Point, b: Point, c: Point): number {
  return Math.sign((b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x))
}

/** For a point already known to be on the line through a and b: is it between them? */
function withinBox(a: Point, b: Point, point: Point): boolean {
  return (
    point.x >= Math.min(a.x, b.x) &&
    point.x <= Math.max(a.x, b.x) &&
    point.y >= Math.min(a.y, b.y) &&
    point.y <= Math.max(a.y, b.y)
  )
}

/** The polyline with `point` inserted between the two points of the segment nearest to it. */
export function insertIntoNearestSegment(polyline: readonly Point[], point: Point): Point[] {
  let best = 1
  let bestDistance = Number.POSITIVE_INFINITY
  for (let index = 1; index < polyline.length; index++) {
    const distance = distanceToSegment(point, polyline[index - 1] as Point, polyline[index] as Point)
    if (distance < bestDistance) {
      bestDistance = distance
      best = index
    }
  }
  return [...polyline.slice(0, best), { x: point.x, y: point.y }, ...polyline.slice(best)]
}

function distanceToSegment(point: Point, a: Point, b: Point): number {
  const dx = b.x - a.x
  const dy = b.y - a.y
  const lengthSquared = dx * dx + dy * dy
  const t = lengthSquared === 0 ? 0 : Math.max(0, Math.min(1, ((point.x - a.x) * dx + (point.y - a.y) * dy) / lengthSquared))
  return Math.hypot(point.x - (a.x + t * dx), point.y - (a.y + t * dy))
}
