import { describe, expect, it } from 'vitest'
import { nextInCycle } from '../../../src-renderer/src/editor/tab-order'

describe('Tab order', () => {
  const order = ['a', 'b', 'c']

  it('starts at the first element (the last, backwards) when none is selected', () => {
    expect(nextInCycle(order, [], 1)).toBe('a')
    expect(nextInCycle(order, ['flow-1'], -1)).toBe('c')
  })

  it('steps from the last selected element and wraps around both ways', () => {
    expect(nextInCycle(order, ['a'], 1)).toBe('b')
    expect(nextInCycle(order, ['c'], 1)).toBe('a')
    expect(nextInCycle(order, ['a'], -1)).toBe('c')
    expect(nextInCycle(order, ['b', 'flow-1'], 1)).toBe('c')
    expect(nextInCycle(order, ['c', 'a'], 1)).toBe('b')
  })

  it('has nothing to select on an empty diagram', () => {
    expect(nextInCycle([], ['a'], 1)).toBeNull()
  })
})
