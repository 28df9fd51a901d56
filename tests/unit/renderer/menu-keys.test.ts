import { describe, expect, it } from 'vitest'
import { menuFocusTarget } from '../../../src-renderer/src/commands/menu-keys'

describe('menuFocusTarget (WAI-ARIA menu keys)', () => {
  it('steps down and up through the entries and wraps at both ends', () => {
    expect(menuFocusTarget('ArrowDown', 0, 3)).toBe(1)
    expect(menuFocusTarget('ArrowDown', 2, 3)).toBe(0)
    expect(menuFocusTarget('ArrowUp', 1, 3)).toBe(0)
    expect(menuFocusTarget('ArrowUp', 0, 3)).toBe(2)
  })

  it('enters a menu with no entry focused at the first (down) or the last (up) entry', () => {
    expect(menuFocusTarget('ArrowDown', -1, 3)).toBe(0)
    expect(menuFocusTarget('ArrowUp', -1, 3)).toBe(2)
  })

  it('goes to the ends with Home and End, and leaves other keys and empty menus alone', () => {
    expect(menuFocusTarget('Home', 2, 3)).toBe(0)
    expect(menuFocusTarget('End', 0, 3)).toBe(2)
    expect(menuFocusTarget('Enter', 0, 3)).toBeNull()
    expect(menuFocusTarget('ArrowDown', -1, 0)).toBeNull()
  })
})
