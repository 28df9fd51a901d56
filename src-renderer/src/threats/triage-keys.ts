import { THREAT_STATES, type ThreatState } from '../../../model/enums'
import { stateLabel } from '../../../model/edits/threat-edits'
import { matchesShortcut } from '../commands/key-chords'

/** What a key press in the threat table means (TMT's states in workflow order on 1–5; ux.md §6 item 3). */
export type TriageKeyAction =
  | { readonly kind: 'move'; readonly delta: number; readonly extend: boolean }
  | { readonly kind: 'state'; readonly state: ThreatState }
  | { readonly kind: 'open' }
  | { readonly kind: 'close' }

export interface TableKeyPress {
  readonly key: string
  readonly shiftKey: boolean
  readonly ctrlKey: boolean
  readonly metaKey: boolean
  readonly altKey: boolean
}

export const PAGE_ROWS = 10

export type TriageKeyId =
  | 'threats.next'
  | 'threats.previous'
  | 'threats.extend-next'
  | 'threats.extend-previous'
  | 'threats.page-down'
  | 'threats.page-up'
  | 'threats.extend-page-down'
  | 'threats.extend-page-up'
  | 'threats.open-details'
  | 'threats.close-details'
  | `threats.state-${string}`

export interface TriageKey {
  readonly id: TriageKeyId
  readonly label: string
  /** Accelerator syntax, as in the command registry. */
  readonly shortcuts: readonly string[]
  readonly action: TriageKeyAction
}

const move = (delta: number, extend: boolean): TriageKeyAction => ({ kind: 'move', delta, extend })

/**
 * The threat table's keys, as data: the table's key handler reads this list, and the command registry
 * lists it (threat-commands.ts), so the shortcut sheet and the command palette show the same keys the
 * table obeys. None has Ctrl/⌘/Alt: those combinations belong to the app (Ctrl+Z undoes a triage step).
 */
export const TRIAGE_KEYS: readonly TriageKey[] = [
  { id: 'threats.next', label: 'Next Threat', shortcuts: ['Down'], action: move(1, false) },
  { id: 'threats.previous', label: 'Previous Threat', shortcuts: ['Up'], action: move(-1, false) },
  { id: 'threats.extend-next', label: 'Extend Selection to Next Threat', shortcuts: ['Shift+Down'], action: move(1, true) },
  { id: 'threats.extend-previous', label: 'Extend Selection to Previous Threat', shortcuts: ['Shift+Up'], action: move(-1, true) },
  { id: 'threats.page-down', label: `Down ${PAGE_ROWS} Threats`, shortcuts: ['PageDown'], action: move(PAGE_ROWS, false) },
  { id: 'threats.page-up', label: `Up ${PAGE_ROWS} Threats`, shortcuts: ['PageUp'], action: move(-PAGE_ROWS, false) },
  { id: 'threats.extend-page-down', label: `Extend Selection Down ${PAGE_ROWS}`, shortcuts: ['Shift+PageDown'], action: move(PAGE_ROWS, true) },
  { id: 'threats.extend-page-up', label: `Extend Selection Up ${PAGE_ROWS}`, shortcuts: ['Shift+PageUp'], action: move(-PAGE_ROWS, true) },
  ...THREAT_STATES.map(
    (state, index): TriageKey => ({
      // Kebab case like every other command id: 'threats.state-needs-investigation'.
      id: `threats.state-${state.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`,
      label: `Set State: ${stateLabel(state)}`,
      shortcuts: [String(index + 1)],
      action: { kind: 'state', state }
    })
  ),
  { id: 'threats.open-details', label: 'Open Threat Details', shortcuts: ['Enter'], action: { kind: 'open' } },
  { id: 'threats.close-details', label: 'Close Threat Details', shortcuts: ['Escape'], action: { kind: 'close' } }
]

export function triageKeyAction(press: TableKeyPress): TriageKeyAction | null {
  // No table key uses Ctrl or ⌘, so the platform does not matter: any of them means "not ours".
  const entry = TRIAGE_KEYS.find((each) => each.shortcuts.some((shortcut) => matchesShortcut(shortcut, press, false)))
  return entry?.action ?? null
}
