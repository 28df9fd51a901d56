import { fieldPath, indexPath } from './json-path'
import type { Extensions, JsonValue } from './json'
import { isRecord } from './record'
import { INVALID, reportError, reportWarning, typeMismatch, type ParseContext, type Schema } from './schema'

/**
 * Keys that reach an object's prototype, or that naive merge code elsewhere would follow there.
 * Extension bags are copied key by key, so they are skipped rather than ever assigned.
 */
const PROTOTYPE_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype'])

/** Deeper than any real extension bag; stops a hostile file from exhausting the stack. */
const DEEPEST_NESTING = 200

export function jsonValue(): Schema<JsonValue> {
  return (value, path, context) => copyJson(value, path, context, 0)
}

/** An extension bag: any JSON values keyed by format id (json.ts). */
export function extensions(): Schema<Extensions> {
  return (value, path, context) => {
    if (!isRecord(value)) return typeMismatch(context, 'an object of JSON values', value, path)
    return copyJsonObject(value, path, context, 0)
  }
}

function copyJson(value: unknown, path: string, context: ParseContext, depth: number): JsonValue | typeof INVALID {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value
  if (typeof value === 'number') {
    return Number.isFinite(value) ? value : typeMismatch(context, 'a JSON value (a finite number)', value, path)
  }
  if (depth >= DEEPEST_NESTING) {
    return reportError(context, 'model.too-deep', `JSON nested deeper than ${DEEPEST_NESTING} levels`, path)
  }
  if (Array.isArray(value)) {
    let items: JsonValue[] | null = context.keepClean === true ? null : []
    let valid = true
    for (let index = 0; index < value.length; index++) {
      const entry: unknown = value[index]
      const copied = copyJson(entry, indexPath(path, index), context, depth + 1)
      if (copied === INVALID) valid = false
      else {
        if (items === null && copied !== entry) items = value.slice(0, index) as JsonValue[]
        items?.push(copied)
      }
    }
    if (!valid) return INVALID
    return items ?? (value as JsonValue[])
  }
  if (isRecord(value)) return copyJsonObject(value, path, context, depth)
  return typeMismatch(context, 'a JSON value', value, path)
}

function copyJsonObject(
  value: Readonly<Record<string, unknown>>,
  path: string,
  context: ParseContext,
  depth: number
): Record<string, JsonValue> | typeof INVALID {
  const keys = Object.keys(value)
  let result: Record<string, JsonValue> | null = context.keepClean === true ? null : {}
  let valid = true
  for (let index = 0; index < keys.length; index++) {
    const key = keys[index] as string
    const field = value[key]
    const at = fieldPath(path, key)
    if (PROTOTYPE_KEYS.has(key)) {
      reportWarning(context, 'model.unsafe-key', `key "${key}" dropped: it could reach an object prototype`, at)
      result ??= fieldsBefore(value, keys, index)
      continue
    }
    const copied = copyJson(field, at, context, depth + 1)
    if (copied === INVALID) valid = false
    else {
      if (result === null && copied !== field) result = fieldsBefore(value, keys, index)
      if (result !== null) result[key] = copied
    }
  }
  if (!valid) return INVALID
  return result ?? (value as Record<string, JsonValue>)
}

/** `value`'s first `count` keys (none of them unsafe: those come with a copy made) as they are. */
function fieldsBefore(value: Readonly<Record<string, unknown>>, keys: readonly string[], count: number): Record<string, JsonValue> {
  const fields: Record<string, JsonValue> = {}
  for (let index = 0; index < count; index++) {
    const key = keys[index] as string
    fields[key] = value[key] as JsonValue
  }
  return fields
}
