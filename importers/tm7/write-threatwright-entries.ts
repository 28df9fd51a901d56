import type { Canonical } from '../../model/enums'
import type { Extensions } from '../../model/json'
import type { Threat, ThreatOrigin } from '../../model/model'
import { normalizeImpact, normalizeLikelihood, normalizeSeverity, normalizeThreatState } from '../../model/normalize-enums'
import { stableJson } from './stable-json'
import { tmtStateText } from './threat-fields'
import { EXACT_TEXT_KEYS, THREATWRIGHT_THREAT_KEYS, canonicalEntry, heldByTmt, originFromTypeId, type PropertyLabels } from './threatwright-threat-keys'

const sameOrigin = (a: ThreatOrigin, b: ThreatOrigin): boolean =>
  a.kind === 'user' ? b.kind === 'user' : b.kind === 'generated' && a.engine === b.engine && a.ruleId === b.ruleId

/** TMT keeps Accepted and other formats' spellings (Threagile `in-progress`) only through the state entry. */
function needsStateEntry(threat: Threat): boolean {
  return threat.state.value === 'accepted' || (threat.state.raw !== null && threat.state.raw !== tmtStateText(threat.state))
}

/** Other formats' bags (Threagile's risk details…); the tm7 bag is the threat entry itself. */
function otherExtensions(extensions: Extensions): Extensions {
  return Object.fromEntries(Object.entries(extensions).filter(([format]) => format !== 'tm7'))
}

/**
 * The Threatwright entries of a threat written under dictionary key `key` (threatwright-threat-keys.ts),
 * in a fixed order, each only when TMT's own fields do not already say it.
 */
export function threatwrightEntries(threat: Threat, key: string, labels: PropertyLabels): [string, string][] {
  const keys = THREATWRIGHT_THREAT_KEYS
  const entries: [string, string][] = []
  const add = (entryKey: string, when: boolean, value: () => string): void => {
    if (when) entries.push([entryKey, value()])
  }
  add(keys.id, key !== threat.id, () => threat.id)
  add(keys.target, threat.target.kind !== 'interaction', () => stableJson(threat.target))
  add(keys.origin, !sameOrigin(threat.origin, originFromTypeId(threat.definitionId)), () => stableJson(threat.origin))
  add(keys.state, needsStateEntry(threat), () => canonicalEntry(threat.state, normalizeThreatState))
  const addCanonical = <Value extends string>(entryKey: string, value: Canonical<Value> | null, normalize: (raw: string) => Canonical<Value>): void => {
    if (value !== null) entries.push([entryKey, canonicalEntry(value, normalize)])
  }
  addCanonical(keys.severity, threat.severity, normalizeSeverity)
  addCanonical(keys.likelihood, threat.likelihood, normalizeLikelihood)
  addCanonical(keys.impact, threat.impact, normalizeImpact)
  add(keys.owner, threat.owner !== '', () => threat.owner)
  add(keys.ticket, threat.ticket !== '', () => threat.ticket)
  add(keys.reviewDate, threat.reviewDate !== null, () => threat.reviewDate ?? '')
  add(keys.mitigations, threat.mitigations.length > 0, () => stableJson(threat.mitigations))
  const relabelled = threat.customProperties.filter((property) => heldByTmt(property) && property.label !== (labels.get(property.key) ?? property.key))
  add(keys.labels, relabelled.length > 0, () => stableJson(Object.fromEntries(relabelled.map((property) => [property.key, property.label]))))
  const typed = threat.customProperties.filter((property) => !heldByTmt(property))
  add(keys.properties, typed.length > 0, () => stableJson(typed))
  const others = otherExtensions(threat.extensions)
  add(keys.extensions, Object.keys(others).length > 0, () => stableJson(others))
  for (const field of ['title', 'description', 'justification'] as const) {
    add(EXACT_TEXT_KEYS[field], threat[field] !== threat[field].trim(), () => JSON.stringify(threat[field]))
  }
  return entries
}
