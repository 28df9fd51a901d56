import { canonical } from '../../model/canonical'
import type { DiagramId } from '../../model/ids'
import type { Property, Threat, ThreatTarget } from '../../model/model'
import { normalizeThreatState } from '../../model/normalize-enums'
import { pytmThreatId } from './pytm-ids'
import { pytmSeverity } from './pytm-severity'
import type { ReadFinding } from './read-findings'

/** Finding fields a reviewer reads, shown as the threat's labelled properties. */
const SHOWN_FIELDS = [
  ['mitigations', 'Mitigations'],
  ['example', 'Example'],
  ['references', 'References'],
  ['cvss', 'CVSS'],
  ['response', 'Response']
] as const

/**
 * A dump's finding as a model threat: origin pytm with the SID as rule id, so the threat engine
 * (analysis/pytm) recognises it and keeps its state. pytm has no STRIDE field (pytm.md §5), so the
 * category is left open. `response` is pytm's only triage field, free text documented as mitigated /
 * transferred / avoided / accepted (pytm.md §6): it becomes the state when it is one of ours, and the
 * justification either way; an excluded finding was excluded by an assumption, so it is not applicable.
 */
export function threatFromFinding(
  finding: ReadFinding,
  target: ThreatTarget,
  targetId: string,
  diagramId: DiagramId
): Threat {
  const { text, excludedBy } = finding
  const response = text.response.trim()
  const customProperties: Property[] = SHOWN_FIELDS.filter(([field]) => text[field] !== '').map(([field, label]) => ({
    kind: 'string',
    key: field,
    label,
    value: text[field]
  }))
  return {
    id: pytmThreatId(finding.sid, targetId),
    definitionId: null,
    title: text.description,
    description: text.details,
    category: { value: null, raw: null },
    target,
    diagramId,
    state:
      excludedBy !== null ? canonical('notApplicable') : response === '' ? canonical('notStarted') : normalizeThreatState(response),
    priority: null,
    severity: text.severity === '' ? null : pytmSeverity(text.severity),
    likelihood: text.likelihood === '' ? null : { value: null, raw: text.likelihood },
    impact: null,
    justification: excludedBy !== null ? `Excluded by the assumption "${excludedBy.name}"` : response,
    mitigations: [],
    owner: '',
    ticket: '',
    reviewDate: null,
    changedBy: null,
    changedAt: null,
    origin: { kind: 'generated', engine: 'pytm', ruleId: finding.sid },
    customProperties,
    extensions: {
      pytm: {
        condition: text.condition,
        findingId: finding.findingId,
        ...(excludedBy !== null ? { excludedBy: excludedBy.name } : {})
      }
    }
  }
}
