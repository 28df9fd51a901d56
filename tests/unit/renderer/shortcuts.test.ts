import { describe, expect, it } from 'vitest'
import {
  COMMANDS,
  runCommand,
  type CommandContext
} from '../../../src-renderer/src/commands/registry'
import { commandForKeyPress, displayShortcut, type KeyPress } from '../../../src-renderer/src/commands/shortcuts'
import { commandState, press } from './command-fixtures'


describe('command registry', () => {
  it('has the ids the Electron menu sends, each once', () => {
    const ids = COMMANDS.map((command) => command.id)
    expect(new Set(ids).size).toBe(ids.length)
    expect(ids).toEqual(
      expect.arrayContaining([
        'file.new',
        'file.open',
        'file.save',
        'file.save-as',
        'file.import',
        'file.export',
        'file.save-and-close',
        'edit.undo',
        'edit.redo',
        'view.zoom-in',
        'view.zoom-out',
        'view.fit',
        'help.about',
        'help.shortcuts'
      ])
    )
  })

  it('never binds one shortcut to two commands where both could fire', () => {
    // Threat-table keys are the focused table's alone; app-wide and canvas keys can both fire on the canvas.
    for (const scopes of [[undefined, 'canvas'], ['threat-table']]) {
      const all = COMMANDS.filter((command) => scopes.includes(command.scope)).flatMap((command) => command.shortcuts.map((shortcut) => shortcut.toLowerCase()))
      expect(new Set(all).size).toBe(all.length)
    }
  })

  const state = commandState()

  it('keeps undo and redo disabled until the editor brings history', () => {
    const undo = COMMANDS.find((command) => command.id === 'edit.undo')
    expect(undo?.when(state)).toBe(false)
    expect(undo?.when({ ...state, canUndo: true })).toBe(true)
  })

  it('runs enabled commands only, and unknown ids not at all', async () => {
    const calls: string[] = []
    const context = new Proxy({} as CommandContext, {
      get: (_target, name) => async () => {
        calls.push(String(name))
      }
    })
    expect(await runCommand('file.save', state, context)).toBe(true)
    expect(await runCommand('edit.undo', state, context)).toBe(false)
    expect(await runCommand('no.such-command', state, context)).toBe(false)
    expect(await runCommand('file.save', { ...state, hasDocument: false }, context)).toBe(false)
    expect(calls).toEqual(['saveDocument'])
  })
})

describe('keyboard shortcuts', () => {
  const id = (key: string, modifiers: Partial<KeyPress> = {}, isMac = false): string | undefined =>
    commandForKeyPress(press(key, modifiers), isMac)?.id

  it('maps Ctrl on Windows/Linux and ⌘ on macOS', () => {
    expect(id('o', { ctrlKey: true })).toBe('file.open')
    expect(id('o', { metaKey: true }, true)).toBe('file.open')
    expect(id('o', { metaKey: true })).toBeUndefined()
    expect(id('o', { ctrlKey: true }, true)).toBeUndefined()
  })

  it('tells Save from Save As and Undo from Redo by Shift', () => {
    expect(id('s', { ctrlKey: true })).toBe('file.save')
    expect(id('S', { ctrlKey: true, shiftKey: true })).toBe('file.save-as')
    expect(id('z', { ctrlKey: true })).toBe('edit.undo')
    expect(id('Z', { ctrlKey: true, shiftKey: true })).toBe('edit.redo')
    expect(id('y', { ctrlKey: true })).toBe('edit.redo')
    expect(id('n', { ctrlKey: true })).toBe('file.new')
  })

  it('zooms with +, = and -, fits with 0 or F', () => {
    expect(id('+', { ctrlKey: true, shiftKey: true })).toBe('view.zoom-in')
    expect(id('=', { ctrlKey: true })).toBe('view.zoom-in')
    expect(id('-', { ctrlKey: true })).toBe('view.zoom-out')
    expect(id('0', { ctrlKey: true })).toBe('view.fit')
    expect(id('f')).toBe('view.fit')
    expect(id('f', { altKey: true })).toBeUndefined()
  })

  it('shows shortcuts the platform way', () => {
    expect(displayShortcut('CmdOrCtrl+Shift+S', false)).toBe('Ctrl+Shift+S')
    expect(displayShortcut('CmdOrCtrl+Shift+S', true)).toBe('⇧⌘S')
    expect(displayShortcut('CmdOrCtrl+Plus', false)).toBe('Ctrl++')
    expect(displayShortcut('F', false)).toBe('F')
    expect(displayShortcut('Shift+Up', false)).toBe('Shift+↑')
    expect(displayShortcut('Delete', false)).toBe('Delete')
    expect(displayShortcut('Escape', true)).toBe('Esc')
    expect(displayShortcut('Shift+F10', false)).toBe('Shift+F10')
    expect(displayShortcut('ContextMenu', false)).toBe('Menu')
  })
})

describe('editor shortcuts', () => {
  const id = (key: string, modifiers: Partial<KeyPress> = {}): string | undefined => commandForKeyPress(press(key, modifiers), false)?.id

  it('maps arrows (Shift = grid step), Delete, Ctrl+D, C, Ctrl+Shift+H and Ctrl+Shift+P', () => {
    expect(id('ArrowUp')).toBe('edit.move-up')
    expect(id('ArrowLeft', { shiftKey: true })).toBe('edit.move-left-grid')
    expect(id('Delete')).toBe('edit.delete')
    expect(id('Backspace')).toBe('edit.delete')
    expect(id('d', { ctrlKey: true })).toBe('edit.duplicate')
    expect(id('c')).toBe('diagram.connect')
    expect(id('c', { ctrlKey: true })).toBe('edit.copy')
    expect(id('H', { ctrlKey: true, shiftKey: true })).toBe('view.fit')
    expect(id('P', { ctrlKey: true, shiftKey: true })).toBe('view.command-palette')
  })

  it('nudges through the editor, only with a selection', async () => {
    const moves: [string, number, number][] = []
    const editor = new Proxy({} as CommandContext['editor'], {
      get: (_target, name) => (dx: number, dy: number) => {
        moves.push([String(name), dx, dy])
      }
    })
    const context = { editor } as CommandContext
    const state = commandState()
    expect(await runCommand('edit.move-right-grid', state, context)).toBe(false)
    expect(await runCommand('edit.move-right-grid', { ...state, selectionCount: 1 }, context)).toBe(true)
    expect(await runCommand('edit.move-up', { ...state, selectionCount: 1 }, context)).toBe(true)
    // Shift+arrow asks for a grid step in a direction; the session knows the grid (canvas/grid.ts).
    expect(moves).toEqual([
      ['nudgeByGrid', 1, 0],
      ['nudge', 0, -1]
    ])
  })
})
