import type { JsonValue } from '../../model/json'
import { objectAt } from './threagile-view'

export interface RiskTracking {
  /** The risk_tracking key that applies (the exact id, or the wildcard pattern). */
  readonly key: string
  readonly status: string
  readonly justification: string
  readonly ticket: string
  readonly date: string
  readonly checkedBy: string
}

export interface TrackingResult {
  readonly byRiskId: ReadonlyMap<string, RiskTracking>
  /** Keys that matched no risk: Threagile v1 stops with an error unless --ignore-orphaned-risk-tracking. */
  readonly orphans: readonly string[]
}

/**
 * Applies `risk_tracking` to generated risk ids the way Threagile v1 does (`main.go`
 * applyWildcardRiskTrackingEvaluation, threagile-rules.md §0.4): an exact key applies to the risk with
 * that id as written; a key with `*` becomes a regular expression (each `*` = `[^@]+`, not anchored)
 * matched against the lower-cased ids, and applies to every match that has no entry yet. v1 stores the
 * wildcard copies under the lower-cased id and looks risks up by their id as written, so a risk id with
 * capitals never receives wildcard tracking; we keep that. v1 walks the wildcard keys in Go's random map
 * order; we take them in file order, which only matters when two patterns match one risk.
 */
export function applyRiskTracking(bag: JsonValue | undefined, riskIds: readonly string[]): TrackingResult {
  const entries = Object.entries(objectAt(bag, 'risk_tracking')).map(([key, value]) => trackingEntry(key, objectAt(value)))
  const stored = new Map<string, RiskTracking>()
  for (const entry of entries) if (!entry.key.includes('*')) stored.set(entry.key, entry)
  const lowerIds = [...new Set(riskIds.map((id) => id.toLowerCase()))]
  const orphans: string[] = []
  for (const entry of entries) {
    if (!entry.key.includes('*')) {
      if (!lowerIds.includes(entry.key)) orphans.push(entry.key)
      continue
    }
    const pattern = new RegExp(entry.key.split('*').map(escapeRegExp).join('[^@]+'))
    let found = false
    for (const id of lowerIds) {
      if (!pattern.test(id) || stored.has(id)) continue
      stored.set(id, entry)
      found = true
    }
    if (!found) orphans.push(entry.key)
  }
  const byRiskId = new Map<string, RiskTracking>()
  for (const id of riskIds) {
    const tracking = stored.get(id)
    if (tracking !== undefined) byRiskId.set(id, tracking)
  }
  return { byRiskId, orphans }
}

function trackingEntry(key: string, value: { readonly [key: string]: JsonValue }): RiskTracking {
  const text = (field: string): string => {
    const raw = value[field]
    return typeof raw === 'string' ? raw : raw === undefined || raw === null ? '' : String(raw)
  }
  return { key: key.trim(), status: text('status'), justification: text('justification'), ticket: text('ticket'), date: text('date'), checkedBy: text('checked_by') }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
