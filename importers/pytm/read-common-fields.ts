import type { BoundaryId, DataAssetId, ElementId, FlowId } from '../../model/ids'
import type { JsonObject, JsonValue } from '../../model/json'
import type { JsonPath } from './json-locator'
import type { PytmNameTable, RawPytmItem } from './pytm-names'
import type { PytmReadContext } from './pytm-read-context'

export interface PytmNames {
  readonly boundaries: PytmNameTable<BoundaryId>
  readonly data: PytmNameTable<DataAssetId>
  readonly elements: PytmNameTable<ElementId>
  readonly flows: PytmNameTable<FlowId>
}

/** An assumption as pytm states it: a name, the SIDs it excludes, a description (pytm.md §2, `Assumption`). */
export interface RawAssumption {
  readonly name: string
  readonly exclude: readonly string[]
  readonly description: string
  /** The item it is stated on, by name; null for the TM's own assumptions. */
  readonly itemName: string | null
}

/** Fields every pytm `Element` has beside its scalar attributes (pytm.md §2, `Element`). */
export interface CommonFields {
  readonly description: string
  readonly inScope: boolean
  readonly inBoundary: BoundaryId | null
  /** levels, sourceFiles and overrides, when the file has them (the extension bag's part). */
  readonly extension: JsonObject
  readonly assumptions: readonly RawAssumption[]
}

/** The keys `readCommonFields` consumes, plus the dump's output-only keys, which are recomputed. */
export const COMMON_KEYS: readonly string[] = [
  'name',
  'description',
  'inBoundary',
  'inScope',
  'levels',
  'sourceFiles',
  'overrides',
  'assumptions',
  'controls',
  'findings',
  'severity'
]

export function readCommonFields(item: RawPytmItem, names: PytmNames, context: PytmReadContext): CommonFields {
  const { object, path } = item
  const inBoundary =
    object.inBoundary === undefined || object.inBoundary === null ? null : names.boundaries.resolveKey(object, path, 'inBoundary', context)
  // Most items have none of these lists, so their paths are only made for the ones present.
  const isSet = (value: unknown): boolean => value !== undefined && value !== null
  const extension: Record<string, JsonValue> = {}
  const levels = isSet(object.levels) ? integerList(object.levels, [...path, 'levels'], context) : null
  if (levels !== null) extension.levels = levels
  const sourceFiles = isSet(object.sourceFiles)
    ? stringList(object.sourceFiles, [...path, 'sourceFiles'], 'sourceFiles', context)
    : null
  if (sourceFiles !== null) extension.sourceFiles = sourceFiles
  const overrides = isSet(object.overrides) ? overrideList(object.overrides, [...path, 'overrides'], context) : []
  if (overrides.length > 0) extension.overrides = overrides
  return {
    description: stringField(object, 'description', path, context),
    inScope: booleanField(object, 'inScope', true, path, context),
    inBoundary,
    extension,
    assumptions: isSet(object.assumptions)
      ? readAssumptionList(object.assumptions, [...path, 'assumptions'], item.name, context)
      : []
  }
}

export function stringField(
  object: Readonly<Record<string, unknown>>,
  key: string,
  path: JsonPath,
  context: PytmReadContext,
  fallback = ''
): string {
  const value = object[key]
  if (value === undefined || value === null) return fallback
  if (typeof value === 'string') return value
  context.error('pytm.attribute.type', `${key} must be a string`, [...path, key])
  return fallback
}

export function booleanField(
  object: Readonly<Record<string, unknown>>,
  key: string,
  fallback: boolean,
  path: JsonPath,
  context: PytmReadContext
): boolean {
  const value = object[key]
  if (value === undefined) return fallback
  if (typeof value === 'boolean') return value
  context.error('pytm.attribute.type', `${key} must be true or false`, [...path, key])
  return fallback
}

