/**
 * Electron accelerator syntax (`CmdOrCtrl+Shift+S`) against key presses, and how a chord is shown. No
 * import of the registry, so tables of keys (the triage keys) can be built from it without a cycle.
 */

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

/** Named keys as keyboards label them; arrows as arrows (draw.io's sheet does the same). */
const KEY_LABELS: Readonly<Record<string, string>> = {
  up: '↑',
  down: '↓',
  left: '←',
  right: '→',
  esc: 'Esc',
  escape: 'Esc',
  pageup: 'Page Up',
  pagedown: 'Page Down',
  contextmenu: 'Menu'
}

function keyLabel(key: string): string {
  const named = KEY_LABELS[key]
  if (named !== undefined) return named
  return key.length === 1 ? key.toUpperCase() : key.charAt(0).toUpperCase() + key.slice(1)
}

/** How a shortcut is shown to the user: `⇧⌘S` on macOS, `Ctrl+Shift+S` elsewhere. */
export function displayShortcut(shortcut: string, isMac: boolean): string {
  const parsed = parseShortcut(shortcut)
  const key = keyLabel(parsed.key)
  if (isMac) return `${parsed.alt ? '⌥' : ''}${parsed.shift ? '⇧' : ''}${parsed.commandOrControl ? '⌘' : ''}${key}`
  return [parsed.commandOrControl ? 'Ctrl' : '', parsed.alt ? 'Alt' : '', parsed.shift ? 'Shift' : '', key]
    .filter((part) => part !== '')
    .join('+')
}

/**
 * Whether a shortcut is a plain key (`C`, `Delete`, `Shift+F`, `Tab`): no Ctrl, Cmd or Alt. The same
 * rule as src-main/menu.ts, which shows such keys in the native menu without registering them.
 */
export function isPlainKey(shortcut: string): boolean {
  const parsed = parseShortcut(shortcut)
  return !parsed.commandOrControl && !parsed.alt
}
