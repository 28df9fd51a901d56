import { SEVERITIES, type Priority, type Severity } from '../model/enums'
import type { Threat } from '../model/model'
import type { RatedSeverity } from './report-types'

/**
 * Priority → severity, for threats that carry a priority but no severity (TMT writes Priority only).
 * The four priority names are also severity names and mean the same rank there, so the mapping is the
 * identity; `info` and `elevated` are never produced from a priority. Documented in reports/CONTEXT.md.
 */
export const PRIORITY_TO_SEVERITY: Readonly<Record<Priority, Severity>> = {
  low: 'low',
  medium: 'medium',
  high: 'high',
  critical: 'critical'
}

export interface ThreatSeverity {
  readonly severity: RatedSeverity
  readonly source: 'severity' | 'priority' | 'none'
}

/** The threat's own severity when it has a canonical one, else its priority mapped, else `unrated`. */
export function threatSeverity(threat: Threat): ThreatSeverity {
  const own = threat.severity?.value
  if (own !== null && own !== undefined) return { severity: own, source: 'severity' }
  const priority = threat.priority?.value
  if (priority !== null && priority !== undefined) return { severity: PRIORITY_TO_SEVERITY[priority], source: 'priority' }
  return { severity: 'unrated', source: 'none' }
}

/** Rank on the SEVERITIES scale (info = 0 … critical = 5); unrated ranks below everything. */
export function severityRank(severity: RatedSeverity): number {
  return severity === 'unrated' ? -1 : SEVERITIES.indexOf(severity)
}

export function isAtOrAbove(severity: RatedSeverity, threshold: Severity): boolean {
  return severityRank(severity) >= severityRank(threshold)
}

/**
 * Open means still waiting for a decision: not started, needs investigation, or a state the source spells
 * in a way we do not recognise (an unknown state is never taken as closed). Mitigated, not applicable
 * and accepted are decisions, so they are not open.
 */
export function isOpenThreat(threat: Threat): boolean {
  const state = threat.state.value
  return state !== 'mitigated' && state !== 'notApplicable' && state !== 'accepted'
}

/** Severities from most to least severe, then unrated: the order of every severity listing. */
export const SEVERITIES_MOST_SEVERE_FIRST: readonly RatedSeverity[] = [...[...SEVERITIES].reverse(), 'unrated']
