import { describe, expect, it } from 'vitest'
import { commandForClipboardEvent, commandForKey, keyFocusOf, type KeyContext, type KeyFocus } from '../../../src-renderer/src/commands/key-routing'
import type { KeyPress } from '../../../src-renderer/src/commands/key-chords'
import { press } from './command-fixtures'
import { COMMANDS } from '../../../src-renderer/src/commands/registry'
import { TRIAGE_KEYS, triageKeyAction } from '../../../src-renderer/src/threats/triage-keys'


function id(key: string, focus: KeyFocus, modifiers: Partial<KeyPress> = {}, mode: KeyContext['mode'] = 'browser'): string | undefined {
  return commandForKey(press(key, modifiers), { isMac: false, focus, mode })?.id
}

describe('which keys the page runs', () => {
  it('runs plain keys on the canvas and the page, never while typing or in a widget that owns its keys', () => {
    for (const [key, command] of [
      ['c', 'diagram.connect'],
      ['Delete', 'edit.delete'],
      ['Backspace', 'edit.delete'],
      ['ArrowLeft', 'edit.move-left'],
      ['Escape', 'edit.cancel'],
      ['f', 'view.fit'],
      ['F10', undefined]
    ] as const) {
      expect(id(key, 'canvas'), key).toBe(command)
      expect(id(key, 'page'), key).toBe(command)
      expect(id(key, 'text'), key).toBeUndefined()
      expect(id(key, 'widget'), key).toBeUndefined()
    }
    expect(id('F10', 'canvas', { shiftKey: true })).toBe('edit.context-menu')
    expect(id('ContextMenu', 'page')).toBe('edit.context-menu')
    expect(id('F10', 'text', { shiftKey: true })).toBeUndefined()
  })

  it('lets a text field keep cut, copy, paste and select all, but undo stays the model’s', () => {
    for (const key of ['c', 'x', 'v', 'a']) {
      expect(id(key, 'text', { ctrlKey: true }), key).toBeUndefined()
      expect(id(key, 'canvas', { ctrlKey: true }), key).toBeDefined()
    }
    expect(id('z', 'text', { ctrlKey: true })).toBe('edit.undo')
    expect(id('s', 'text', { ctrlKey: true })).toBe('file.save')
    expect(id('z', 'widget', { ctrlKey: true })).toBe('edit.undo')
  })

  it('cycles elements with Tab only while the canvas has focus, so Tab moves focus everywhere else', () => {
    expect(id('Tab', 'canvas')).toBe('edit.select-next')
    expect(id('Tab', 'canvas', { shiftKey: true })).toBe('edit.select-previous')
    for (const focus of ['page', 'text', 'widget'] as const) expect(id('Tab', focus)).toBeUndefined()
  })

  it('never runs the threat table’s keys: digits and Enter stay with the focused table', () => {
    expect(id('1', 'page')).toBeUndefined()
    expect(id('Enter', 'canvas')).toBeUndefined()
    expect(id('PageDown', 'page')).toBeUndefined()
    // Arrows on the canvas still move the selection, not threat rows.
    expect(id('ArrowDown', 'canvas')).toBe('edit.move-down')
  })

  it('in Electron leaves the native menu its registered accelerators and clipboard roles, and runs the rest', () => {
    // Registered by the native menu (a menu command's first Ctrl shortcut): running them here too would run them twice.
    expect(id('s', 'page', { ctrlKey: true }, 'electron')).toBeUndefined()
    expect(id('H', 'page', { ctrlKey: true, shiftKey: true }, 'electron')).toBeUndefined()
    expect(id('c', 'page', { ctrlKey: true }, 'electron')).toBeUndefined()
    // Shown but not registered (plain keys), aliases and keyboard-only commands are the page's.
    expect(id('Delete', 'canvas', {}, 'electron')).toBe('edit.delete')
    expect(id('c', 'canvas', {}, 'electron')).toBe('diagram.connect')
    expect(id('0', 'page', { ctrlKey: true }, 'electron')).toBe('view.fit')
    expect(id('y', 'page', { ctrlKey: true }, 'electron')).toBe('edit.redo')
    expect(id('ArrowUp', 'canvas', { shiftKey: true }, 'electron')).toBe('edit.move-up-grid')
    expect(id('Tab', 'canvas', {}, 'electron')).toBe('edit.select-next')
    expect(id('Escape', 'canvas', {}, 'electron')).toBe('edit.cancel')
    // Typing rules hold there too.
    expect(id('Delete', 'text', {}, 'electron')).toBeUndefined()
  })
})

