import { describe, expect, it } from 'vitest'
import { buildMenuTemplate, type MenuCommandId } from '../../../src-main/menu'

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
  it('has File, Edit, View and Help in that order on Windows and Linux', () => {
    for (const platform of ['win32', 'linux'] as const) {
      expect(build(platform).template.map((item) => item.label)).toEqual(['File', 'Edit', 'View', 'Help'])
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
      ['Edit', 'Undo', 'edit.undo'],
      ['Edit', 'Redo', 'edit.redo'],
      ['View', 'Zoom In', 'view.zoom-in'],
      ['View', 'Zoom Out', 'view.zoom-out'],
      ['View', 'Fit Diagram', 'view.fit'],
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
    expect(template.map((item) => item.label)).toEqual(['Threatwright', 'File', 'Edit', 'View', 'Help'])
    const appMenu = menu(template, 'Threatwright')
    expect(appMenu.at(-1)?.role).toBe('quit')
    expect(menu(template, 'File').some((item) => item.role === 'quit')).toBe(false)
    click(appMenu, 'About Threatwright')
    expect(sent).toEqual(['help.about'])
    const recent = submenu(menu(template, 'File').find((item) => item.label === 'Open Recent'))
    expect(recent[0]?.label).toBe('/Users/me/R&D.twm')
  })
})
