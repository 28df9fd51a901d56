import type { Point } from '../../../model/geometry-types'

/** Cytoscape's description of a polyline edge: one weight and one distance per bend point. */
export interface SegmentStyle {
  readonly weights: readonly number[]
  readonly distances: readonly number[]
}

/**
 * Converts absolute bend points (model coordinates) into Cytoscape's `segments` edge parameters.
 *
 * Cytoscape places bend i at `start + w·(end − start) + d·n`, where `start`/`end` are the centres of the
 * edge's source and target nodes (with `edge-distances: node-position`, which style.ts sets) and `n` is
 * the unit normal `(−dy, dx) / |end − start|` (y grows downwards; see cytoscape's
 * edge-control-points.mjs, `vectorNormInverse`). So `w` is the bend's projection onto the baseline as a
 * fraction of its length and `d` its signed perpendicular distance from it.
 *
 * When start and end coincide there is no baseline to measure against, and null says "draw straight".
 */
export function bendPointsToSegments(start: Point, end: Point, bendPoints: readonly Point[]): SegmentStyle | null {
  if (bendPoints.length === 0) return null
  const dx = end.x - start.x
  const dy = end.y - start.y
  const lengthSquared = dx * dx + dy * dy
  if (lengthSquared < 1e-9) return null
  const length = Math.sqrt(lengthSquared)
  const weights: number[] = []
  const distances: number[] = []
  for (const bend of bendPoints) {
    const offsetX = bend.x - start.x
    const offsetY = bend.y - start.y
    weights.push(round((offsetX * dx + offsetY * dy) / lengthSquared))
    distances.push(round((offsetY * dx - offsetX * dy) / length))
  }
  return { weights, distances }
}

/** The inverse, as Cytoscape computes it: used by tests to prove the conversion round-trips. */
export function segmentsToBendPoints(start: Point, end: Point, segments: SegmentStyle): Point[] {
  const dx = end.x - start.x
  const dy = end.y - start.y
  const length = Math.sqrt(dx * dx + dy * dy)
  const normal = { x: -dy / length, y: dx / length }
  return segments.weights.map((weight, index) => {
    const distance = segments.distances[index] ?? 0
    return {
      x: start.x + weight * dx + distance * normal.x,
      y: start.y + weight * dy + distance * normal.y
    }
  })
}

/** Six decimals: sub-pixel exact, and stable numbers in snapshots and diffs. */
function round(value: number): number {
  // `+ 0` turns -0 into 0, so a bend exactly on the baseline reads as distance 0.
  return Math.round(value * 1e6) / 1e6 + 0
}
