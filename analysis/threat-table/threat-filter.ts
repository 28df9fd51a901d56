import type { ThreatRow } from './threat-rows'

/** What the filter bar holds. Empty sets and null mean "any". */
export interface ThreatFilter {
  readonly text: string
  readonly states: ReadonlySet<string>
  readonly categories: ReadonlySet<string>
  readonly severities: ReadonlySet<string>
  readonly diagramId: string | null
  /** An element, flow or boundary id: threats whose target touches it (two-way focus from the canvas). */
  readonly itemId: string | null
  readonly crossesBoundary: boolean
  readonly unreviewed: boolean
  /** null: any; true: only obsolete; false: hide obsolete. */
  readonly obsolete: boolean | null
}

export const NO_FILTER: ThreatFilter = {
  text: '',
  states: new Set(),
  categories: new Set(),
  severities: new Set(),
  diagramId: null,
  itemId: null,
  crossesBoundary: false,
  unreviewed: false,
  obsolete: null
}

/**
 * The rows the filter lets through, in their order. Every term must match (AND); words in the search
 * text each must appear somewhere in the row (so "sql api" finds "SQL injection" on the API).
 */
export function filterRows(rows: readonly ThreatRow[], filter: ThreatFilter): readonly ThreatRow[] {
  const words = filter.text.toLowerCase().split(/\s+/).filter((word) => word !== '')
  if (isEmpty(filter) && words.length === 0) return rows
  return rows.filter(
    (row) =>
      (filter.states.size === 0 || filter.states.has(row.stateText)) &&
      (filter.categories.size === 0 || filter.categories.has(row.category)) &&
      (filter.severities.size === 0 || filter.severities.has(row.severity)) &&
      (filter.diagramId === null || row.diagramId === filter.diagramId) &&
      (filter.itemId === null || row.itemIds.includes(filter.itemId)) &&
      (!filter.crossesBoundary || row.crossesBoundary) &&
      (!filter.unreviewed || row.unreviewed) &&
      (filter.obsolete === null || row.obsolete === filter.obsolete) &&
      words.every((word) => row.searchText.includes(word))
  )
}

function isEmpty(filter: ThreatFilter): boolean {
  return (
    filter.states.size === 0 &&
    filter.categories.size === 0 &&
    filter.severities.size === 0 &&
    filter.diagramId === null &&
    filter.itemId === null &&
    !filter.crossesBoundary &&
    !filter.unreviewed &&
    filter.obsolete === null
  )
}

/** Distinct values of a column, sorted, for the filter bar's choices. */
export function distinctValues(rows: readonly ThreatRow[], pick: (row: ThreatRow) => string): readonly string[] {
  return [...new Set(rows.map(pick))].filter((value) => value !== '').sort((left, right) => left.localeCompare(right))
}
