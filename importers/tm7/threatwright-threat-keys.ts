import type { Canonical } from '../../model/enums'
import type { Property, ThreatOrigin } from '../../model/model'
import { stableJson } from './stable-json'

/**
 * Threat fields TMT has no place for, carried as extra entries of the threat's `b:Properties`
 * dictionary (docs/decisions/0007-tm7-threatwright-extensions.md). A template's own keys are fixed
 * names or GUIDs (tmt-format.md §8, §9.4), so the `Threatwright.` prefix cannot clash with them.
 * Entries are written only when TMT's own fields cannot say the same, so a TMT file gains none.
 */
export const THREATWRIGHT_THREAT_KEYS = {
  id: 'Threatwright.Id',
  target: 'Threatwright.Target',
  origin: 'Threatwright.Origin',
  state: 'Threatwright.State',
  severity: 'Threatwright.Severity',
  likelihood: 'Threatwright.Likelihood',
  impact: 'Threatwright.Impact',
  owner: 'Threatwright.Owner',
  ticket: 'Threatwright.Ticket',
  reviewDate: 'Threatwright.ReviewDate',
  mitigations: 'Threatwright.Mitigations',
  labels: 'Threatwright.Labels',
  properties: 'Threatwright.Properties',
  extensions: 'Threatwright.Extensions'
} as const

/**
 * TMT's text fields, when the text starts or ends with whitespace (a YAML block scalar's newline): the
 * reader trims TMT's values (pretty-printed files indent them, tmt-format.md §12), so the exact text is
 * carried as a JSON string, which trimming cannot change.
 */
export const EXACT_TEXT_KEYS = {
  title: 'Threatwright.Title',
  description: 'Threatwright.Description',
  justification: 'Threatwright.Justification'
} as const

const CARRIED_KEYS: ReadonlySet<string> = new Set([...Object.values(THREATWRIGHT_THREAT_KEYS), ...Object.values(EXACT_TEXT_KEYS)])

export const isThreatwrightThreatKey = (key: string): boolean => CARRIED_KEYS.has(key)

/** Threat property key → label, from the KnowledgeBase's ThreatMetaData (tmt-format.md §9.4). */
export type PropertyLabels = ReadonlyMap<string, string>

/** What the .tm7 reader makes of a TypeId alone: a TMT-generated threat, or the user's without one. */
export function originFromTypeId(typeId: string | null): ThreatOrigin {
  return typeId === null ? { kind: 'user' } : { kind: 'generated', engine: 'tmt', ruleId: typeId }
}

/**
 * Whether TMT's string alone gives a custom property back: a string with no outer whitespace (the
 * reader trims). Its label is carried apart, when the KB does not give it; any other property is carried whole.
 */
export const heldByTmt = (property: Property): boolean => property.kind === 'string' && property.value === property.value.trim()

/**
 * A canonical value as an entry: its spelling when the model's normaliser gives the same value back
 * (readable in the file), else both as JSON (pytm's severity "Very High" is critical, which no
 * general normaliser knows).
 */
export function canonicalEntry<Value extends string>(value: Canonical<Value>, normalize: (raw: string) => Canonical<Value>): string {
  const spelling = value.raw ?? value.value ?? ''
  return spelling.startsWith('{') || normalize(spelling).value !== value.value ? stableJson(value) : spelling
}
