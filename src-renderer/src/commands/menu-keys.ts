/**
 * Keyboard movement inside an open menu, shared by the menu bar and the context menu (WAI-ARIA menu
 * pattern): ArrowDown and ArrowUp step through the entries and wrap, Home and End go to the ends.
 * Disabled entries are skipped, as they cannot take focus.
 */

/** Where focus goes for `key` from entry `current` (-1: none focused) of `count`; null when the key does not move it. */
export function menuFocusTarget(key: string, current: number, count: number): number | null {
  if (count === 0) return null
  switch (key) {
    case 'ArrowDown':
      return (current + 1) % count
    case 'ArrowUp':
      return current <= 0 ? count - 1 : current - 1
    case 'Home':
      return 0
    case 'End':
      return count - 1
    default:
      return null
  }
}

/** The entries of a menu that can take focus, in order. */
export function focusableEntries(menu: ParentNode | undefined): HTMLButtonElement[] {
  return [...(menu?.querySelectorAll<HTMLButtonElement>('[role^="menuitem"]:not(:disabled)') ?? [])]
}

/** Moves focus for a menu key; true when the key was one and focus moved. */
export function moveMenuFocus(menu: ParentNode | undefined, key: string): boolean {
  const entries = focusableEntries(menu)
  const current = entries.indexOf(document.activeElement as HTMLButtonElement)
  const target = menuFocusTarget(key, current, entries.length)
  if (target === null) return false
  entries[target]?.focus()
  return true
}
