import { canonical } from '../../model/canonical'
import type { Canonical, ThreatCategory } from '../../model/enums'
import { untriagedThreat } from '../../model/factory'
import type { DiagramId } from '../../model/ids'
import type { JsonObject } from '../../model/json'
import type { Property, Threat, ThreatTarget } from '../../model/model'
import { normalizeThreatState } from '../../model/normalize-enums'
import { pytmThreatId, pytmThreatIds } from './pytm-ids'
import { pytmSeverity } from './pytm-severity'

/** A pytm `Finding`'s text fields that become the threat (pytm.md §3 rule 7), and that an override may replace (§6 step 5). */
export const FINDING_THREAT_FIELDS = [
  'description',
  'details',
  'severity',
  'likelihood',
  'mitigations',
  'example',
  'references',
  'cvss',
  'response'
] as const
export type FindingThreatField = (typeof FINDING_THREAT_FIELDS)[number]

/** Finding fields a reviewer reads, shown as the threat's labelled properties. */
const SHOWN_FIELDS = [
  ['mitigations', 'Mitigations'],
  ['example', 'Example'],
  ['references', 'References'],
  ['cvss', 'CVSS'],
  ['response', 'Response']
] as const

/** One finding, whether a dump's (the reader) or one pytm would make (the threat engine). */
export interface PytmFinding {
  readonly sid: string
  readonly fields: Readonly<Record<FindingThreatField, string>>
  /** pytm's own library has no STRIDE field (pytm.md §5); other libraries may. */
  readonly category: Canonical<ThreatCategory>
  readonly target: ThreatTarget
  readonly targetId: string
  readonly diagramId: DiagramId | null
  /** The name of the assumption that excluded the finding, or null. */
  readonly excludedBy: string | null
  /** What goes into the threat's pytm bag besides `excludedBy` (the condition, a dump's finding id). */
  readonly bag: JsonObject
}

/** What a finding is apart from where it was found. */
export type PytmFindingKind = Omit<PytmFinding, 'target' | 'targetId' | 'diagramId'>

/** Makes the threat of one kind of finding on a given target. */
export type FindingThreatMaker = (target: ThreatTarget, targetId: string, diagramId: DiagramId | null) => Threat

/**
 * A finding as a model threat: origin pytm with the SID as rule id, so the reader and the threat engine
 * make the same threat and the engine recognises a dump's threats. `response` is pytm's only triage
 * field, free text documented as mitigated / transferred / avoided / accepted (pytm.md §6): it becomes
 * the state when it is one of ours, and the justification either way; an excluded finding was excluded
 * by an assumption, so it is not applicable.
 */
export function pytmFindingThreat(finding: PytmFinding): Threat {
  return findingThreatMaker(finding)(finding.target, finding.targetId, finding.diagramId)
}

/**
 * Everything but the target, id and diagram is the same for every finding of one kind, so it is worked
 * out once and its parts are shared by all those threats (the model is immutable): the threat engine
 * makes tens of thousands of findings from about a hundred kinds.
 */
export function findingThreatMaker(finding: PytmFindingKind): FindingThreatMaker {
  const { fields, excludedBy } = finding
  const response = fields.response.trim()
  const customProperties: Property[] = SHOWN_FIELDS.filter(([field]) => fields[field] !== '').map(([field, label]) => ({
    kind: 'string',
    key: field,
    label,
    value: fields[field]
  }))
  const untriaged = untriagedThreat({
    id: pytmThreatId(finding.sid, ''),
    definitionId: null,
    title: fields.description,
    description: fields.details,
    category: finding.category,
    target: { kind: 'model' },
    diagramId: null,
    origin: { kind: 'generated', engine: 'pytm', ruleId: finding.sid },
    severity: fields.severity === '' ? null : pytmSeverity(fields.severity),
    likelihood: fields.likelihood === '' ? null : { value: null, raw: fields.likelihood },
    customProperties,
    extensions: { pytm: { ...finding.bag, ...(excludedBy !== null ? { excludedBy } : {}) } }
  })
  const triaged: Threat =
    excludedBy !== null
      ? { ...untriaged, state: canonical('notApplicable'), justification: `Excluded by the assumption "${excludedBy}"` }
      : response === ''
        ? untriaged
        : { ...untriaged, state: normalizeThreatState(response), justification: response }
  const template = compactCopy(triaged)
  const threatId = pytmThreatIds(finding.sid)
  // Each finding is a spread of the template: V8 clones it in one step, faster than writing 22 fields.
  return (target, targetId, diagramId) => ({ ...template, id: threatId(targetId), target, diagramId })
}

/**
 * The same threat written as one object literal, field order kept: a literal keeps its fields inside the
 * object, and so do its clones, which makes each of tens of thousands of findings about a fifth smaller
 * than clones of a threat built by spreads.
 */
function compactCopy(threat: Threat): Threat {
  const t = threat
  return {
    priority: t.priority,
    severity: t.severity,
    likelihood: t.likelihood,
    impact: t.impact,
    customProperties: t.customProperties,
    extensions: t.extensions,
    id: t.id,
    definitionId: t.definitionId,
    title: t.title,
    description: t.description,
    category: t.category,
    target: t.target,
    diagramId: t.diagramId,
    origin: t.origin,
    state: t.state,
    justification: t.justification,
    mitigations: t.mitigations,
    owner: t.owner,
    ticket: t.ticket,
    reviewDate: t.reviewDate,
    changedBy: t.changedBy,
    changedAt: t.changedAt
  }
}
