import { THREAT_STATES, type ThreatState } from '../../../model/enums'

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

export function triageKeyAction(press: TableKeyPress): TriageKeyAction | null {
  // Ctrl/⌘/Alt combinations belong to the app's commands (Ctrl+Z undoes a triage step).
  if (press.ctrlKey || press.metaKey || press.altKey) return null
  switch (press.key) {
    case 'ArrowDown':
      return { kind: 'move', delta: 1, extend: press.shiftKey }
    case 'ArrowUp':
      return { kind: 'move', delta: -1, extend: press.shiftKey }
    case 'PageDown':
      return { kind: 'move', delta: PAGE_ROWS, extend: press.shiftKey }
    case 'PageUp':
      return { kind: 'move', delta: -PAGE_ROWS, extend: press.shiftKey }
    case 'Enter':
      return { kind: 'open' }
    case 'Escape':
      return { kind: 'close' }
  }
  const digit = /^[1-9]$/.test(press.key) ? Number(press.key) : 0
  const state = THREAT_STATES[digit - 1]
  return state === undefined || press.shiftKey ? null : { kind: 'state', state }
}
