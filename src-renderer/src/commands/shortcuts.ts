import { matchesShortcut, type KeyPress } from './key-chords'
import { COMMANDS, type Command } from './registry'

export { displayShortcut, matchesShortcut, parseShortcut, type KeyPress } from './key-chords'

/** Commands whose keys work wherever the page has focus (not only in the canvas or the threat table). */
export const APP_WIDE_COMMANDS: readonly Command[] = COMMANDS.filter((command) => command.scope === undefined)

export function commandForKeyPress(press: KeyPress, isMac: boolean, commands: readonly Command[] = APP_WIDE_COMMANDS): Command | undefined {
  return commands.find((command) => command.shortcuts.some((shortcut) => matchesShortcut(shortcut, press, isMac)))
}
