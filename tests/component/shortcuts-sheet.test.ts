import { render, screen } from '@testing-library/svelte'
import { describe, expect, it, vi } from 'vitest'
import { COMMANDS } from '../../src-renderer/src/commands/registry'
import { displayShortcut } from '../../src-renderer/src/commands/shortcuts'
import ShortcutsSheet from '../../src-renderer/src/components/ShortcutsSheet.svelte'

describe('ShortcutsSheet', () => {
  it('lists every registry command that has a shortcut, with all its keys', () => {
    render(ShortcutsSheet, { props: { isMac: false, onclose: vi.fn() } })
    const sheet = screen.getByTestId('shortcuts-sheet')
    const rows = [...sheet.querySelectorAll('tr')]
    const withShortcuts = COMMANDS.filter((command) => command.shortcuts.length > 0)

    expect(rows.map((row) => row.getAttribute('data-command-id'))).toEqual(withShortcuts.map((command) => command.id))
    for (const command of withShortcuts) {
      const row = sheet.querySelector(`tr[data-command-id="${command.id}"]`)
      const keys = [...(row?.querySelectorAll('kbd') ?? [])].map((key) => key.textContent)
      expect(keys).toEqual(command.shortcuts.map((shortcut) => displayShortcut(shortcut, false)))
    }
    expect(sheet.textContent).toContain('Ctrl+Shift+S')
  })

  it('uses macOS symbols on a Mac', () => {
    render(ShortcutsSheet, { props: { isMac: true, onclose: vi.fn() } })
    expect(screen.getByTestId('shortcuts-sheet').textContent).toContain('⌘O')
  })

  it('closes on Escape', async () => {
    const onclose = vi.fn()
    render(ShortcutsSheet, { props: { isMac: false, onclose } })
    const dialog = screen.getByRole('dialog')
    dialog.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }))
    expect(onclose).toHaveBeenCalled()
  })
})
