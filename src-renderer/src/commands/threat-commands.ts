import type { Command } from './registry'

/** The threat table's app-level actions (App.svelte implements them); triage keys live in the table itself. */
export interface ThreatActions {
  generate(): void
}

export type ThreatCommandId = 'threats.generate'

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
  }
]
