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
    const items: JsonValue[] = []
    let valid = true
    for (let index = 0; index < value.length; index++) {
      const copied = copyJson(value[index], indexPath(path, index), context, depth + 1)
      if (copied === INVALID) valid = false
      else items.push(copied)
    }
    return valid ? items : INVALID
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
  const result: Record<string, JsonValue> = {}
  let valid = true
  for (const key of Object.keys(value)) {
    const at = fieldPath(path, key)
    if (PROTOTYPE_KEYS.has(key)) {
      reportWarning(context, 'model.unsafe-key', `key "${key}" dropped: it could reach an object prototype`, at)
      continue
    }
    const copied = copyJson(value[key], at, context, depth + 1)
    if (copied === INVALID) valid = false
    else result[key] = copied
  }
  return valid ? result : INVALID
}
