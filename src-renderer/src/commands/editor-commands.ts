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
  /** One grid step in a direction (-1, 0 or 1 per axis); onto the next grid line while snapping. */
  nudgeByGrid(directionX: number, directionY: number): void
  /** Esc: the gesture in progress, the tool, then the selection; with nothing to cancel, focus leaves the canvas. */
  cancel(): void
  /** Tab / Shift+Tab: the next or previous element in the diagram's order. */
  selectNext(step: 1 | -1): void
  toggleGrid(): void
  toggleMinimap(): void
  /** Shift+F10 or the Menu key: the context menu of the selection (or of the canvas). */
  openContextMenu(): void
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
  | 'edit.select-next'
  | 'edit.select-previous'
  | 'edit.context-menu'
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
  | 'view.toggle-grid'
  | 'view.toggle-minimap'
  | 'view.command-palette'

const withDocument = (state: CommandState): boolean => state.hasDocument
const withSelection = (state: CommandState): boolean => state.hasDocument && state.selectionCount > 0

/**
 * Arrow keys: one pixel; with Shift one grid step (draw.io's shortcuts.svg), the same grid the canvas
 * shows and snaps to (canvas/grid.ts). Not in menus: eight entries of noise.
 */
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
      run: (context) => context.editor.nudgeByGrid(dx, dy),
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
    label: 'Cancel Gesture, Tool or Selection',
    menu: 'edit',
    shortcuts: ['Escape'],
    when: withDocument,
    run: (c) => c.editor.cancel(),
    undoable: false,
    hiddenFromMenu: true
  },
  {
    // Canvas-scoped: elsewhere Tab moves focus as usual (key-routing.ts), so the page never traps it.
    id: 'edit.select-next',
    label: 'Select Next Element',
    menu: 'edit',
    shortcuts: ['Tab'],
    when: withDocument,
    run: (c) => c.editor.selectNext(1),
    undoable: false,
    hiddenFromMenu: true,
    scope: 'canvas'
  },
  {
    id: 'edit.select-previous',
    label: 'Select Previous Element',
    menu: 'edit',
    shortcuts: ['Shift+Tab'],
    when: withDocument,
    run: (c) => c.editor.selectNext(-1),
    undoable: false,
    hiddenFromMenu: true,
    scope: 'canvas'
  },
  {
    // The keyboard's way to the right-click menu (Windows' Shift+F10 and Menu key conventions).
    id: 'edit.context-menu',
    label: 'Open Context Menu',
    menu: 'edit',
    shortcuts: ['Shift+F10', 'ContextMenu'],
    when: withDocument,
    run: (c) => c.editor.openContextMenu(),
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
    // draw.io's View ▸ Grid key. Grid and snapping go together: what you see is what you snap to.
    id: 'view.toggle-grid',
    label: 'Grid and Snap',
    menu: 'view',
    shortcuts: ['CmdOrCtrl+Shift+G'],
    when: withDocument,
    run: (c) => c.editor.toggleGrid(),
    undoable: false,
    checked: (state) => state.gridOn
  },
  {
    // draw.io's Outline (Ctrl+Shift+O; ux.md §6 item 13).
    id: 'view.toggle-minimap',
    label: 'Minimap',
    menu: 'view',
    shortcuts: ['CmdOrCtrl+Shift+O'],
    when: withDocument,
    run: (c) => c.editor.toggleMinimap(),
    undoable: false,
    checked: (state) => state.minimapOn
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
