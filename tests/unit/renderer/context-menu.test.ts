import { describe, expect, it } from 'vitest'
import { CONTEXT_MENUS, contextMenuItems, type ContextMenuItem } from '../../../src-renderer/src/commands/context-menu'
import { COMMANDS } from '../../../src-renderer/src/commands/registry'
import { commandState } from './command-fixtures'

const state = commandState({ selectionCount: 1 })

const ids = (items: readonly ContextMenuItem[]): string[] => items.map((item) => (item.kind === 'separator' ? '-' : item.command.id))

describe('context menus', () => {
  it('name only registry commands', () => {
    const known = new Set(COMMANDS.map((command) => command.id))
    for (const slots of Object.values(CONTEXT_MENUS)) for (const slot of slots) if (slot !== '-') expect(known.has(slot), slot).toBe(true)
  })

  it('offers an element the editing commands, with Delete enabled by the selection', () => {
    const items = contextMenuItems('element', state)
    expect(ids(items)).toEqual(['edit.cut', 'edit.copy', 'edit.duplicate', 'edit.delete', '-', 'diagram.connect', 'diagram.add-boundary', 'threats.add', '-', 'view.zoom-selection'])
    expect(items.find((item) => item.kind === 'command' && item.command.id === 'edit.delete')).toMatchObject({ enabled: true, checked: null })
  })

  it('adds Align and Distribute once enough is selected, and never leaves doubled separators', () => {
    expect(ids(contextMenuItems('element', { ...state, selectionCount: 2 }))).toContain('arrange.align-left')
    expect(ids(contextMenuItems('element', { ...state, selectionCount: 2 }))).not.toContain('arrange.distribute-horizontally')
    expect(ids(contextMenuItems('boundary', { ...state, selectionCount: 3 }))).toContain('arrange.distribute-vertically')
    for (const target of ['canvas', 'element', 'flow', 'boundary'] as const) {
      const shown = ids(contextMenuItems(target, state)).join(' ')
      expect(shown, target).not.toMatch(/(^- )|( -$)|(- -)/)
    }
  })

  it('greys out what cannot run and shows toggles’ states on the canvas menu', () => {
    const items = contextMenuItems('canvas', { ...state, selectionCount: 0 })
    expect(items.find((item) => item.kind === 'command' && item.command.id === 'edit.paste')).toMatchObject({ enabled: false })
    expect(items.find((item) => item.kind === 'command' && item.command.id === 'view.toggle-grid')).toMatchObject({ checked: true })
    expect(items.find((item) => item.kind === 'command' && item.command.id === 'view.toggle-minimap')).toMatchObject({ checked: false })
  })
})
