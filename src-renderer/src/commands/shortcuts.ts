import { COMMANDS, type Command } from './registry'

/** The parts of a KeyboardEvent a shortcut depends on (a plain object in tests). */
export interface KeyPress {
  readonly key: string
  readonly ctrlKey: boolean
  readonly metaKey: boolean
  readonly shiftKey: boolean
  readonly altKey: boolean
}

interface ParsedShortcut {
  readonly commandOrControl: boolean
  readonly shift: boolean
  readonly alt: boolean
  readonly key: string
}

/** `CmdOrCtrl+Shift+S` → its parts. The key is lower-cased; `Plus` stands for '+' as in Electron. */
export function parseShortcut(shortcut: string): ParsedShortcut {
  const parts = shortcut.split('+')
  // "CmdOrCtrl++" would split into an empty last part; the registry writes "Plus" instead.
  const key = (parts.pop() ?? '').toLowerCase()
  return {
    commandOrControl: parts.includes('CmdOrCtrl'),
    shift: parts.includes('Shift'),
    alt: parts.includes('Alt'),
    key: key === 'plus' ? '+' : key
  }
}

/** Electron accelerator key names → KeyboardEvent.key, lower-cased. */
const KEY_NAMES: Readonly<Record<string, string>> = {
  up: 'arrowup',
  down: 'arrowdown',
  left: 'arrowleft',
  right: 'arrowright',
  esc: 'escape'
}

/**
 * Whether a key press is this shortcut. CmdOrCtrl is ⌘ on macOS and Ctrl elsewhere, as in Electron.
 * Keys that need Shift on common layouts ('+' is Shift+= on US keyboards) ignore the Shift state.
 */
export function matchesShortcut(shortcut: string, press: KeyPress, isMac: boolean): boolean {
  const wanted = parseShortcut(shortcut)
  const commandOrControl = isMac ? press.metaKey : press.ctrlKey
  const otherModifier = isMac ? press.ctrlKey : press.metaKey
  if (commandOrControl !== wanted.commandOrControl || otherModifier || press.altKey !== wanted.alt) return false
  const key = press.key.toLowerCase()
  if (wanted.key === '+') return key === '+'
  return key === (KEY_NAMES[wanted.key] ?? wanted.key) && press.shiftKey === wanted.shift
}

export function commandForKeyPress(press: KeyPress, isMac: boolean, commands: readonly Command[] = COMMANDS): Command | undefined {
  return commands.find((command) => command.shortcuts.some((shortcut) => matchesShortcut(shortcut, press, isMac)))
}

/** How a shortcut is shown to the user: `⇧⌘S` on macOS, `Ctrl+Shift+S` elsewhere. */
export function displayShortcut(shortcut: string, isMac: boolean): string {
  const parsed = parseShortcut(shortcut)
  const key = parsed.key.length === 1 ? parsed.key.toUpperCase() : parsed.key
  if (isMac) return `${parsed.alt ? '⌥' : ''}${parsed.shift ? '⇧' : ''}${parsed.commandOrControl ? '⌘' : ''}${key}`
  return [parsed.commandOrControl ? 'Ctrl' : '', parsed.alt ? 'Alt' : '', parsed.shift ? 'Shift' : '', key]
    .filter((part) => part !== '')
    .join('+')
}
