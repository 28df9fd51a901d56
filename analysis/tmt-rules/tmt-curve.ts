import type { Point } from '../../model/geometry-types'

/** Enough segments that the sampled curve stays within a pixel of the true curve for diagram-sized flows. */
const SEGMENTS = 32

/**
 * TMT draws a connector or line boundary as a curve through its handle point (tmt-format.md §6,
 * §11: both modelled as quadratic Béziers through the handle reproduce TMT's crossings). Given
 * [start, handle, end] this returns the curve sampled as a polyline; any other shape is returned as is.
 * The control point that makes the curve pass through the handle at t = ½ is 2·handle − (start + end)/2.
 */
export function tmtCurve(points: readonly Point[]): readonly Point[] {
  if (points.length !== 3) return points
  const [start, handle, end] = points as [Point, Point, Point]
  const control = { x: 2 * handle.x - (start.x + end.x) / 2, y: 2 * handle.y - (start.y + end.y) / 2 }
  return Array.from({ length: SEGMENTS + 1 }, (_, step) => {
    const t = step / SEGMENTS
    const a = (1 - t) * (1 - t)
    const b = 2 * (1 - t) * t
    const c = t * t
    return { x: a * start.x + b * control.x + c * end.x, y: a * start.y + b * control.y + c * end.y }
  })
}
