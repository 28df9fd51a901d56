import { describe, expect, it } from 'vitest'
import { installPanGesture } from '../../src-renderer/src/canvas/pan-gesture'

/** A stage with a child standing in for Cytoscape's container, and a view that records pans. */
function setUp() {
  const stage = document.createElement('div')
  const cytoscape = document.createElement('div')
  stage.append(cytoscape)
  document.body.append(stage)
  let pan = { x: 0, y: 0 }
  const seenByCytoscape: string[] = []
  for (const type of ['pointerdown', 'pointermove', 'pointerup']) cytoscape.addEventListener(type, () => seenByCytoscape.push(type))
  const states: { spaceHeld: boolean; panning: boolean }[] = []
  const gesture = installPanGesture(
    stage,
    {
      panBy: (delta) => (pan = { x: pan.x + delta.x, y: pan.y + delta.y }),
      setPan: (next) => (pan = { ...next }),
      viewport: () => ({ pan })
    },
    (state) => states.push(state)
  )
  const pointer = (type: string, x: number, y: number, button = 0) =>
    cytoscape.dispatchEvent(new PointerEvent(type, { clientX: x, clientY: y, button, pointerId: 1, bubbles: true, cancelable: true }))
  return { gesture, pointer, pan: () => pan, seenByCytoscape, states }
}

describe('space and middle-button pan', () => {
  it('pans with the middle button and keeps the press from Cytoscape', () => {
    const { pointer, pan, seenByCytoscape } = setUp()
    expect(pointer('pointerdown', 100, 100, 1)).toBe(false)
    pointer('pointermove', 130, 90)
    pointer('pointermove', 140, 120)
    pointer('pointerup', 140, 120, 1)
    expect(pan()).toEqual({ x: 40, y: 20 })
    expect(seenByCytoscape).toEqual([])
  })

  it('pans a primary-button drag only while Space is held', () => {
    const { gesture, pointer, pan, seenByCytoscape, states } = setUp()
    pointer('pointerdown', 10, 10)
    pointer('pointermove', 50, 50)
    pointer('pointerup', 50, 50)
    expect(pan()).toEqual({ x: 0, y: 0 })
    expect(seenByCytoscape).toEqual(['pointerdown', 'pointermove', 'pointerup'])

    gesture.setSpaceHeld(true)
    pointer('pointerdown', 10, 10)
    pointer('pointermove', 25, 5)
    expect(states.at(-1)).toEqual({ spaceHeld: true, panning: true })
    pointer('pointerup', 25, 5)
    expect(pan()).toEqual({ x: 15, y: -5 })
    expect(states.at(-1)).toEqual({ spaceHeld: true, panning: false })
  })

  it('Esc puts a pan in progress back where it started', () => {
    const { gesture, pointer, pan } = setUp()
    pointer('pointerdown', 0, 0, 1)
    pointer('pointermove', 80, 40)
    expect(gesture.cancel()).toBe(true)
    expect(pan()).toEqual({ x: 0, y: 0 })
    pointer('pointermove', 120, 40)
    expect(pan()).toEqual({ x: 0, y: 0 })
    expect(gesture.cancel()).toBe(false)
  })

  it('stops listening when removed', () => {
    const { gesture, pointer, pan } = setUp()
    gesture.remove()
    pointer('pointerdown', 0, 0, 1)
    pointer('pointermove', 80, 40)
    expect(pan()).toEqual({ x: 0, y: 0 })
  })
})
