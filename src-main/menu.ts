/**
 * The application menu as data. Items do nothing themselves: they send a command id of the renderer's
 * command registry ('menu:command'), so menu, toolbar, palette and shortcuts all run the same code.
 * Only Open Recent is handled in main, because main owns the file system. No Electron import: index.ts
 * turns the template into a Menu, tests inspect it directly.
 */
import type { MenuItemConstructorOptions } from 'electron'
import type { MenuState } from '../src-shared/ipc-contract'
import { APP_NAME } from './handlers/command-handlers'

/** Fixed ids: the renderer's command registry uses these exact strings. */
export const MENU_COMMAND_IDS = [
  'file.new',
  'file.open',
  'file.save',
  'file.save-as',
  'file.import',
  'file.export',
  'file.export-report',
  'edit.undo',
  'edit.redo',
  'edit.duplicate',
  'edit.delete',
  'diagram.connect',
  'diagram.add-boundary',
  'diagram.add',
  'diagram.duplicate',
  'diagram.delete',
  'diagram.move-left',
  'diagram.move-right',
  'arrange.align-left',
  'arrange.align-center',
  'arrange.align-right',
  'arrange.align-top',
  'arrange.align-middle',
  'arrange.align-bottom',
  'arrange.distribute-horizontally',
  'arrange.distribute-vertically',
  'threats.generate',
  'threats.apply-template',
  'threats.add',
  'threats.insert-from-library',
  'view.zoom-in',
  'view.zoom-out',
  'view.fit',
  'view.zoom-selection',
  'view.toggle-grid',
  'view.toggle-minimap',
  'view.command-palette',
  'help.about',
  'help.shortcuts',
  // Not a menu item: sent when the user picks Save in the close prompt (src-main/close-prompt.ts).
  'file.save-and-close'
] as const

export type MenuCommandId = (typeof MENU_COMMAND_IDS)[number]

/** Menu commands that switch something on and off, shown as check items. */
const TOGGLE_COMMAND_IDS: ReadonlySet<MenuCommandId> = new Set(['view.toggle-grid', 'view.toggle-minimap'])

/** What applyMenuState needs of Electron's Menu and MenuItem (their `enabled` and `checked` can be set). */
export interface MenuNode {
  readonly items: readonly MenuItemNode[]
}
export interface MenuItemNode {
  readonly id?: string
  readonly type?: string
  enabled: boolean
  checked: boolean
  readonly submenu?: MenuNode | null
}

/**
 * Greys the items whose command cannot run now and checks the toggles that are on, as the renderer's
 * command state says (it sends it when the state changes). Items without a command id (roles, Open
 * Recent) keep their own state; an id may appear twice (About on macOS), so the whole menu is walked.
 */
export function applyMenuState(menu: MenuNode, state: MenuState): void {
  const disabled = new Set(state.disabled)
  const checked = new Set(state.checked)
  for (const item of menu.items) {
    if (item.id !== undefined && (MENU_COMMAND_IDS as readonly string[]).includes(item.id)) {
      item.enabled = !disabled.has(item.id)
      if (item.type === 'checkbox') item.checked = checked.has(item.id)
    }
    if (item.submenu) applyMenuState(item.submenu, state)
  }
}

export interface MenuTemplateOptions {
  readonly platform: NodeJS.Platform
  readonly recentFiles: readonly string[]
  readonly sendCommand: (commandId: MenuCommandId) => void
  readonly openRecent: (path: string) => void
}

/** Windows and Linux read `&` in a label as a mnemonic marker; a path like `R&D/model.twm` must show as is. */
function literalLabel(text: string, platform: NodeJS.Platform): string {
  return platform === 'darwin' ? text : text.replace(/&/g, '&&')
}

/**
 * Whether a shortcut is a plain key (`C`, `Delete`, `Shift+F`): no Ctrl, Cmd or Alt. Nobody types a
 * Ctrl chord into a sentence, but a plain key registered with the system is claimed ahead of the focused
 * text field (AppKit matches key equivalents before the first responder; on Windows and Linux Electron
 * fires the accelerator for keys the page does not cancel), so naming an element "Cache" would connect.
 */
export function isPlainKeyShortcut(accelerator: string): boolean {
  return !/(^|\+)(CmdOrCtrl|CommandOrControl|Cmd|Command|Ctrl|Control|Alt|Option|AltGr|Super|Meta)\+/.test(accelerator)
}

