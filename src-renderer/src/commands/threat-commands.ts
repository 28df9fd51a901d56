import type { Command } from './registry'

/** The threat table's app-level actions (App.svelte implements them); triage keys live in the table itself. */
export interface ThreatActions {
  generate(): void
  /** Opens the "Add threat" form on the canvas selection. */
  add(): void
  insertFromLibrary(): void
}

export type ThreatCommandId = 'threats.generate' | 'threats.add' | 'threats.insert-from-library'

export const THREAT_COMMANDS: readonly Command[] = [
  {
    // Opens a preview first (new and obsolete threats); adding them is one undo step in the dialog.
    id: 'threats.generate',
    label: 'Generate Threats…',
    menu: 'threats',
    shortcuts: [],
    when: (state) => state.hasDocument,
    run: (context) => context.threats.generate(),
    undoable: false
  },
  {
    // Issue "Threat triage" item 5: a threat the engines missed, written by the reviewer on the selected
    // element or flow. The form opens first; adding is one undo step there.
    id: 'threats.add',
    label: 'Add Threat…',
    menu: 'threats',
    shortcuts: [],
    when: (state) => state.hasDocument,
    run: (context) => context.threats.add(),
    undoable: false
  },
  {
    // The library is the reviewer's (localStorage), not the document's; inserting is one undo step.
    id: 'threats.insert-from-library',
    label: 'Insert from Library…',
    menu: 'threats',
    shortcuts: [],
    when: (state) => state.hasDocument,
    run: (context) => context.threats.insertFromLibrary(),
    undoable: false
  }
]
