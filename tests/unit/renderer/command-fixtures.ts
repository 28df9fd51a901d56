import type { KeyPress } from '../../../src-renderer/src/commands/key-chords'
import type { CommandState } from '../../../src-renderer/src/commands/registry'

/** A key as the page sees it: no modifier unless given. */
export function press(key: string, modifiers: Partial<KeyPress> = {}): KeyPress {
  return { key, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...modifiers }
}

/**
 * The command state of a document open in browser mode with nothing selected, no undo or redo step,
 * nothing to paste, one diagram, the grid on and the minimap off; `changes` say what a test needs else.
 */
export function commandState(changes: Partial<CommandState> = {}): CommandState {
  return {
    mode: 'browser',
    hasDocument: true,
    dirty: false,
    canUndo: false,
    canRedo: false,
    selectionCount: 0,
    canPaste: false,
    diagramCount: 1,
    gridOn: true,
    minimapOn: false,
    ...changes
  }
}
