import type { AppMode } from '../../../src-shared/ipc-contract'
import { isPlainKey, matchesShortcut, type KeyPress } from './key-chords'
import { COMMANDS, type Command } from './registry'

/**
 * Which command, if any, the page's key handler runs for a key press. One pure decision, so the rules
 * that keep typing safe are tested rather than scattered over components:
 *
 * - In a text field only Ctrl/⌘ chords run, and not the four a field needs for its own text (cut,
 *   copy, paste, select all): naming an element "Cache" must not connect anything, and Ctrl+C there
 *   copies the text, not the diagram. Undo stays the model's (STYLE.md: one history).
 * - A widget that owns its keys (the threat table's grid, menus, the diagram tabs) gets plain keys: Delete
 *   in the threat table must not delete the diagram selection.
 * - Canvas-scoped keys (Tab cycles elements) only while the canvas has focus, so Tab still moves focus
 *   everywhere else; threat-table keys are the table's own (threats/triage-keys.ts).
 * - In Electron the native menu owns the accelerators it registers (src-main/menu.ts): a menu command's
 *   first shortcut when it has Ctrl/⌘/Alt, and the clipboard roles. Everything else — plain keys shown
 *   but not registered, aliases, keyboard-only commands — is the page's, as in browser mode.
 */

/** Where the key press happened, as far as shortcuts care. */
export type KeyFocus = 'text' | 'widget' | 'canvas' | 'page'

export interface KeyContext {
  readonly isMac: boolean
  readonly focus: KeyFocus
  readonly mode: AppMode
}

const TEXT_FIELD = 'input, textarea, select, [contenteditable=""], [contenteditable="true"]'
const KEYED_WIDGET = '[role="grid"], [role="menu"], [role="menubar"], [role="tablist"], [role="listbox"], [role="tree"]'
/** What the canvas stage carries (EditorStage.svelte). */
const CANVAS_KEY_SCOPE = '[data-key-scope="canvas"]'

/** The clipboard and select-all chords a text field keeps; Electron makes the same four menu roles. */
const TEXT_EDITING_COMMANDS: ReadonlySet<string> = new Set(['edit.cut', 'edit.copy', 'edit.paste', 'edit.select-all'])

interface Closest {
  closest(selector: string): unknown
}

/** The focus class of an event target. The window or document (nothing focused) is the page. */
export function keyFocusOf(target: unknown): KeyFocus {
  if (typeof target !== 'object' || target === null || typeof (target as Closest).closest !== 'function') return 'page'
  const element = target as Closest
  if (element.closest(TEXT_FIELD) !== null) return 'text'
  if (element.closest(KEYED_WIDGET) !== null) return 'widget'
  if (element.closest(CANVAS_KEY_SCOPE) !== null) return 'canvas'
  return 'page'
}

export function commandForKey(press: KeyPress, context: KeyContext, commands: readonly Command[] = COMMANDS): Command | undefined {
  for (const command of commands) {
    if (command.scope === 'threat-table' || (command.scope === 'canvas' && context.focus !== 'canvas')) continue
    const shortcut = command.shortcuts.find((each) => matchesShortcut(each, press, context.isMac))
    if (shortcut === undefined) continue
    // Shortcuts are unique per scope (tested), so the first match is the only candidate.
    return pageHandles(command, shortcut, context) ? command : undefined
  }
  return undefined
}

function pageHandles(command: Command, shortcut: string, context: KeyContext): boolean {
  const plain = isPlainKey(shortcut)
  if (context.focus === 'text' && (plain || TEXT_EDITING_COMMANDS.has(command.id))) return false
  if (context.focus === 'widget' && plain) return false
  if (context.mode === 'electron') {
    if (TEXT_EDITING_COMMANDS.has(command.id)) return false
    const registeredByNativeMenu = command.hiddenFromMenu !== true && shortcut === command.shortcuts[0] && !plain
    if (registeredByNativeMenu) return false
  }
  return true
}

const CLIPBOARD_EVENT_COMMANDS: Readonly<Record<string, string>> = { cut: 'edit.cut', copy: 'edit.copy', paste: 'edit.paste' }

/**
 * The diagram command a DOM clipboard event runs, or undefined when it belongs to a text field. In
 * Electron, Ctrl/⌘+C/X/V are the native menu's roles (src-main/menu.ts), which run a focused field's own
 * editing and otherwise dispatch these events on the document; in browser mode the key handler runs the
 * command and prevents the event, so one press never runs twice.
 */
export function commandForClipboardEvent(type: string, target: unknown): string | undefined {
  if (keyFocusOf(target) === 'text') return undefined
  return CLIPBOARD_EVENT_COMMANDS[type]
}
