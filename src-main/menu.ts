/**
 * The application menu as data. Items do nothing themselves: they send a command id of the renderer's
 * command registry ('menu:command'), so menu, toolbar, palette and shortcuts all run the same code.
 * Only Open Recent is handled in main, because main owns the file system. No Electron import: index.ts
 * turns the template into a Menu, tests inspect it directly.
 */
import type { MenuItemConstructorOptions } from 'electron'
import { APP_NAME } from './handlers/command-handlers'

/** Fixed ids: the renderer's command registry uses these exact strings. */
export const MENU_COMMAND_IDS = [
  'file.new',
  'file.open',
  'file.save',
  'file.save-as',
  'file.import',
  'file.export',
  'edit.undo',
  'edit.redo',
  'view.zoom-in',
  'view.zoom-out',
  'view.fit',
  'help.about',
  'help.shortcuts',
  // Not a menu item: sent when the user picks Save in the close prompt (src-main/close-prompt.ts).
  'file.save-and-close'
] as const

export type MenuCommandId = (typeof MENU_COMMAND_IDS)[number]

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

export function buildMenuTemplate(options: MenuTemplateOptions): MenuItemConstructorOptions[] {
  const isMac = options.platform === 'darwin'
  const command = (label: string, commandId: MenuCommandId, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    ...(accelerator === undefined ? {} : { accelerator }),
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
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' }
      ]
    },
    {
      label: 'View',
      submenu: [
        command('Zoom In', 'view.zoom-in', 'CmdOrCtrl+='),
        command('Zoom Out', 'view.zoom-out', 'CmdOrCtrl+-'),
        command('Fit Diagram', 'view.fit', 'CmdOrCtrl+0'),
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
