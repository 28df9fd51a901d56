import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { bendPointsToSegments, segmentsToBendPoints } from '../../../src-renderer/src/canvas/segments'

describe('bendPointsToSegments', () => {
  it('gives no segments for a straight flow', () => {
    expect(bendPointsToSegments({ x: 0, y: 0 }, { x: 100, y: 0 }, [])).toBeNull()
  })

  it('measures weight along the baseline and distance across it (y down, normal = (-dy, dx))', () => {
    // Baseline along +x: the normal points to +y (down the screen).
    expect(bendPointsToSegments({ x: 0, y: 0 }, { x: 100, y: 0 }, [{ x: 25, y: 40 }])).toEqual({
      weights: [0.25],
      distances: [40]
    })
    expect(bendPointsToSegments({ x: 0, y: 0 }, { x: 100, y: 0 }, [{ x: 50, y: -10 }])).toEqual({
      weights: [0.5],
      distances: [-10]
    })
    // Baseline along +y: the normal points to -x.
    expect(bendPointsToSegments({ x: 10, y: 10 }, { x: 10, y: 110 }, [{ x: -20, y: 60 }])).toEqual({
      weights: [0.5],
      distances: [30]
    })
  })

  it('keeps bends outside the span of the baseline (weights < 0 or > 1)', () => {
    const segments = bendPointsToSegments({ x: 0, y: 0 }, { x: 100, y: 0 }, [
      { x: -50, y: 20 },
      { x: 150, y: 20 }
    ])
    expect(segments).toEqual({ weights: [-0.5, 1.5], distances: [20, 20] })
  })

  it('cannot measure against a zero-length baseline and draws straight', () => {
    expect(bendPointsToSegments({ x: 5, y: 5 }, { x: 5, y: 5 }, [{ x: 10, y: 10 }])).toBeNull()
  })

  it('round-trips through the formula Cytoscape uses', () => {
    const point = fc.record({ x: fc.integer({ min: -2000, max: 2000 }), y: fc.integer({ min: -2000, max: 2000 }) })
    fc.assert(
      fc.property(point, point, fc.array(point, { minLength: 1, maxLength: 6 }), (start, end, bends) => {
        fc.pre(Math.hypot(end.x - start.x, end.y - start.y) > 1)
        const segments = bendPointsToSegments(start, end, bends)
        expect(segments).not.toBeNull()
        if (!segments) return
        const back = segmentsToBendPoints(start, end, segments)
        back.forEach((point, index) => {
          expect(point.x).toBeCloseTo(bends[index]?.x ?? NaN, 1)
          expect(point.y).toBeCloseTo(bends[index]?.y ?? NaN, 1)
        })
      })
    )
  })
})
