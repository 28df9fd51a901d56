import type { Command, CommandState } from './registry'

/**
 * The diagram editor's actions (editor-session.svelte.ts implements them). Kept apart from the file
 * and view commands so the registry stays readable; it lists both.
 */
export interface EditorActions {
  deleteSelection(): void
  duplicate(): void
  selectAll(): void
  copy(): void
  cut(): void
  paste(): void
  connectSelection(): void
  addBoundaryAroundSelection(): void
  zoomToSelection(): void
  nudge(dx: number, dy: number): void
  cancel(): void
  addDiagram(): void
  duplicateDiagram(): void
  deleteDiagram(): void
  moveDiagram(step: number): void
  showCommandPalette(): void
}

export type EditorCommandId =
  | 'edit.delete'
  | 'edit.duplicate'
  | 'edit.select-all'
  | 'edit.copy'
  | 'edit.cut'
  | 'edit.paste'
  | 'edit.cancel'
  | 'edit.move-up'
  | 'edit.move-down'
  | 'edit.move-left'
  | 'edit.move-right'
  | 'edit.move-up-grid'
  | 'edit.move-down-grid'
  | 'edit.move-left-grid'
  | 'edit.move-right-grid'
  | 'diagram.connect'
  | 'diagram.add-boundary'
  | 'diagram.add'
  | 'diagram.duplicate'
  | 'diagram.delete'
  | 'diagram.move-left'
  | 'diagram.move-right'
  | 'view.zoom-selection'
  | 'view.command-palette'

const withDocument = (state: CommandState): boolean => state.hasDocument
const withSelection = (state: CommandState): boolean => state.hasDocument && state.selectionCount > 0

/** Arrow keys: one pixel; with Shift one grid step (draw.io's shortcuts.svg). Not in menus: eight entries of noise. */
function moveCommands(): Command[] {
  const directions = [
    ['up', 'Up', 0, -1],
    ['down', 'Down', 0, 1],
    ['left', 'Left', -1, 0],
    ['right', 'Right', 1, 0]
  ] as const
  return directions.flatMap(([name, key, dx, dy]) => [
    {
      id: `edit.move-${name}` as EditorCommandId,
      label: `Move Selection ${key}`,
      menu: 'edit' as const,
      shortcuts: [key],
      when: withSelection,
      run: (context) => context.editor.nudge(dx, dy),
      undoable: true,
      hiddenFromMenu: true
    },
    {
      id: `edit.move-${name}-grid` as EditorCommandId,
      label: `Move Selection ${key} by a Grid Step`,
      menu: 'edit' as const,
      shortcuts: [`Shift+${key}`],
      when: withSelection,
      run: (context) => context.editor.nudge(dx * 10, dy * 10),
      undoable: true,
      hiddenFromMenu: true
    }
  ])
}

export const EDITOR_COMMANDS: readonly Command[] = [
  { id: 'edit.cut', label: 'Cut', menu: 'edit', shortcuts: ['CmdOrCtrl+X'], when: withSelection, run: (c) => c.editor.cut(), undoable: true },
  { id: 'edit.copy', label: 'Copy', menu: 'edit', shortcuts: ['CmdOrCtrl+C'], when: withSelection, run: (c) => c.editor.copy(), undoable: false },
  {
    id: 'edit.paste',
    label: 'Paste',
    menu: 'edit',
    shortcuts: ['CmdOrCtrl+V'],
    when: (state) => state.hasDocument && state.canPaste,
    run: (c) => c.editor.paste(),
    undoable: true
  },
  {
    id: 'edit.duplicate',
    label: 'Duplicate',
    menu: 'edit',
    shortcuts: ['CmdOrCtrl+D'],
    when: withSelection,
    run: (c) => c.editor.duplicate(),
    undoable: true
  },
  {
    id: 'edit.delete',
    label: 'Delete',
    menu: 'edit',
    shortcuts: ['Delete', 'Backspace'],
    when: withSelection,
    run: (c) => c.editor.deleteSelection(),
    undoable: true
  },
  { id: 'edit.select-all', label: 'Select All', menu: 'edit', shortcuts: ['CmdOrCtrl+A'], when: withDocument, run: (c) => c.editor.selectAll(), undoable: false },
  {
    id: 'edit.cancel',
    label: 'Cancel Tool and Deselect',
    menu: 'edit',
    shortcuts: ['Escape'],
    when: withDocument,
    run: (c) => c.editor.cancel(),
    undoable: false,
    hiddenFromMenu: true
  },
  ...moveCommands(),
  {
    // TMT: select source, Shift+click target, Connect (ux.md §1); with fewer than two, connect mode.
    id: 'diagram.connect',
    label: 'Connect',
    menu: 'diagram',
    shortcuts: ['C'],
    when: withDocument,
    run: (c) => c.editor.connectSelection(),
    undoable: true
  },
  {
    id: 'diagram.add-boundary',
    label: 'Add Trust Boundary',
    menu: 'diagram',
    shortcuts: ['B'],
    when: withDocument,
    run: (c) => c.editor.addBoundaryAroundSelection(),
    undoable: true
  },
  { id: 'diagram.add', label: 'New Diagram', menu: 'diagram', shortcuts: [], when: withDocument, run: (c) => c.editor.addDiagram(), undoable: true },
  {
    id: 'diagram.duplicate',
    label: 'Duplicate Diagram',
    menu: 'diagram',
    shortcuts: [],
    when: withDocument,
    run: (c) => c.editor.duplicateDiagram(),
    undoable: true
  },
  {
    id: 'diagram.delete',
    label: 'Delete Diagram',
    menu: 'diagram',
    shortcuts: [],
    when: (state) => state.hasDocument && state.diagramCount > 1,
    run: (c) => c.editor.deleteDiagram(),
    undoable: true
  },
  {
    id: 'diagram.move-left',
    label: 'Move Diagram Left',
    menu: 'diagram',
    shortcuts: [],
    when: (state) => state.hasDocument && state.diagramCount > 1,
    run: (c) => c.editor.moveDiagram(-1),
    undoable: true
  },
  {
    id: 'diagram.move-right',
    label: 'Move Diagram Right',
    menu: 'diagram',
    shortcuts: [],
    when: (state) => state.hasDocument && state.diagramCount > 1,
    run: (c) => c.editor.moveDiagram(1),
    undoable: true
  },
  {
    id: 'view.zoom-selection',
    label: 'Zoom to Selection',
    menu: 'view',
    shortcuts: ['Shift+F'],
    when: withSelection,
    run: (c) => c.editor.zoomToSelection(),
    undoable: false
  },
  {
    id: 'view.command-palette',
    label: 'Command Palette…',
    menu: 'view',
    shortcuts: ['CmdOrCtrl+Shift+P'],
    when: withDocument,
    run: (c) => c.editor.showCommandPalette(),
    undoable: false
  }
]
