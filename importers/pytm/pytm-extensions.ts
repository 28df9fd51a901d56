import type { JsonObject, JsonValue } from '../../model/json'

/**
 * The `pytm` extension bags the reader writes and the writer and the threat engine read back. Only
 * non-empty parts are written, so models stay small and a re-import gives identical bags.
 *
 * - model: `{ shape, tm: { isOrdered, mergeResponses, ignoreUnused, onDuplicates, threatsFile, threatsExcluded }, extra? }`
 * - element / boundary / flow: `{ levels?, sourceFiles?, overrides?, extra?, extraControls?, setInSource? (flows) }`
 * - data asset: `{ <Data fields but classification>, setInSource?, extra? }`
 * - assumption: `{ exclude: SID[], appliesTo: item id | null }`
 * - threat: `{ condition, findingId?, excludedBy? }`
 */
export function pytmBag(parts: Readonly<Record<string, JsonValue | undefined>>): { readonly pytm: JsonObject } {
  // Called for every item of a model: a key loop, not Object.entries, which builds an array per key.
  const bag: Record<string, JsonValue> = {}
  for (const key in parts) {
    if (!Object.prototype.hasOwnProperty.call(parts, key)) continue
    const value = parts[key]
    if (value === undefined || isEmpty(value)) continue
    bag[key] = value
  }
  return { pytm: bag }
}

function isEmpty(value: JsonValue): boolean {
  if (Array.isArray(value)) return value.length === 0
  if (typeof value !== 'object' || value === null) return false
  for (const key in value) if (Object.prototype.hasOwnProperty.call(value, key)) return false
  return true
}