function integerList(value: unknown, path: JsonPath, context: PytmReadContext): number[] | null {
  if (value === undefined || value === null) return null
  if (Array.isArray(value) && value.every((entry) => typeof entry === 'number' && Number.isInteger(entry))) {
    return value as number[]
  }
  context.error('pytm.attribute.type', 'levels must be a list of whole numbers', path)
  return null
}

export function stringList(value: unknown, path: JsonPath, what: string, context: PytmReadContext): string[] | null {
  if (value === undefined || value === null) return null
  if (Array.isArray(value) && value.every((entry) => typeof entry === 'string')) return value as string[]
  context.error('pytm.attribute.type', `${what} must be a list of strings`, path)
  return null
}

/** Overrides are `Finding`s with at least a `threat_id` (pytm.md §6); kept whole for the engine and re-export. */
function overrideList(value: unknown, path: JsonPath, context: PytmReadContext): JsonObject[] {
  if (value === undefined || value === null) return []
  if (!Array.isArray(value)) {
    context.error('pytm.attribute.type', 'overrides must be a list of findings', path)
    return []
  }
  const overrides: JsonObject[] = []
  const seen = new Set<string>()
  value.forEach((entry: unknown, index) => {
    const at = [...path, index]
    const threatId = typeof entry === 'object' && entry !== null ? (entry as { threat_id?: unknown }).threat_id : undefined
    if (typeof threatId !== 'string' || threatId === '') {
      context.error('pytm.override.threat-id', 'an override must name the threat it overrides in "threat_id"', at)
      return
    }
    // pytm's check() rejects two overrides of one threat on one element (pytm.md §6).
    if (seen.has(threatId)) {
      context.error('pytm.override.duplicate', `a second override for threat ${threatId} on the same element`, at)
      return
    }
    seen.add(threatId)
    overrides.push(entry as JsonObject)
  })
  return overrides
}

/**
 * Assumptions as a list of names (TM level, and the dump, which drops `exclude`: pytm.md §3 rule 6) or of
 * `{name, exclude, description}` objects (the loader). `exclude` may also be the dump's Python set repr.
 */
export function readAssumptionList(
  value: unknown,
  path: JsonPath,
  itemName: string | null,
  context: PytmReadContext
): RawAssumption[] {
  if (value === undefined || value === null) return []
  if (!Array.isArray(value)) {
    context.error('pytm.attribute.type', 'assumptions must be a list', path)
    return []
  }
  const assumptions: RawAssumption[] = []
  value.forEach((entry: unknown, index) => {
    const at = [...path, index]
    if (typeof entry === 'string') {
      assumptions.push({ name: entry, exclude: [], description: '', itemName })
      return
    }
    if (typeof entry !== 'object' || entry === null || typeof (entry as { name?: unknown }).name !== 'string') {
      context.error('pytm.assumption', 'an assumption must be a name or an object with a "name"', at)
      return
    }
    const object = entry as Readonly<Record<string, unknown>>
    assumptions.push({
      name: object.name as string,
      exclude: excludedSids(object.exclude, [...at, 'exclude'], context),
      description: stringField(object, 'description', at, context),
      itemName
    })
  })
  return assumptions
}

/** `["INP16"]`, or the dump's Python set repr `"{'INP16'}"` (pytm.md §3 rule 7). */
export function excludedSids(value: unknown, path: JsonPath, context: PytmReadContext): string[] {
  if (value === undefined || value === null) return []
  if (Array.isArray(value) && value.every((entry) => typeof entry === 'string')) return [...new Set(value as string[])]
  if (typeof value === 'string') {
    const text = value.trim()
    if (text === 'set()') return []
    if (/^\{.*\}$/s.test(text)) return [...text.matchAll(/'([^']*)'|"([^"]*)"/g)].map((match) => match[1] ?? match[2] ?? '')
  }
  context.error('pytm.assumption', 'exclude must be a list of threat SIDs', path)
  return []
}