describe('where focus is', () => {
  /** A stand-in for an element: `closest` answers for the selectors it is inside. */
  const inside = (...matching: string[]) => ({
    closest: (selector: string) => (matching.some((part) => selector.includes(part)) ? {} : null)
  })

  it('tells text fields, key-owning widgets, the canvas and the rest apart', () => {
    expect(keyFocusOf(inside('input'))).toBe('text')
    expect(keyFocusOf(inside('textarea'))).toBe('text')
    expect(keyFocusOf(inside('contenteditable'))).toBe('text')
    expect(keyFocusOf(inside('role="grid"'))).toBe('widget')
    expect(keyFocusOf(inside('role="tablist"'))).toBe('widget')
    expect(keyFocusOf(inside('data-key-scope="canvas"'))).toBe('canvas')
    // A text field on the canvas (none today) would still be typing.
    expect(keyFocusOf(inside('data-key-scope="canvas"', 'input'))).toBe('text')
    expect(keyFocusOf(inside())).toBe('page')
    expect(keyFocusOf(null)).toBe('page')
    expect(keyFocusOf({})).toBe('page')
  })
})

describe('clipboard events (Electron’s Edit menu roles with no text field focused)', () => {
  const inside = (...matching: string[]) => ({
    closest: (selector: string) => (matching.some((part) => selector.includes(part)) ? {} : null)
  })

  it('runs the diagram clipboard commands from the page and the canvas, never from a text field', () => {
    expect(commandForClipboardEvent('copy', inside('data-key-scope="canvas"'))).toBe('edit.copy')
    expect(commandForClipboardEvent('cut', null)).toBe('edit.cut')
    expect(commandForClipboardEvent('paste', inside())).toBe('edit.paste')
    expect(commandForClipboardEvent('paste', inside('textarea'))).toBeUndefined()
    expect(commandForClipboardEvent('copy', inside('input'))).toBeUndefined()
    expect(commandForClipboardEvent('beforecopy', inside())).toBeUndefined()
  })
})

describe('triage keys in the registry', () => {
  it('lists every key the threat table obeys as a table-scoped registry command, with the same keys', () => {
    for (const entry of TRIAGE_KEYS) {
      const command = COMMANDS.find((each) => each.id === entry.id)
      expect(command?.scope, entry.id).toBe('threat-table')
      expect(command?.shortcuts).toEqual(entry.shortcuts)
      expect(command?.hiddenFromMenu).toBe(true)
    }
    const tableCommands = COMMANDS.filter((command) => command.scope === 'threat-table')
    expect(tableCommands.map((command) => command.id)).toEqual(TRIAGE_KEYS.map((entry) => entry.id))
    // ↑/↓, Page Up/Down, 1–5, Enter, Esc: what the table's handler maps, key for key.
    const keys = tableCommands.flatMap((command) => command.shortcuts)
    expect(keys).toEqual(expect.arrayContaining(['Up', 'Down', 'Shift+Up', 'PageDown', '1', '2', '3', '4', '5', 'Enter', 'Escape']))
    expect(triageKeyAction({ ...press('PageUp'), shiftKey: true })).toEqual({ kind: 'move', delta: -10, extend: true })
  })

  it('lets the palette set a state on the table’s selection through the same action', async () => {
    const ran: unknown[] = []
    const command = COMMANDS.find((each) => each.id === 'threats.state-mitigated')
    expect(command?.label).toBe('Set State: Mitigated')
    await command?.run({ threats: { triage: (action: unknown) => ran.push(action) } } as never)
    expect(ran).toEqual([{ kind: 'state', state: 'mitigated' }])
    expect(command?.undoable).toBe(true)
    expect(COMMANDS.find((each) => each.id === 'threats.next')?.undoable).toBe(false)
  })
})
