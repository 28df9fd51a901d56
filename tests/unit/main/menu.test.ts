import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { applyMenuState, buildMenuTemplate, isPlainKeyShortcut, MENU_COMMAND_IDS, type MenuCommandId, type MenuItemNode, type MenuNode } from '../../../src-main/menu'

// Electron's type via our builder: tests may not import electron, even for types (lint/layers.mjs).
type MenuItemConstructorOptions = ReturnType<typeof buildMenuTemplate>[number]

function build(platform: NodeJS.Platform, recentFiles: readonly string[] = []) {
  const sent: MenuCommandId[] = []
  const opened: string[] = []
  const template = buildMenuTemplate({ platform, recentFiles, sendCommand: (id) => sent.push(id), openRecent: (path) => opened.push(path) })
  return { template, sent, opened }
}

function submenu(item: MenuItemConstructorOptions | undefined): MenuItemConstructorOptions[] {
  if (!Array.isArray(item?.submenu)) throw new Error(`no submenu on ${item?.label ?? 'nothing'}`)
  return item.submenu
}

function menu(template: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions[] {
  return submenu(template.find((item) => item.label === label))
}

function labels(items: MenuItemConstructorOptions[]): string[] {
  return items.map((item) => item.label ?? (item.type === 'separator' ? '---' : `role:${item.role ?? '?'}`))
}

function click(items: MenuItemConstructorOptions[], label: string): void {
  const item = items.find((candidate) => candidate.label === label)
  if (item?.click === undefined) throw new Error(`no clickable '${label}'`)
  ;(item.click as () => void)()
}

describe('buildMenuTemplate', () => {
  it('has File, Edit, Diagram, Threats, View and Help in that order on Windows and Linux', () => {
    for (const platform of ['win32', 'linux'] as const) {
      expect(build(platform).template.map((item) => item.label)).toEqual(['File', 'Edit', 'Diagram', 'Arrange', 'Threats', 'View', 'Help'])
    }
  })

  it('lays out the File menu, with Quit last outside macOS', () => {
    expect(labels(menu(build('linux').template, 'File'))).toEqual([
      'New',
      'Open…',
      'Open Recent',
      '---',
      'Save',
      'Save As…',
      '---',
      'Import…',
      'Export…',
      'Export Report…',
      '---',
      'Quit'
    ])
    expect(menu(build('linux').template, 'File').at(-1)?.role).toBe('quit')
  })

  it('sends each menu command id to the renderer', () => {
    const { template, sent } = build('linux')
    const expected: [string, string, MenuCommandId][] = [
      ['File', 'New', 'file.new'],
      ['File', 'Open…', 'file.open'],
      ['File', 'Save', 'file.save'],
      ['File', 'Save As…', 'file.save-as'],
      ['File', 'Import…', 'file.import'],
      ['File', 'Export…', 'file.export'],
      ['File', 'Export Report…', 'file.export-report'],
      ['Edit', 'Undo', 'edit.undo'],
      ['Edit', 'Redo', 'edit.redo'],
      ['Edit', 'Duplicate', 'edit.duplicate'],
      ['Edit', 'Delete', 'edit.delete'],
      ['Diagram', 'Connect', 'diagram.connect'],
      ['Diagram', 'Add Trust Boundary', 'diagram.add-boundary'],
      ['Diagram', 'New Diagram', 'diagram.add'],
      ['Diagram', 'Duplicate Diagram', 'diagram.duplicate'],
      ['Diagram', 'Delete Diagram', 'diagram.delete'],
      ['Diagram', 'Move Diagram Left', 'diagram.move-left'],
      ['Diagram', 'Move Diagram Right', 'diagram.move-right'],
      ['Arrange', 'Align Left', 'arrange.align-left'],
      ['Arrange', 'Align Center', 'arrange.align-center'],
      ['Arrange', 'Align Right', 'arrange.align-right'],
      ['Arrange', 'Align Top', 'arrange.align-top'],
      ['Arrange', 'Align Middle', 'arrange.align-middle'],
      ['Arrange', 'Align Bottom', 'arrange.align-bottom'],
      ['Arrange', 'Distribute Horizontally', 'arrange.distribute-horizontally'],
      ['Arrange', 'Distribute Vertically', 'arrange.distribute-vertically'],
      ['Threats', 'Generate Threats…', 'threats.generate'],
      ['Threats', 'Apply Template…', 'threats.apply-template'],
      ['Threats', 'Add Threat…', 'threats.add'],
      ['Threats', 'Insert from Library…', 'threats.insert-from-library'],
      ['View', 'Zoom In', 'view.zoom-in'],
      ['View', 'Zoom Out', 'view.zoom-out'],
      ['View', 'Fit Diagram', 'view.fit'],
      ['View', 'Zoom to Selection', 'view.zoom-selection'],
      ['View', 'Toggle Grid and Snap', 'view.toggle-grid'],
      ['View', 'Toggle Minimap', 'view.toggle-minimap'],
      ['View', 'Command Palette…', 'view.command-palette'],
      ['Help', 'About Threatwright', 'help.about'],
      ['Help', 'Keyboard Shortcuts', 'help.shortcuts']
    ]
    for (const [menuLabel, itemLabel] of expected) click(menu(template, menuLabel), itemLabel)
    expect(sent).toEqual(expected.map(([, , id]) => id))
  })

  it('uses the usual shortcuts', () => {
    const file = menu(build('linux').template, 'File')
    const accelerator = (label: string) => file.find((item) => item.label === label)?.accelerator
    expect([accelerator('New'), accelerator('Open…'), accelerator('Save'), accelerator('Save As…')]).toEqual([
      'CmdOrCtrl+N',
      'CmdOrCtrl+O',
      'CmdOrCtrl+S',
      'CmdOrCtrl+Shift+S'
    ])
    const edit = menu(build('linux').template, 'Edit')
    expect(edit.filter((item) => item.role !== undefined).map((item) => item.role)).toEqual(['cut', 'copy', 'paste', 'selectAll'])
    expect(menu(build('linux').template, 'View').find((item) => item.role === 'togglefullscreen')?.label).toBe('Toggle Full Screen')
  })

  it('lists recent files, opening them in main, and escapes & on Windows', () => {
    const { template, opened, sent } = build('win32', ['C:\\R&D\\shop.twm', 'C:\\models\\old.tm7'])
    const recent = submenu(menu(template, 'File').find((item) => item.label === 'Open Recent'))
    expect(labels(recent)).toEqual(['C:\\R&&D\\shop.twm', 'C:\\models\\old.tm7'])
    click(recent, 'C:\\models\\old.tm7')
    expect(opened).toEqual(['C:\\models\\old.tm7'])
    expect(sent).toEqual([])
  })

  it('shows a disabled placeholder when there are no recent files', () => {
    const recent = submenu(menu(build('linux').template, 'File').find((item) => item.label === 'Open Recent'))
    expect(recent).toEqual([{ label: 'No Recent Files', enabled: false }])
  })

  it('adds the app menu on macOS and moves Quit there', () => {
    const { template, sent } = build('darwin', ['/Users/me/R&D.twm'])
    expect(template.map((item) => item.label)).toEqual(['Threatwright', 'File', 'Edit', 'Diagram', 'Arrange', 'Threats', 'View', 'Help'])
    const appMenu = menu(template, 'Threatwright')
    expect(appMenu.at(-1)?.role).toBe('quit')
    expect(menu(template, 'File').some((item) => item.role === 'quit')).toBe(false)
    click(appMenu, 'About Threatwright')
    expect(sent).toEqual(['help.about'])
    const recent = submenu(menu(template, 'File').find((item) => item.label === 'Open Recent'))
    expect(recent[0]?.label).toBe('/Users/me/R&D.twm')
  })
})

/** The template as Electron's Menu would hold it: items start enabled, checked as the template says. */
function asMenu(template: MenuItemConstructorOptions[]): MenuNode {
  return {
    items: template.map(
      (item): MenuItemNode => ({
        ...(item.id === undefined ? {} : { id: item.id }),
        ...(item.type === undefined ? {} : { type: item.type }),
        enabled: item.enabled ?? true,
        checked: item.checked ?? false,
        submenu: Array.isArray(item.submenu) ? asMenu(item.submenu) : null
      })
    )
  }
}

function itemOf(menuNode: MenuNode, id: string): MenuItemNode[] {
  return menuNode.items.flatMap((item) => [...(item.id === id ? [item] : []), ...(item.submenu ? itemOf(item.submenu, id) : [])])
}

describe('applyMenuState', () => {
  it('greys the commands that cannot run and checks the toggles that are on', () => {
    const native = asMenu(build('linux').template)
    expect(itemOf(native, 'view.toggle-grid')[0]?.type).toBe('checkbox')
    applyMenuState(native, { disabled: ['edit.undo', 'arrange.align-left', 'not.a-menu-command'], checked: ['view.toggle-grid'] })
    expect(itemOf(native, 'edit.undo')[0]?.enabled).toBe(false)
    expect(itemOf(native, 'arrange.align-left')[0]?.enabled).toBe(false)
    expect(itemOf(native, 'edit.redo')[0]?.enabled).toBe(true)
    expect(itemOf(native, 'view.toggle-grid')[0]).toMatchObject({ enabled: true, checked: true })
    expect(itemOf(native, 'view.toggle-minimap')[0]).toMatchObject({ enabled: true, checked: false })

    applyMenuState(native, { disabled: [], checked: ['view.toggle-minimap'] })
    expect(itemOf(native, 'edit.undo')[0]?.enabled).toBe(true)
    expect(itemOf(native, 'view.toggle-grid')[0]?.checked).toBe(false)
    expect(itemOf(native, 'view.toggle-minimap')[0]?.checked).toBe(true)
  })

  it('reaches every item of an id (About is in two menus on macOS) and leaves role items alone', () => {
    const native = asMenu(build('darwin').template)
    applyMenuState(native, { disabled: ['help.about'], checked: [] })
    expect(itemOf(native, 'help.about').map((item) => item.enabled)).toEqual([false, false])
    const edit = native.items.find((item) => item.submenu?.items.some((entry) => entry.id === 'edit.undo'))
    expect(edit?.submenu?.items.filter((item) => item.id === undefined && item.type !== 'separator').every((item) => item.enabled)).toBe(true)
  })
})

interface RegistryEntry {
  readonly id: string
  readonly shortcuts: readonly string[]
  readonly hiddenFromMenu: boolean
}

/**
 * The renderer's command table, read as text: the node test project cannot import src-renderer (it is
 * type-checked by tsconfig.web.json, and a composite project may not pull in files it does not list).
 * Each entry is the text from one literal `id: '…'` to the next; generated ids (`edit.move-${name}`) are
 * not literals, and those commands are all hidden from menus.
 */
function registryEntries(): RegistryEntry[] {
  const folder = join(__dirname, '..', '..', '..', 'src-renderer', 'src', 'commands')
  const sources = ['registry.ts', 'editor-commands.ts', 'arrange-commands.ts', 'threat-commands.ts'].map((file) => readFileSync(join(folder, file), 'utf8'))
  return sources.flatMap((source) => {
    const starts = [...source.matchAll(/\bid: '([a-z-]+\.[a-z-]+)'/g)]
    return starts.map((match, index) => {
      const text = source.slice(match.index, starts[index + 1]?.index ?? source.length)
      const shortcutList = /shortcuts: \[([^\]]*)\]/.exec(text)?.[1] ?? ''
      return {
        id: match[1] ?? '',
        shortcuts: [...shortcutList.matchAll(/'([^']+)'/g)].map((shortcut) => shortcut[1] ?? ''),
        hiddenFromMenu: /hiddenFromMenu: true/.test(text)
      }
    })
  })
}

