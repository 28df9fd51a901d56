import { describe, expect, it } from 'vitest'
import type { Point } from '../../../model/geometry-types'
import {
  pointInRect,
  polylinesIntersect,
  rectCenter,
  rectContainsRect,
  segmentsIntersect
} from '../../../model/geometry'

const p = (x: number, y: number): Point => ({ x, y })

describe('rects', () => {
  it('finds the centre', () => {
    expect(rectCenter({ x: 10, y: 20, width: 100, height: 50 })).toEqual({ x: 60, y: 45 })
  })

  it('counts points on an edge or a corner as inside', () => {
    const rect = { x: 0, y: 0, width: 100, height: 50 }
    expect(pointInRect(p(50, 40), rect)).toBe(true)
    expect(pointInRect(p(100, 25), rect)).toBe(true)
    expect(pointInRect(p(0, 0), rect)).toBe(true)
    expect(pointInRect(p(100, 50), rect)).toBe(true)
    expect(pointInRect(p(100.5, 25), rect)).toBe(false)
    expect(pointInRect(p(50, -1), rect)).toBe(false)
  })

  it('contains rects inside it, itself and rects sharing its edges, but not overlapping ones', () => {
    const outer = { x: 0, y: 0, width: 100, height: 100 }
    expect(rectContainsRect(outer, { x: 10, y: 10, width: 20, height: 20 })).toBe(true)
    expect(rectContainsRect(outer, outer)).toBe(true)
    expect(rectContainsRect(outer, { x: 0, y: 0, width: 50, height: 100 })).toBe(true)
    expect(rectContainsRect(outer, { x: 90, y: 90, width: 20, height: 20 })).toBe(false)
    expect(rectContainsRect({ x: 10, y: 10, width: 20, height: 20 }, outer)).toBe(false)
  })
})

describe('segmentsIntersect', () => {
  it('finds a proper crossing', () => {
    expect(segmentsIntersect(p(0, 0), p(10, 10), p(0, 10), p(10, 0))).toBe(true)
  })

  it('rejects parallel segments and lines that would only meet beyond a segment', () => {
    expect(segmentsIntersect(p(0, 0), p(10, 0), p(0, 1), p(10, 1))).toBe(false)
    // The lines meet at (5,5), past the end of the first segment.
    expect(segmentsIntersect(p(0, 0), p(4, 4), p(0, 10), p(10, 0))).toBe(false)
    expect(segmentsIntersect(p(0, 0), p(10, 0), p(5, 1), p(5, 5))).toBe(false)
  })

  it('counts touching ends and an end touching the middle', () => {
    expect(segmentsIntersect(p(0, 0), p(5, 5), p(5, 5), p(10, 0))).toBe(true)
    expect(segmentsIntersect(p(0, 0), p(10, 0), p(5, 0), p(5, 5))).toBe(true)
  })

  it('handles collinear segments: overlapping, touching, apart', () => {
    expect(segmentsIntersect(p(0, 0), p(10, 0), p(5, 0), p(15, 0))).toBe(true)
    expect(segmentsIntersect(p(0, 0), p(5, 0), p(5, 0), p(9, 0))).toBe(true)
    expect(segmentsIntersect(p(0, 0), p(4, 0), p(5, 0), p(9, 0))).toBe(false)
    expect(segmentsIntersect(p(0, 0), p(2, 2), p(3, 3), p(4, 4))).toBe(false)
  })

  it('treats a zero-length segment as a point', () => {
    expect(segmentsIntersect(p(5, 0), p(5, 0), p(0, 0), p(10, 0))).toBe(true)
    expect(segmentsIntersect(p(0, 0), p(10, 0), p(5, 1), p(5, 1))).toBe(false)
    expect(segmentsIntersect(p(3, 3), p(3, 3), p(3, 3), p(3, 3))).toBe(true)
    expect(segmentsIntersect(p(3, 3), p(3, 3), p(3, 4), p(3, 4))).toBe(false)
  })
})

describe('polylinesIntersect', () => {
  const lShape = [p(0, 0), p(10, 0), p(10, 10)]

  it('finds a crossing on any segment', () => {
    expect(polylinesIntersect(lShape, [p(5, -5), p(5, 5)])).toBe(true)
    expect(polylinesIntersect(lShape, [p(5, 5), p(15, 5)])).toBe(true)
    expect(polylinesIntersect(lShape, [p(12, 0), p(12, 10)])).toBe(false)
  })

  it('treats a one-point polyline as a point and an empty one as nothing', () => {
    expect(polylinesIntersect(lShape, [p(10, 5)])).toBe(true)
    expect(polylinesIntersect(lShape, [p(9, 5)])).toBe(false)
    expect(polylinesIntersect(lShape, [])).toBe(false)
  })
})
