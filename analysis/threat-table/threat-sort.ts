import { PRIORITIES, SEVERITIES, THREAT_STATES } from '../../model/enums'
import type { ThreatRow } from './threat-rows'

export type SortKey = 'id' | 'title' | 'category' | 'target' | 'diagram' | 'state' | 'priority' | 'severity' | 'owner' | 'changedAt'

export interface SortOrder {
  readonly key: SortKey
  readonly descending: boolean
}

/** Ordered scales sort by rank (Low < High), not alphabetically; unknown spellings sort after known ones. */
const RANKS: Partial<Record<SortKey, readonly string[]>> = {
  state: THREAT_STATES,
  priority: PRIORITIES,
  severity: SEVERITIES
}

const TEXT: Record<SortKey, (row: ThreatRow) => string> = {
  id: (row) => row.id,
  title: (row) => row.title,
  category: (row) => row.category,
  target: (row) => row.targetName,
  diagram: (row) => row.diagramName,
  state: (row) => row.stateText,
  priority: (row) => row.priority,
  severity: (row) => row.severity,
  owner: (row) => row.owner,
  changedAt: (row) => row.changedAt
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' })

/** A sorted copy; stable, so rows with equal keys keep the model's order. Null order: the model's order. */
export function sortRows(rows: readonly ThreatRow[], order: SortOrder | null): readonly ThreatRow[] {
  if (order === null) return rows
  const text = TEXT[order.key]
  const ranks = RANKS[order.key]
  const sign = order.descending ? -1 : 1
  const rank = (value: string): number => {
    if (ranks === undefined) return 0
    const index = ranks.indexOf(value)
    return index === -1 ? ranks.length : index
  }
  // Decorate once: 20,000 rows sort in a few milliseconds when the comparator does no lookups.
  const decorated = rows.map((row, index) => ({ row, index, text: text(row), rank: rank(text(row)) }))
  decorated.sort((left, right) => {
    const byRank = ranks === undefined ? 0 : left.rank - right.rank
    const compared = byRank !== 0 ? byRank : collator.compare(left.text, right.text)
    return compared !== 0 ? sign * compared : left.index - right.index
  })
  return decorated.map((entry) => entry.row)
}
