import type { AppMode } from '../../../src-shared/ipc-contract'
import { ARRANGE_COMMANDS, type ArrangeActions, type ArrangeCommandId } from './arrange-commands'
import { EDITOR_COMMANDS, type EditorActions, type EditorCommandId } from './editor-commands'
import { THREAT_COMMANDS, type ThreatActions, type ThreatCommandId } from './threat-commands'

/**
 * Every user action, as data (Excalidraw's actions, draw.io's action table). The browser-mode menu bar,
 * the keyboard handler and the shortcut sheet render from this one list, and Electron's native menu sends
 * these ids back as 'menu:command' events — so the ids are a contract with src-main and never change.
 */
export type CommandId =
  | 'file.new'
  | 'file.open'
  | 'file.import'
  | 'file.save'
  | 'file.save-as'
  | 'file.export'
  | 'file.export-report'
  | 'file.save-and-close'
  | 'edit.undo'
  | 'edit.redo'
  | 'view.zoom-in'
  | 'view.zoom-out'
  | 'view.fit'
  | 'help.shortcuts'
  | 'help.about'
  | EditorCommandId
  | ArrangeCommandId
  | ThreatCommandId

export type MenuId = 'file' | 'edit' | 'diagram' | 'arrange' | 'threats' | 'view' | 'help'

/**
 * Where a command's keys work. App-wide (no scope) wherever focus is, within the typing rules of
 * key-routing.ts; `canvas` only while the diagram has focus (Tab cycles elements there and moves focus
 * elsewhere); `threat-table` keys are handled by the focused threat table itself (threats/triage-keys.ts).
 */
export type KeyScope = 'canvas' | 'threat-table'

/** What `when` may look at: a plain snapshot of the app, so a command's availability is testable. */
export interface CommandState {
  readonly mode: AppMode
  readonly hasDocument: boolean
  readonly dirty: boolean
  readonly canUndo: boolean
  readonly canRedo: boolean
  /** Items selected on the diagram shown. */
  readonly selectionCount: number
  readonly canPaste: boolean
  readonly diagramCount: number
  /** View ▸ grid shown and snapping on (session preference, editor-session.svelte.ts). */
  readonly gridOn: boolean
  readonly minimapOn: boolean
}

/** The app's capabilities a command may use; App.svelte provides them. */
export interface CommandContext {
  newDocument(): Promise<void>
  openDocument(): Promise<void>
  saveDocument(): Promise<void>
  saveDocumentAs(): Promise<void>
  exportDocument(): Promise<void>
  exportReport(): Promise<void>
  saveAndClose(): Promise<void>
  undo(): void
  redo(): void
  zoomIn(): void
  zoomOut(): void
  fit(): void
  showShortcuts(): void
  showAbout(): void
  readonly editor: EditorActions
  readonly arrange: ArrangeActions
  readonly threats: ThreatActions
}

export interface Command {
  readonly id: CommandId
  readonly label: string
  readonly menu: MenuId
  /**
   * Electron accelerator syntax (`CmdOrCtrl+Shift+S`), the same as src-main/menu.ts gives the native
   * menu. The first is the one menus show; the others are aliases the page's keyboard handler accepts
   * (browser mode only: in Electron the native menu owns the keys).
   */
  readonly shortcuts: readonly string[]
  readonly when: (state: CommandState) => boolean
  readonly run: (context: CommandContext) => void | Promise<void>
  /** Recorded in the model's history. File loads and view changes never are (STYLE.md). */
  readonly undoable: boolean
  /** Keyboard-only (arrow nudges): listed in the shortcut sheet and the command palette, not the menus. */
  readonly hiddenFromMenu?: boolean
  /** Where the keys work; app-wide when absent (see KeyScope). */
  readonly scope?: KeyScope
  /** A toggle's state, shown as a check mark in the menus. */
  readonly checked?: (state: CommandState) => boolean
}

const always = (): boolean => true
const withDocument = (state: CommandState): boolean => state.hasDocument

