import { canonicalOf } from '../../model/canonical-schema'
import { IMPACTS, LIKELIHOODS, SEVERITIES, THREAT_STATES, type Canonical } from '../../model/enums'
import { asId, type ThreatId } from '../../model/ids'
import type { Mitigation, Property, Threat, ThreatOrigin } from '../../model/model'
import { normalizeImpact, normalizeLikelihood, normalizeSeverity, normalizeThreatState } from '../../model/normalize-enums'
import { propertySchema } from '../../model/property-schema'
import { isRecord, ownField } from '../../model/record'
import { INVALID, array, literal, string, typeMismatch, type ParseContext, type Schema } from '../../model/schema'
import { extensions as extensionsSchema } from '../../model/schema-json'
import { object, unionByKind } from '../../model/schema-object'
import { threatTargetSchema } from '../../model/threat-schema'
import { threatPropertyText, tmtStateText } from './threat-fields'
import { EXACT_TEXT_KEYS, THREATWRIGHT_THREAT_KEYS } from './threatwright-threat-keys'

const labelsSchema: Schema<Readonly<Record<string, string>>> = (value, path, context) =>
  isRecord(value) && Object.values(value).every((label) => typeof label === 'string') ? (value as Readonly<Record<string, string>>) : typeMismatch(context, 'an object of labels', value, path)
const mitigationsSchema: Schema<readonly Mitigation[]> = array(object<Mitigation>({ description: string(), status: string() }))
const originSchema: Schema<ThreatOrigin> = unionByKind<ThreatOrigin>({
  generated: object({ kind: literal('generated'), engine: string(), ruleId: string() }),
  user: object({ kind: literal('user') })
})

/** A JSON entry checked with the model's own schemas; a message when it is damaged (edited by hand). */
function parseEntry<T>(text: string, schema: Schema<T>): { value: T } | { problem: string } {
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch (error) {
    return { problem: error instanceof Error ? error.message : String(error) }
  }
  const context: ParseContext = { diagnostics: [] }
  const value = schema(parsed, '', context)
  if (value === INVALID) return { problem: context.diagnostics.map((entry) => entry.message).join('; ') }
  return { value }
}

/**
 * The threat as TMT's fields give it (`base`), with what the Threatwright entries carry put back
 * (threatwright-threat-keys.ts). What TMT also holds (state, texts, property values) is taken from an
 * entry only while TMT's field still says what was written with it: an edit made in TMT wins. A damaged
 * entry is reported through `warn` and left out.
 */
export function restoreThreatwrightFields(base: Threat, entries: ReadonlyMap<string, string>, tmtState: string, warn: (message: string) => void): Threat {
  const keys = THREATWRIGHT_THREAT_KEYS
  const parsed = <T>(key: string, schema: Schema<T>): T | undefined => {
    const text = entries.get(key)
    if (text === undefined) return undefined
    const result = parseEntry(text, schema)
    if ('value' in result) return result.value
    warn(`its ${key} entry is damaged (${result.problem}); that field is read as TMT stores it`)
    return undefined
  }
  const canonical = <Value extends string>(key: string, members: readonly Value[], normalize: (raw: string) => Canonical<Value>): Canonical<Value> | undefined => {
    const text = entries.get(key)
    if (text === undefined) return undefined
    return text.startsWith('{') ? parsed(key, canonicalOf(members)) : normalize(text)
  }
  const exact = (field: keyof typeof EXACT_TEXT_KEYS): string => {
    const carried = parsed(EXACT_TEXT_KEYS[field], string())
    return carried !== undefined && carried.trim() === base[field] ? carried : base[field]
  }
  const state = canonical(keys.state, THREAT_STATES, normalizeThreatState)
  const carriedExtensions = parsed(keys.extensions, extensionsSchema())
  const id = entries.get(keys.id)
  return {
    ...base,
    id: id === undefined || id === '' ? base.id : asId<ThreatId>(id),
    title: exact('title'),
    description: exact('description'),
    target: parsed(keys.target, threatTargetSchema) ?? base.target,
    state: state !== undefined && tmtStateText(state) === tmtState ? state : base.state,
    severity: canonical(keys.severity, SEVERITIES, normalizeSeverity) ?? base.severity,
    likelihood: canonical(keys.likelihood, LIKELIHOODS, normalizeLikelihood) ?? base.likelihood,
    impact: canonical(keys.impact, IMPACTS, normalizeImpact) ?? base.impact,
    justification: exact('justification'),
    mitigations: parsed(keys.mitigations, mitigationsSchema) ?? base.mitigations,
    owner: entries.get(keys.owner) ?? base.owner,
    ticket: entries.get(keys.ticket) ?? base.ticket,
    reviewDate: entries.get(keys.reviewDate) ?? base.reviewDate,
    origin: parsed(keys.origin, originSchema) ?? base.origin,
    customProperties: withCarriedProperties(base.customProperties, parsed(keys.properties, array(propertySchema)) ?? [], parsed(keys.labels, labelsSchema) ?? {}),
    extensions: carriedExtensions === undefined ? base.extensions : { ...carriedExtensions, ...base.extensions }
  }
}

/**
 * Each property TMT's values give, relabelled, or replaced by the carried one (kind, options, exact
 * text) while that still says what TMT says: a value edited in TMT comes back as TMT's string.
 */
function withCarriedProperties(fromTmt: readonly Property[], carried: readonly Property[], labels: Readonly<Record<string, string>>): readonly Property[] {
  const byKey = new Map(carried.map((property) => [property.key, property]))
  return fromTmt.map((property) => {
    const original = byKey.get(property.key)
    if (original !== undefined && property.kind === 'string' && threatPropertyText(original).trim() === property.value) return original
    const label = ownField(labels, property.key)
    return typeof label === 'string' ? { ...property, label } : property
  })
}