/** Every item of the template, submenus flattened. */
function allItems(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? allItems(item.submenu) : [])])
}

/** Which command id each command item sends, found by clicking it. */
function itemsByCommand(platform: NodeJS.Platform): Map<string, MenuItemConstructorOptions> {
  const { template, sent } = build(platform)
  const found = new Map<string, MenuItemConstructorOptions>()
  for (const item of allItems(template)) {
    if (item.click === undefined) continue
    ;(item.click as () => void)()
    const id = sent.pop()
    if (id !== undefined) found.set(id, item)
  }
  return found
}

// The clipboard and select-all commands are Electron roles so that text fields keep their own (menu.ts).
const ROLE_COMMANDS: Readonly<Record<string, string>> = {
  'edit.cut': 'cut',
  'edit.copy': 'copy',
  'edit.paste': 'paste',
  'edit.select-all': 'selectAll'
}

describe('the native menu and the renderer registry', () => {
  const entries = registryEntries()

  it('reads the registry (a guard for the parser)', () => {
    const ids = entries.map((entry) => entry.id)
    expect(ids).toEqual(expect.arrayContaining(['file.new', 'edit.delete', 'diagram.connect', 'view.command-palette', 'threats.generate']))
    expect(entries.find((entry) => entry.id === 'edit.redo')?.shortcuts).toEqual(['CmdOrCtrl+Shift+Z', 'CmdOrCtrl+Y'])
    expect(entries.find((entry) => entry.id === 'edit.cancel')?.hiddenFromMenu).toBe(true)
  })

  it('offers every menu command of the registry, with its first shortcut as the accelerator', () => {
    for (const platform of ['linux', 'darwin'] as const) {
      const items = itemsByCommand(platform)
      const edit = menu(build(platform).template, 'Edit')
      for (const entry of entries) {
        // Sent by the close prompt, not a menu item (MENU_COMMAND_IDS says so).
        if (entry.hiddenFromMenu || entry.id === 'file.save-and-close') continue
        const role = ROLE_COMMANDS[entry.id]
        if (role !== undefined) {
          expect(edit.some((item) => item.role === role), `${entry.id} as role ${role}`).toBe(true)
          continue
        }
        const item = items.get(entry.id)
        expect(item, `${entry.id} in the native menu`).toBeDefined()
        expect(item?.accelerator, `${entry.id}'s accelerator`).toBe(entry.shortcuts[0])
      }
    }
  })

  it('sends only ids the registry knows', () => {
    const known = new Set(entries.map((entry) => entry.id))
    expect(MENU_COMMAND_IDS.filter((id) => !known.has(id))).toEqual([])
  })

  it('shows plain-key shortcuts without registering them, so text fields keep their keys', () => {
    const items = itemsByCommand('linux')
    for (const id of ['edit.delete', 'diagram.connect', 'diagram.add-boundary', 'view.zoom-selection']) {
      expect(items.get(id)?.registerAccelerator, id).toBe(false)
    }
    for (const id of ['edit.duplicate', 'view.fit', 'view.command-palette', 'file.save']) {
      expect(items.get(id)?.registerAccelerator, id).toBeUndefined()
    }
    expect(['C', 'Delete', 'Shift+F', 'Backspace'].every(isPlainKeyShortcut)).toBe(true)
    expect(['CmdOrCtrl+D', 'Alt+F', 'Ctrl+Shift+P', 'Cmd+Plus'].some(isPlainKeyShortcut)).toBe(false)
  })
})
