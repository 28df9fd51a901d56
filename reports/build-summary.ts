import type { ThreatStateCounts } from '../analysis/summary'
import { SEVERITIES, THREAT_STATES, type ThreatState } from '../model/enums'
import type { Diagram, ThreatModel } from '../model/model'
import type { ExecutiveSummary, RatedSeverity, ResidualRisk, SeverityCounts, ThreatRow } from './report-types'
import { bySeverityThenId } from './build-threat-rows'
import { isAtOrAbove, SEVERITIES_MOST_SEVERE_FIRST } from './threat-severity'

/** Counts over every threat in the report's diagram scope, whatever the listing options hide. */
export function buildExecutiveSummary(
  model: ThreatModel,
  diagrams: readonly Diagram[],
  threats: readonly ThreatRow[],
  isOverdue: (row: ThreatRow) => boolean
): ExecutiveSummary {
  const open = threats.filter((row) => row.isOpen)
  const accepted = threats.filter((row) => row.state === 'accepted')
  const total = (pick: (diagram: Diagram) => number): number => diagrams.reduce((sum, diagram) => sum + pick(diagram), 0)
  return {
    description: model.metadata.description,
    counts: {
      diagrams: diagrams.length,
      elements: total((diagram) => diagram.elements.length),
      flows: total((diagram) => diagram.flows.length),
      boundaries: total((diagram) => diagram.boundaries.length),
      dataAssets: model.dataAssets.length,
      threats: threats.length
    },
    threatsByState: countByState(threats),
    threatsBySeverity: countBySeverity(threats),
    openThreatsBySeverity: countBySeverity(open),
    openThreats: open.length,
    acceptedThreats: accepted.length,
    overdueAcceptedRisks: accepted.filter(isOverdue).length,
    topOpenThreats: [...open].sort(bySeverityThenId).slice(0, 5)
  }
}

export function buildResidualRisk(threats: readonly ThreatRow[], conclusion: string | null): ResidualRisk {
  return {
    matrix: SEVERITIES_MOST_SEVERE_FIRST.map((severity) => ({
      severity,
      byState: countByState(threats.filter((row) => row.severity === severity))
    })),
    openAtHighOrAbove: threats.filter((row) => row.isOpen && isAtOrAbove(row.severity, 'high')).length,
    conclusion
  }
}

export function countByState(threats: readonly ThreatRow[]): ThreatStateCounts {
  const counts: Record<ThreatState | 'unrecognized', number> = {
    ...(Object.fromEntries(THREAT_STATES.map((state) => [state, 0])) as Record<ThreatState, number>),
    unrecognized: 0
  }
  for (const row of threats) {
    const state = (THREAT_STATES as readonly string[]).includes(row.state) ? (row.state as ThreatState) : 'unrecognized'
    counts[state] += 1
  }
  return counts
}

function countBySeverity(threats: readonly ThreatRow[]): SeverityCounts {
  const counts = Object.fromEntries([...SEVERITIES, 'unrated'].map((level) => [level, 0])) as Record<RatedSeverity, number>
  for (const row of threats) counts[row.severity] += 1
  return counts
}
