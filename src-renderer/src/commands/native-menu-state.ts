import type { MenuState } from '../../../src-shared/ipc-contract'
import { COMMANDS, type CommandState } from './registry'

/**
 * What the desktop app's native menu shows for a command state: the commands that cannot run (greyed)
 * and the toggles that are on (checked), as the page's own menus show them.
 */
export function nativeMenuState(state: CommandState): MenuState {
  return {
    disabled: COMMANDS.filter((command) => !command.when(state)).map((command) => command.id),
    checked: COMMANDS.filter((command) => command.checked?.(state) === true).map((command) => command.id)
  }
}

/** Whether two menu states show the same, so an unchanged one is not sent again. */
export function sameMenuState(left: MenuState | null, right: MenuState): boolean {
  return (
    left !== null &&
    left.disabled.length === right.disabled.length &&
    left.checked.length === right.checked.length &&
    left.disabled.every((id, index) => id === right.disabled[index]) &&
    left.checked.every((id, index) => id === right.checked[index])
  )
}
