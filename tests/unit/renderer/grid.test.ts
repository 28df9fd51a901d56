import { describe, expect, it } from 'vitest'
import { GRID_SIZE, gridPaint, gridStep, snappedDelta, snapPoint, snapRectOrigin } from '../../../src-renderer/src/canvas/grid'

describe('snapping', () => {
  it('snaps values, points and a rectangle’s corner to the nearest grid line', () => {
    expect(GRID_SIZE).toBe(10)
    expect(snapPoint({ x: 14, y: 15 }, 10)).toEqual({ x: 10, y: 20 })
    expect(snapPoint({ x: -14, y: -16 }, 10)).toEqual({ x: -10, y: -20 })
    expect(snapRectOrigin({ x: 123, y: 47, width: 33, height: 21 }, 10)).toEqual({ x: 120, y: 50, width: 33, height: 21 })
  })

  it('moves a dragged shape so its corner lands on the grid nearest the pointer’s target', () => {
    // Corner at (103, 47), pointer moved (+24, -3): raw corner (127, 44) snaps to (130, 40).
    expect(snappedDelta({ x: 103, y: 47 }, { x: 24, y: -3 }, 10)).toEqual({ x: 27, y: -7 })
    // A shape already on the grid moves by whole steps only.
    expect(snappedDelta({ x: 100, y: 40 }, { x: 4, y: 6 }, 10)).toEqual({ x: 0, y: 10 })
  })

  it('Shift+arrow: one step, or to the next grid line while snapping', () => {
    expect(gridStep(100, 1, 10, true)).toBe(10)
    expect(gridStep(103, 1, 10, true)).toBe(7)
    expect(gridStep(103, -1, 10, true)).toBe(-3)
    expect(gridStep(100, -1, 10, true)).toBe(-10)
    expect(gridStep(103, 1, 10, false)).toBe(10)
    expect(gridStep(103, 0, 10, true)).toBe(0)
  })
})

describe('painting the grid', () => {
  it('puts dots on model multiples of the step at the current pan and zoom', () => {
    // Tiles of 10 px; the gradient's dot is at a tile's centre, so tiles start half a tile before a grid line.
    expect(gridPaint(1, { x: 0, y: 0 }, 10)).toEqual({ spacing: 10, offsetX: 5, offsetY: 5 })
    expect(gridPaint(2, { x: 33, y: -7 }, 10)).toEqual({ spacing: 20, offsetX: 3, offsetY: 3 })
  })

  it('thins out dots that would be closer than 8 px when zoomed out', () => {
    expect(gridPaint(0.5, { x: 0, y: 0 }, 10).spacing).toBe(10)
    expect(gridPaint(0.1, { x: 0, y: 0 }, 10).spacing).toBe(8)
  })
})
