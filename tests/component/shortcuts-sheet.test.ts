import { render, screen } from '@testing-library/svelte'
import { describe, expect, it, vi } from 'vitest'
import { COMMANDS } from '../../src-renderer/src/commands/registry'
import { displayShortcut } from '../../src-renderer/src/commands/shortcuts'
import ShortcutsSheet from '../../src-renderer/src/components/ShortcutsSheet.svelte'

describe('ShortcutsSheet', () => {
  it('lists every registry command that has a shortcut, with all its keys', () => {
    render(ShortcutsSheet, { props: { isMac: false, onclose: vi.fn() } })
    const sheet = screen.getByTestId('shortcuts-sheet')
    const withShortcuts = COMMANDS.filter((command) => command.shortcuts.length > 0)

    // One section per place the keys work, each in registry order.
    for (const scope of ['app', 'canvas', 'threat-table'] as const) {
      const rows = [...sheet.querySelectorAll(`tbody[data-scope="${scope}"] tr[data-command-id]`)]
      const expected = withShortcuts.filter((command) => (command.scope ?? 'app') === scope)
      expect(expected.length, scope).toBeGreaterThan(0)
      expect(rows.map((row) => row.getAttribute('data-command-id'))).toEqual(expected.map((command) => command.id))
    }
    for (const command of withShortcuts) {
      const row = sheet.querySelector(`tr[data-command-id="${command.id}"]`)
      const keys = [...(row?.querySelectorAll('kbd') ?? [])].map((key) => key.textContent)
      expect(keys).toEqual(command.shortcuts.map((shortcut) => displayShortcut(shortcut, false)))
    }
    expect(sheet.textContent).toContain('Ctrl+Shift+S')
  })

  it('lists the triage keys of the threat table and Tab on the canvas', () => {
    render(ShortcutsSheet, { props: { isMac: false, onclose: vi.fn() } })
    const table = screen.getByTestId('shortcuts-sheet').querySelector('tbody[data-scope="threat-table"]')
    const row = (id: string) => table?.querySelector(`tr[data-command-id="${id}"]`)?.textContent ?? ''
    expect(row('threats.next')).toContain('↓')
    expect(row('threats.state-mitigated')).toMatch(/Set State: Mitigated\s*4/)
    expect(row('threats.open-details')).toContain('Enter')
    const canvas = screen.getByTestId('shortcuts-sheet').querySelector('tbody[data-scope="canvas"]')
    expect(canvas?.textContent).toContain('Select Next Element')
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