export const COMMANDS: readonly Command[] = [
  {
    id: 'file.new',
    label: 'New',
    menu: 'file',
    shortcuts: ['CmdOrCtrl+N'],
    when: always,
    run: (context) => context.newDocument(),
    undoable: false
  },
  {
    id: 'file.open',
    label: 'Open…',
    menu: 'file',
    shortcuts: ['CmdOrCtrl+O'],
    when: always,
    run: (context) => context.openDocument(),
    undoable: false
  },
  {
    // Formats are detected by content, so importing a TMT, Threagile or pytm file is opening it; the
    // entry exists because reviewers look for "Import" when they hold another tool's file.
    id: 'file.import',
    label: 'Import…',
    menu: 'file',
    shortcuts: ['CmdOrCtrl+I'],
    when: always,
    run: (context) => context.openDocument(),
    undoable: false
  },
  {
    id: 'file.save',
    label: 'Save',
    menu: 'file',
    shortcuts: ['CmdOrCtrl+S'],
    when: withDocument,
    run: (context) => context.saveDocument(),
    undoable: false
  },
  {
    id: 'file.save-as',
    label: 'Save As…',
    menu: 'file',
    shortcuts: ['CmdOrCtrl+Shift+S'],
    when: withDocument,
    run: (context) => context.saveDocumentAs(),
    undoable: false
  },
  {
    id: 'file.export',
    label: 'Export…',
    menu: 'file',
    shortcuts: ['CmdOrCtrl+E'],
    when: withDocument,
    run: (context) => context.exportDocument(),
    undoable: false
  },
  {
    // Issue "Reports": the audit report (HTML, Markdown, CSV, JSON, SARIF) built in the page, with a preview.
    id: 'file.export-report',
    label: 'Export Report…',
    menu: 'file',
    shortcuts: [],
    when: withDocument,
    run: (context) => context.exportReport(),
    undoable: false
  },
  {
    // A browser will not let a page close a tab it did not open, so this is a desktop command.
    id: 'file.save-and-close',
    label: 'Save and Close',
    menu: 'file',
    shortcuts: [],
    when: (state) => state.hasDocument && state.mode === 'electron',
    run: (context) => context.saveAndClose(),
    undoable: false
  },
  {
    id: 'edit.undo',
    label: 'Undo',
    menu: 'edit',
    shortcuts: ['CmdOrCtrl+Z'],
    when: (state) => state.canUndo,
    run: (context) => context.undo(),
    undoable: false
  },
  {
    id: 'edit.redo',
    label: 'Redo',
    menu: 'edit',
    shortcuts: ['CmdOrCtrl+Shift+Z', 'CmdOrCtrl+Y'],
    when: (state) => state.canRedo,
    run: (context) => context.redo(),
    undoable: false
  },
  {
    id: 'view.zoom-in',
    label: 'Zoom In',
    menu: 'view',
    shortcuts: ['CmdOrCtrl+=', 'CmdOrCtrl+Plus'],
    when: withDocument,
    run: (context) => context.zoomIn(),
    undoable: false
  },
  {
    id: 'view.zoom-out',
    label: 'Zoom Out',
    menu: 'view',
    shortcuts: ['CmdOrCtrl+-'],
    when: withDocument,
    run: (context) => context.zoomOut(),
    undoable: false
  },
  {
    id: 'view.fit',
    label: 'Fit Diagram',
    menu: 'view',
    shortcuts: ['CmdOrCtrl+Shift+H', 'CmdOrCtrl+0', 'F'],
    when: withDocument,
    run: (context) => context.fit(),
    undoable: false
  },
  ...EDITOR_COMMANDS,
  ...ARRANGE_COMMANDS,
  ...THREAT_COMMANDS,
  {
    id: 'help.shortcuts',
    label: 'Keyboard Shortcuts',
    menu: 'help',
    shortcuts: ['CmdOrCtrl+/'],
    when: always,
    run: (context) => context.showShortcuts(),
    undoable: false
  },
  {
    id: 'help.about',
    label: 'About Threatwright',
    menu: 'help',
    shortcuts: [],
    when: always,
    run: (context) => context.showAbout(),
    undoable: false
  }
]

export const MENUS: readonly { readonly id: MenuId; readonly label: string }[] = [
  { id: 'file', label: 'File' },
  { id: 'edit', label: 'Edit' },
  { id: 'diagram', label: 'Diagram' },
  { id: 'arrange', label: 'Arrange' },
  { id: 'threats', label: 'Threats' },
  { id: 'view', label: 'View' },
  { id: 'help', label: 'Help' }
]

export function findCommand(id: string): Command | undefined {
  return COMMANDS.find((command) => command.id === id)
}

export function commandsInMenu(menu: MenuId): readonly Command[] {
  return COMMANDS.filter((command) => command.menu === menu && command.hiddenFromMenu !== true)
}

/**
 * Runs a command by id if it exists and is enabled; returns whether it ran. Menu events from main go
 * through here too, so a disabled entry cannot be triggered from a stale native menu.
 */
export async function runCommand(id: string, state: CommandState, context: CommandContext): Promise<boolean> {
  const command = findCommand(id)
  if (!command || !command.when(state)) return false
  await command.run(context)
  return true
}
