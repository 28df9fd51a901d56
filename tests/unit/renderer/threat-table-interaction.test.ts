import { describe, expect, it } from 'vitest'
import { clickRow, EMPTY_SELECTION, keepVisible, moveCurrent, targetIds } from '../../../src-renderer/src/threats/row-selection'
import { triageKeyAction } from '../../../src-renderer/src/threats/triage-keys'
import { scrollToReveal, virtualWindow } from '../../../src-renderer/src/threats/virtual-window'

const order = ['a', 'b', 'c', 'd', 'e']
const plain = { toggle: false, range: false }

describe('row selection', () => {
  it('click selects one, Ctrl-click toggles, Shift-click selects the range from the anchor', () => {
    const one = clickRow(EMPTY_SELECTION, order, 'b', plain)
    expect([...one.selected]).toEqual(['b'])
    const toggled = clickRow(one, order, 'd', { toggle: true, range: false })
    expect([...toggled.selected]).toEqual(['b', 'd'])
    const range = clickRow(one, order, 'e', { toggle: false, range: true })
    expect([...range.selected]).toEqual(['b', 'c', 'd', 'e'])
    expect(targetIds(range, order)).toEqual(['b', 'c', 'd', 'e'])
  })

  it('arrows move the current row, stop at the ends, and extend with Shift', () => {
    let selection = moveCurrent(EMPTY_SELECTION, order, 1, false)
    expect(selection.current).toBe('a')
    selection = moveCurrent(selection, order, -1, false)
    expect(selection.current).toBe('a')
    selection = moveCurrent(selection, order, 2, true)
    expect([...selection.selected]).toEqual(['a', 'b', 'c'])
    expect(moveCurrent(EMPTY_SELECTION, order, -1, false).current).toBe('e')
  })

  it('drops rows a filter hid', () => {
    const selection = clickRow(clickRow(EMPTY_SELECTION, order, 'a', plain), order, 'c', { toggle: false, range: true })
    const kept = keepVisible(selection, ['a', 'c'])
    expect([...kept.selected]).toEqual(['a', 'c'])
    expect(keepVisible(kept, ['a', 'c'])).toBe(kept)
  })
})

describe('triage keys', () => {
  const press = (key: string, extra: Partial<{ shiftKey: boolean; ctrlKey: boolean }> = {}) =>
    triageKeyAction({ key, shiftKey: false, ctrlKey: false, metaKey: false, altKey: false, ...extra })

  it('maps 1–5 to the states in workflow order and ignores 6–9', () => {
    expect(['1', '2', '3', '4', '5'].map((key) => press(key))).toEqual(
      ['notStarted', 'needsInvestigation', 'notApplicable', 'mitigated', 'accepted'].map((state) => ({ kind: 'state', state }))
    )
    expect(press('6')).toBeNull()
  })

  it('maps arrows, Enter and Escape, and leaves Ctrl combinations to the app', () => {
    expect(press('ArrowDown', { shiftKey: true })).toEqual({ kind: 'move', delta: 1, extend: true })
    expect(press('Enter')).toEqual({ kind: 'open' })
    expect(press('Escape')).toEqual({ kind: 'close' })
    expect(press('1', { ctrlKey: true })).toBeNull()
  })
})

describe('virtual window', () => {
  it('renders only the visible rows plus overscan, whatever the count', () => {
    expect(virtualWindow(0, 280, 28, 20_000, 5)).toEqual({ start: 0, end: 16, offsetTop: 0, totalHeight: 560_000 })
    expect(virtualWindow(28 * 10_000, 280, 28, 20_000, 5)).toEqual({ start: 9_995, end: 10_016, offsetTop: 279_860, totalHeight: 560_000 })
    expect(virtualWindow(10_000, 280, 28, 3, 5)).toMatchObject({ start: 3, end: 3 })
  })

  it('scrolls just enough to reveal a row', () => {
    expect(scrollToReveal(0, 100, 280, 28)).toBe(0)
    expect(scrollToReveal(20, 0, 280, 28)).toBe(21 * 28 - 280)
    expect(scrollToReveal(5, 100, 280, 28)).toBe(100)
  })
})
