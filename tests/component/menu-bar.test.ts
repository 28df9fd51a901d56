import { fireEvent, render, screen } from '@testing-library/svelte'
import { describe, expect, it, vi } from 'vitest'
import MenuBar from '../../src-renderer/src/components/MenuBar.svelte'
import { commandState } from '../unit/renderer/command-fixtures'

// A document open with nothing selected, an undo step and something to paste: Edit ▸ Undo, Paste and
// Select All are enabled, Redo, Cut, Copy, Duplicate and Delete are not.
const state = commandState({ canUndo: true, canPaste: true })

function focusedCommand(): string | null {
  return (document.activeElement as HTMLElement | null)?.getAttribute('data-command-id') ?? null
}

describe('MenuBar keyboard', () => {
  it('opens a menu with ArrowDown on its title and moves over enabled entries only, wrapping, with Home and End', async () => {
    render(MenuBar, { props: { commandState: state, isMac: false, onrun: vi.fn() } })
    const title = screen.getByRole('button', { name: 'Edit' })
    title.focus()
    await fireEvent.keyDown(title, { key: 'ArrowDown' })
    await new Promise((resolve) => queueMicrotask(() => resolve(null)))
    const menu = screen.getByRole('menu', { name: 'Edit' })
    const enabled = [...menu.querySelectorAll<HTMLButtonElement>('[role^="menuitem"]:not(:disabled)')].map((entry) =>
      entry.getAttribute('data-command-id')
    )
    // The state above, in the Edit menu's order; every other entry is disabled and skipped.
    expect(enabled).toEqual(['edit.undo', 'edit.paste', 'edit.select-all'])
    expect(enabled.length).toBeLessThan(menu.querySelectorAll('[role^="menuitem"]').length)
    expect(focusedCommand()).toBe(enabled[0])

    await fireEvent.keyDown(menu, { key: 'ArrowUp' })
    expect(focusedCommand()).toBe(enabled.at(-1))
    await fireEvent.keyDown(menu, { key: 'ArrowDown' })
    expect(focusedCommand()).toBe(enabled[0])
    await fireEvent.keyDown(menu, { key: 'End' })
    expect(focusedCommand()).toBe(enabled.at(-1))
    await fireEvent.keyDown(menu, { key: 'Home' })
    expect(focusedCommand()).toBe(enabled[0])

    await fireEvent.keyDown(menu, { key: 'Escape' })
    expect(screen.queryByRole('menu', { name: 'Edit' })).toBeNull()
    expect(document.activeElement).toBe(title)
  })
})
