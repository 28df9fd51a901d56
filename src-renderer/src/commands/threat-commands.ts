import { TRIAGE_KEYS, type TriageKeyAction, type TriageKeyId } from '../threats/triage-keys'
import type { Command } from './registry'

/** The threat table's app-level actions (App.svelte implements them). */
export interface ThreatActions {
  generate(): void
  /** Opens Apply Template: choose a template, see the type mapping, apply as one undo step. */
  applyTemplate(): void
  /** Opens the "Add threat" form on the canvas selection. */
  add(): void
  insertFromLibrary(): void
  /** What a triage key does in the threat table, run from the command palette on the table's selection. */
  triage(action: TriageKeyAction): void
}

export type ThreatCommandId = 'threats.generate' | 'threats.apply-template' | 'threats.add' | 'threats.insert-from-library' | TriageKeyId

/**
 * The table's keys (↑/↓, Page Up/Down, 1–5, Enter, Esc) as registry entries, so the shortcut sheet and
 * the command palette list exactly what the table obeys (one table: triage-keys.ts). Scoped to the
 * table: the focused table handles them itself, the page's key handler never does.
 */
const TRIAGE_COMMANDS: readonly Command[] = TRIAGE_KEYS.map(
  (entry): Command => ({
    id: entry.id,
    label: entry.label,
    menu: 'threats',
    shortcuts: entry.shortcuts,
    when: (state) => state.hasDocument,
    run: (context) => context.threats.triage(entry.action),
    // A state key is a triage edit in the model's history; moving through rows is not.
    undoable: entry.action.kind === 'state',
    hiddenFromMenu: true,
    scope: 'threat-table'
  })
)

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
    // TMT's "Apply Template" (threat-generation issue, part 7): the dialog shows the type mapping first;
    // re-typing and regenerating are one undo step there.
    id: 'threats.apply-template',
    label: 'Apply Template…',
    menu: 'threats',
    shortcuts: [],
    when: (state) => state.hasDocument,
    run: (context) => context.threats.applyTemplate(),
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
  },
  ...TRIAGE_COMMANDS
]
