import type { Threat, ThreatTarget } from '../../model/model'
import { threatFromFinding } from './finding-threat'
import { PYTM_DIAGRAM_ID } from '../../vocabularies/pytm/pytm-ids'
import type { PytmReadContext } from './pytm-read-context'
import type { PytmNames, RawAssumption } from './read-common-fields'
import type { ReadFinding } from './read-findings'

export interface FindingThreats {
  readonly threats: readonly Threat[]
  /** The assumptions with the exclusions that only the dump's excluded findings still carry. */
  readonly assumptions: readonly RawAssumption[]
}

/**
 * The dump's findings as threats. A finding names its target by name only; pytm keeps elements, flows
 * and boundaries in one list, so the name is looked up in that order. The dump drops an assumption's
 * `exclude` everywhere except in the excluded findings (pytm.md §3 rules 6–7), so they restore it.
 */
export function threatsFromFindings(
  findings: readonly ReadFinding[],
  names: PytmNames,
  assumptions: readonly RawAssumption[],
  context: PytmReadContext
): FindingThreats {
  const threats: Threat[] = []
  const seen = new Set<string>()
  const restored = [...assumptions]
  for (const finding of findings) {
    const target = targetOf(finding, names, context)
    if (target === null) continue
    const threat = threatFromFinding(finding, target.target, target.id, PYTM_DIAGRAM_ID)
    if (seen.has(threat.id)) {
      context.warning('pytm.finding.duplicate', `a second finding of ${finding.sid} on "${finding.targetName}" is ignored`, finding.path)
      continue
    }
    seen.add(threat.id)
    threats.push(threat)
    if (finding.excludedBy !== null) restoreExclusion(finding.excludedBy, restored)
  }
  return { threats, assumptions: restored }
}

function targetOf(
  finding: ReadFinding,
  names: PytmNames,
  context: PytmReadContext
): { readonly target: ThreatTarget; readonly id: string } | null {
  const name = finding.targetName
  const elementId = names.elements.idOf(name)
  if (elementId !== null) return { target: { kind: 'element', elementId }, id: elementId }
  const flowId = names.flows.idOf(name)
  if (flowId !== null) return { target: { kind: 'flow', flowId }, id: flowId }
  const boundaryId = names.boundaries.idOf(name)
  if (boundaryId !== null) return { target: { kind: 'boundary', boundaryId }, id: boundaryId }
  context.error('pytm.reference.dangling', `this finding's target "${name}" is not an element, flow or boundary of this model`, [
    ...finding.path,
    'target'
  ])
  return null
}

/** The item's own assumption of that name, else the TM's, else a new one on the item. */
function restoreExclusion(excluding: RawAssumption, assumptions: RawAssumption[]): void {
  const index = [
    assumptions.findIndex((entry) => entry.name === excluding.name && entry.itemName === excluding.itemName),
    assumptions.findIndex((entry) => entry.name === excluding.name && entry.itemName === null)
  ].find((found) => found !== -1)
  if (index === undefined) {
    assumptions.push(excluding)
    return
  }
  const current = assumptions[index]
  if (current === undefined) return
  const exclude = [...new Set([...current.exclude, ...excluding.exclude])]
  assumptions[index] = { ...current, exclude, description: current.description || excluding.description }
}
