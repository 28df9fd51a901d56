import { canonical } from '../../model/canonical'
import { canonicalizer } from '../../model/canonical'
import type { Canonical, Severity, ThreatCategory } from '../../model/enums'
import { asId, type ThreatId } from '../../model/ids'
import type { JsonObject } from '../../model/json'
import type { Property, Threat } from '../../model/model'
import { normalizeStrideCategory, normalizeThreatState } from '../../model/normalize-enums'
import type { PytmItem } from './pytm-items'
import type { PytmThreat } from './threat-library'

/** pytm's severities on the model's scale, in pytm's order (same table as importers/pytm/pytm-severity.ts). */
const pytmSeverity: (raw: string) => Canonical<Severity> = canonicalizer<Severity>({
  info: ['Info', 'Informational'],
  low: ['Low', 'Very Low'],
  medium: ['Medium'],
  elevated: [],
  high: ['High'],
  critical: ['Very High', 'Critical']
})

/** Finding fields an override may replace (pytm.md §6 step 5: every non-null override field wins). */
const OVERRIDABLE = ['description', 'details', 'severity', 'likelihood', 'mitigations', 'example', 'references', 'cvss', 'response'] as const
type FindingFields = Record<(typeof OVERRIDABLE)[number], string>

/** Finding fields a reviewer reads, as the threat's labelled properties (as the pytm reader shows them). */
const SHOWN_FIELDS = [
  ['mitigations', 'Mitigations'],
  ['example', 'Example'],
  ['references', 'References'],
  ['cvss', 'CVSS'],
  ['response', 'Response']
] as const

/**
 * The id the pytm reader gives the same finding (importers/pytm/pytm-ids.ts), so a model read from a
 * dump and the engine's output agree: (SID, target) is a pytm finding's stable key (pytm.md §7).
 */
export function pytmThreatId(sid: string, targetId: string): ThreatId {
  return asId(`pytm:threat:${sid}:${targetId}`)
}

/**
 * A finding as a model threat. Triage already in the model (from a dump's findings or a reviewer)
 * is kept; otherwise an override's `response` gives the state, and an excluding assumption makes it
 * not applicable.
 */
export function pytmThreat(
  threat: PytmThreat,
  item: PytmItem,
  exclusion: string | null,
  previous: Threat | undefined
): Threat {
  const fields: FindingFields = {
    description: threat.description,
    details: threat.details,
    severity: threat.severity,
    likelihood: threat.likelihood,
    mitigations: threat.mitigations,
    example: threat.example,
    references: threat.references,
    cvss: '',
    response: ''
  }
  const override = item.overrides.find((entry) => entry.threat_id === threat.sid)
  if (override !== undefined) mergeOverride(fields, override)
  const response = fields.response.trim()
  const customProperties: Property[] = SHOWN_FIELDS.filter(([field]) => fields[field] !== '').map(([field, label]) => ({
    kind: 'string',
    key: field,
    label,
    value: fields[field]
  }))
  const fresh: Threat = {
    id: pytmThreatId(threat.sid, item.targetId),
    definitionId: null,
    title: fields.description,
    description: fields.details,
    category: strideCategory(threat.stride),
    target: item.target,
    diagramId: item.diagramId,
    state: exclusion !== null ? canonical('notApplicable') : response === '' ? canonical('notStarted') : normalizeThreatState(response),
    priority: null,
    severity: fields.severity === '' ? null : pytmSeverity(fields.severity),
    likelihood: fields.likelihood === '' ? null : { value: null, raw: fields.likelihood },
    impact: null,
    justification: exclusion !== null ? `Excluded by the assumption "${exclusion}"` : response,
    mitigations: [],
    owner: '',
    ticket: '',
    reviewDate: null,
    changedBy: null,
    changedAt: null,
    origin: { kind: 'generated', engine: 'pytm', ruleId: threat.sid },
    customProperties,
    extensions: { pytm: { condition: threat.condition, ...(exclusion !== null ? { excludedBy: exclusion } : {}) } }
  }
  if (previous === undefined) return fresh
  const { id, state, priority, impact, justification, mitigations, owner, ticket, reviewDate, changedBy, changedAt } = previous
  return { ...fresh, id, state, priority, impact, justification, mitigations, owner, ticket, reviewDate, changedBy, changedAt }
}

function mergeOverride(fields: FindingFields, override: JsonObject): void {
  for (const key of OVERRIDABLE) {
    const value = override[key]
    if (typeof value === 'string') fields[key] = value
    else if (typeof value === 'number') fields[key] = String(value)
  }
}

/** A library's STRIDE field (`S`, `Tampering`, `S, T`): the first category it names; pytm's own has none. */
function strideCategory(stride: string): Canonical<ThreatCategory> {
  if (stride.trim() === '') return { value: null, raw: null }
  for (const part of stride.split(/[,;/|]/)) {
    const category = normalizeStrideCategory(part.trim())
    if (category.value !== null) return { value: category.value, raw: stride }
  }
  return { value: null, raw: stride }
}
