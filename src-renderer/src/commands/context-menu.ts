import { commandsInMenu, findCommand, type Command, type CommandId, type CommandState } from './registry'

/** What was right-clicked (or is selected, for Shift+F10): it decides which commands the menu offers. */
export type ContextTarget = 'canvas' | 'element' | 'flow' | 'boundary'

const SEPARATOR = '-'
type Slot = CommandId | typeof SEPARATOR

/** The Arrange menu's commands, in its order: the menu bar and the context menu list the same ones. */
const ALIGN: readonly Slot[] = commandsInMenu('arrange').map((command) => command.id)

/**
 * Which registry commands each context menu lists, in order (TMT's right-click Connect and "Add
 * User-defined Threat", draw.io's Edit/Arrange entries). Only ids: label, shortcut, availability and
 * what runs come from the registry, like the menus, the palette and the shortcut sheet.
 */
export const CONTEXT_MENUS: Readonly<Record<ContextTarget, readonly Slot[]>> = {
  canvas: ['edit.paste', 'edit.select-all', SEPARATOR, 'diagram.connect', 'diagram.add-boundary', SEPARATOR, 'view.fit', 'view.toggle-grid', 'view.toggle-minimap'],
  element: [
    'edit.cut',
    'edit.copy',
    'edit.duplicate',
    'edit.delete',
    SEPARATOR,
    'diagram.connect',
    'diagram.add-boundary',
    'threats.add',
    SEPARATOR,
    ...ALIGN,
    SEPARATOR,
    'view.zoom-selection'
  ],
  flow: ['edit.cut', 'edit.copy', 'edit.delete', SEPARATOR, 'threats.add', SEPARATOR, 'view.zoom-selection'],
  boundary: ['edit.cut', 'edit.copy', 'edit.duplicate', 'edit.delete', SEPARATOR, ...ALIGN, SEPARATOR, 'view.zoom-selection']
}

export type ContextMenuItem =
  | {
      readonly kind: 'command'
      readonly command: Command
      readonly enabled: boolean
      /** A toggle's state (grid, minimap); null for plain commands. */
      readonly checked: boolean | null
    }
  | { readonly kind: 'separator' }

/**
 * The entries for a target in the current state. Unavailable commands stay, greyed, so the menu does not
 * jump around, except the Arrange ones, which only make sense for a multiple selection and would
 * otherwise be eight dead lines on every single right click. Separators never lead, trail or double.
 */
export function contextMenuItems(target: ContextTarget, state: CommandState): ContextMenuItem[] {
  const items: ContextMenuItem[] = []
  for (const slot of CONTEXT_MENUS[target]) {
    if (slot === SEPARATOR) {
      if (items.length > 0 && items.at(-1)?.kind !== 'separator') items.push({ kind: 'separator' })
      continue
    }
    const command = findCommand(slot)
    if (command === undefined) continue
    const enabled = command.when(state)
    if (!enabled && command.menu === 'arrange') continue
    items.push({ kind: 'command', command, enabled, checked: command.checked?.(state) ?? null })
  }
  if (items.at(-1)?.kind === 'separator') items.pop()
  return items
}
