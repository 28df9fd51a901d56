import type { Extensions, JsonObject, JsonValue } from '../../model/json'

/**
 * Reading the `pytm` extension bags the pytm reader writes (importers/pytm/pytm-extensions.ts documents
 * their layout). Items made in the app or read from other formats have none: every reader here then
 * gives the empty answer, and pytm's defaults apply.
 */
export function pytmBag(extensions: Extensions): JsonObject {
  return asObject(extensions.pytm)
}

export function asObject(value: JsonValue | undefined): JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? value : {}
}

export function bagStrings(bag: JsonObject, key: string): string[] {
  const value = bag[key]
  return Array.isArray(value) ? value.filter((entry): entry is string => typeof entry === 'string') : []
}

export function bagObjects(bag: JsonObject, key: string): JsonObject[] {
  const value = bag[key]
  return Array.isArray(value)
    ? value.filter((entry): entry is JsonObject => typeof entry === 'object' && entry !== null && !Array.isArray(entry))
    : []
}