export function buildMenuTemplate(options: MenuTemplateOptions): MenuItemConstructorOptions[] {
  const isMac = options.platform === 'darwin'
  const command = (label: string, commandId: MenuCommandId, accelerator?: string): MenuItemConstructorOptions => ({
    id: commandId,
    label,
    ...(TOGGLE_COMMAND_IDS.has(commandId) ? { type: 'checkbox' as const, checked: false } : {}),
    ...(accelerator === undefined ? {} : { accelerator }),
    // Plain keys are shown, not registered: the page handles them, where it can tell typing from editing.
    ...(accelerator !== undefined && isPlainKeyShortcut(accelerator) ? { registerAccelerator: false } : {}),
    click: () => options.sendCommand(commandId)
  })

  const recentItems: MenuItemConstructorOptions[] =
    options.recentFiles.length === 0
      ? [{ label: 'No Recent Files', enabled: false }]
      : options.recentFiles.map((path) => ({ label: literalLabel(path, options.platform), click: () => options.openRecent(path) }))

  const appMenu: MenuItemConstructorOptions[] = isMac
    ? [
        {
          label: APP_NAME,
          submenu: [
            command(`About ${APP_NAME}`, 'help.about'),
            { type: 'separator' },
            { role: 'services' },
            { type: 'separator' },
            { role: 'hide' },
            { role: 'hideOthers' },
            { role: 'unhide' },
            { type: 'separator' },
            { role: 'quit' }
          ]
        }
      ]
    : []

  return [
    ...appMenu,
    {
      label: 'File',
      submenu: [
        command('New', 'file.new', 'CmdOrCtrl+N'),
        command('Open…', 'file.open', 'CmdOrCtrl+O'),
        { label: 'Open Recent', submenu: recentItems },
        { type: 'separator' },
        command('Save', 'file.save', 'CmdOrCtrl+S'),
        command('Save As…', 'file.save-as', 'CmdOrCtrl+Shift+S'),
        { type: 'separator' },
        command('Import…', 'file.import', 'CmdOrCtrl+I'),
        command('Export…', 'file.export', 'CmdOrCtrl+E'),
        command('Export Report…', 'file.export-report'),
        // macOS quits from the app menu; elsewhere File → Quit is where people look.
        ...(isMac ? [] : [{ type: 'separator' } as const, { role: 'quit', label: 'Quit' } as const])
      ]
    },
    {
      label: 'Edit',
      submenu: [
        // Undo/Redo run the model's history in the renderer, not the text field's (STYLE.md: one history).
        command('Undo', 'edit.undo', 'CmdOrCtrl+Z'),
        command('Redo', 'edit.redo', 'CmdOrCtrl+Shift+Z'),
        { type: 'separator' },
        // Roles, not 'edit.cut'/'edit.copy'/'edit.paste'/'edit.select-all': a registered Ctrl+C that copied
        // the diagram selection would take Ctrl+C, Ctrl+V and Ctrl+A from every text field (names,
        // descriptions, threat notes). A role runs the focused field's own editing command; with no field
        // focused Chromium still dispatches the DOM `cut`/`copy`/`paste` events on the document, which is
        // where the page runs the diagram's commands (as Excalidraw does), so both keep working.
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        command('Duplicate', 'edit.duplicate', 'CmdOrCtrl+D'),
        command('Delete', 'edit.delete', 'Delete'),
        { type: 'separator' },
        { role: 'selectAll' }
      ]
    },
    {
      label: 'Diagram',
      submenu: [
        command('Connect', 'diagram.connect', 'C'),
        command('Add Trust Boundary', 'diagram.add-boundary', 'B'),
        { type: 'separator' },
        command('New Diagram', 'diagram.add'),
        command('Duplicate Diagram', 'diagram.duplicate'),
        command('Delete Diagram', 'diagram.delete'),
        command('Move Diagram Left', 'diagram.move-left'),
        command('Move Diagram Right', 'diagram.move-right')
      ]
    },
    {
      label: 'Arrange',
      submenu: [
        command('Align Left', 'arrange.align-left'),
        command('Align Center', 'arrange.align-center'),
        command('Align Right', 'arrange.align-right'),
        { type: 'separator' },
        command('Align Top', 'arrange.align-top'),
        command('Align Middle', 'arrange.align-middle'),
        command('Align Bottom', 'arrange.align-bottom'),
        { type: 'separator' },
        command('Distribute Horizontally', 'arrange.distribute-horizontally'),
        command('Distribute Vertically', 'arrange.distribute-vertically')
      ]
    },
    {
      label: 'Threats',
      submenu: [
        command('Generate Threats…', 'threats.generate'),
        command('Apply Template…', 'threats.apply-template'),
        command('Add Threat…', 'threats.add'),
        command('Insert from Library…', 'threats.insert-from-library')
      ]
    },
    {
      label: 'View',
      submenu: [
        command('Zoom In', 'view.zoom-in', 'CmdOrCtrl+='),
        command('Zoom Out', 'view.zoom-out', 'CmdOrCtrl+-'),
        // The registry's first shortcut; a native item takes one accelerator, so its aliases (Ctrl+0, F) are page-only.
        command('Fit Diagram', 'view.fit', 'CmdOrCtrl+Shift+H'),
        command('Zoom to Selection', 'view.zoom-selection', 'Shift+F'),
        { type: 'separator' },
        // Check marks and greyed items follow the renderer's command state (applyMenuState).
        command('Toggle Grid and Snap', 'view.toggle-grid', 'CmdOrCtrl+Shift+G'),
        command('Toggle Minimap', 'view.toggle-minimap', 'CmdOrCtrl+Shift+O'),
        { type: 'separator' },
        command('Command Palette…', 'view.command-palette', 'CmdOrCtrl+Shift+P'),
        { type: 'separator' },
        { role: 'togglefullscreen', label: 'Toggle Full Screen' }
      ]
    },
    {
      label: 'Help',
      submenu: [command(`About ${APP_NAME}`, 'help.about'), command('Keyboard Shortcuts', 'help.shortcuts', 'CmdOrCtrl+/')]
    }
  ]
}
