import type { Canonical, ThreatCategory } from '../../model/enums'
import type { JsonObject } from '../../model/json'
import type { Threat } from '../../model/model'
import { normalizeStrideCategory } from '../../model/normalize-enums'
import {
  FINDING_THREAT_FIELDS,
  findingThreatMaker,
  type FindingThreatField,
  type FindingThreatMaker
} from '../../vocabularies/pytm/finding-threat'
import type { PytmItem } from './pytm-items'
import type { PytmThreat } from './threat-library'

type FindingFields = Record<FindingThreatField, string>

/**
 * Findings as model threats, the same threats the pytm reader makes of a dump's findings
 * (vocabularies/pytm/finding-threat.ts). Triage already in the model (from a dump's findings or a
 * reviewer) is kept; otherwise an override's `response` gives the state, and an excluding assumption
 * makes it not applicable. Most findings have none of these, so each threat type's plain finding is
 * prepared once and shared (one resolve() makes tens of thousands of findings from ~100 threat types).
 */
export class PytmThreatMaker {
  private readonly plain = new Map<PytmThreat, FindingThreatMaker>()

  make(threat: PytmThreat, item: PytmItem, exclusion: string | null, previous: Threat | undefined): Threat {
    const override = item.overrides.length === 0 ? undefined : item.overrides.find((entry) => entry.threat_id === threat.sid)
    const maker = override === undefined && exclusion === null ? this.plainMaker(threat) : findingMaker(threat, override, exclusion)
    const fresh = maker(item.target, item.targetId, item.diagramId)
    if (previous === undefined) return fresh
    const { id, state, priority, impact, justification, mitigations, owner, ticket, reviewDate, changedBy, changedAt } = previous
    return { ...fresh, id, state, priority, impact, justification, mitigations, owner, ticket, reviewDate, changedBy, changedAt }
  }

  private plainMaker(threat: PytmThreat): FindingThreatMaker {
    let maker = this.plain.get(threat)
    if (maker === undefined) {
      maker = findingMaker(threat, undefined, null)
      this.plain.set(threat, maker)
    }
    return maker
  }
}

function findingMaker(threat: PytmThreat, override: JsonObject | undefined, exclusion: string | null): FindingThreatMaker {
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
  if (override !== undefined) mergeOverride(fields, override)
  return findingThreatMaker({
    sid: threat.sid,
    fields,
    category: strideCategory(threat.stride),
    excludedBy: exclusion,
    bag: { condition: threat.condition }
  })
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
