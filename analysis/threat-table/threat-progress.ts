import { THREAT_STATES } from '../../model/enums'
import type { ThreatRow } from './threat-rows'

export interface DiagramProgress {
  readonly diagramId: string | null
  readonly diagramName: string
  readonly total: number
  /** Threats no longer Not Started. */
  readonly triaged: number
}

export interface ThreatProgress {
  readonly total: number
  /** Count per canonical state, in workflow order; threats with a non-canonical state count under their spelling. */
  readonly byState: readonly { readonly state: string; readonly count: number }[]
  readonly byDiagram: readonly DiagramProgress[]
}

export function threatProgress(rows: readonly ThreatRow[]): ThreatProgress {
  const byState = new Map<string, number>(THREAT_STATES.map((state) => [state, 0]))
  const byDiagram = new Map<string | null, { diagramName: string; total: number; triaged: number }>()
  for (const row of rows) {
    byState.set(row.stateText, (byState.get(row.stateText) ?? 0) + 1)
    const entry = byDiagram.get(row.diagramId) ?? { diagramName: row.diagramName || 'No diagram', total: 0, triaged: 0 }
    entry.total += 1
    if (row.state !== 'notStarted') entry.triaged += 1
    byDiagram.set(row.diagramId, entry)
  }
  return {
    total: rows.length,
    byState: [...byState].map(([state, count]) => ({ state, count })),
    byDiagram: [...byDiagram].map(([diagramId, entry]) => ({ diagramId, ...entry }))
  }
}
