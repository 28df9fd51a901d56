import type { Canonical, ThreatCategory } from '../../model/enums'
import type { JsonObject } from '../../model/json'
import type { Threat } from '../../model/model'
import { normalizeStrideCategory } from '../../model/normalize-enums'
import { FINDING_THREAT_FIELDS, pytmFindingThreat, type FindingThreatField } from '../../vocabularies/pytm/finding-threat'
import type { PytmItem } from './pytm-items'
import type { PytmThreat } from './threat-library'

type FindingFields = Record<FindingThreatField, string>

/**
 * A finding as a model threat, the same threat the pytm reader makes of a dump's finding
 * (vocabularies/pytm/finding-threat.ts). Triage already in the model (from a dump's findings or a
 * reviewer) is kept; otherwise an override's `response` gives the state, and an excluding assumption
 * makes it not applicable.
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
  const fresh = pytmFindingThreat({
    sid: threat.sid,
    fields,
    category: strideCategory(threat.stride),
    target: item.target,
    targetId: item.targetId,
    diagramId: item.diagramId,
    excludedBy: exclusion,
    bag: { condition: threat.condition }
  })
  if (previous === undefined) return fresh
  const { id, state, priority, impact, justification, mitigations, owner, ticket, reviewDate, changedBy, changedAt } = previous
  return { ...fresh, id, state, priority, impact, justification, mitigations, owner, ticket, reviewDate, changedBy, changedAt }
}

/** pytm.md §6 step 5: every non-null override field wins. */
function mergeOverride(fields: FindingFields, override: JsonObject): void {
  for (const key of FINDING_THREAT_FIELDS) {
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
