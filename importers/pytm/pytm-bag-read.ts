import type { Extensions, JsonObject, JsonValue } from '../../model/json'

/** The `pytm` bag of an extensions object, or an empty one (items made in the app, or in other formats). */
export function pytmBagOf(extensions: Extensions): JsonObject {
  const bag = extensions.pytm
  return typeof bag === 'object' && bag !== null && !Array.isArray(bag) ? bag : {}
}

export function bagObject(bag: JsonObject, key: string): JsonObject {
  const value = bag[key]
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? value : {}
}

export function bagStrings(bag: JsonObject, key: string): string[] {
  const value = bag[key]
  return Array.isArray(value) ? value.filter((entry): entry is string => typeof entry === 'string') : []
}

export function bagList(bag: JsonObject, key: string): JsonValue[] | null {
  const value = bag[key]
  return Array.isArray(value) ? value : null
}
