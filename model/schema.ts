import { describeValue } from './describe-value'
import { diagnostic, type Diagnostic } from './diagnostics'
import { indexPath } from './json-path'

/**
 * A tiny schema toolkit (zod's `parse`, without the package: model/ may import nothing).
 * A schema checks an unknown value and returns a clean copy of it (with `keepClean`, the parts that are
 * already exactly what the schema would build are returned as they are), or `INVALID` after reporting why.
 * Every schema keeps going after a problem so one pass reports all of them.
 */
export const INVALID: unique symbol = Symbol('invalid')
export type Invalid = typeof INVALID

export interface ParseContext {
  readonly diagnostics: Diagnostic[]
  /**
   * Return a record, array or JSON value itself, not a copy, when it has no unknown or unsafe key and
   * every part of it checked out unchanged: for values this process built out of plain data (a reader's
   * output), where a copy only costs time and memory. A part that needs anything dropped is still copied.
   */
  readonly keepClean?: boolean
}

export type Schema<T> = ((value: unknown, path: string, context: ParseContext) => T | Invalid) & {
  /**
   * Leaf schemas (strings, numbers, ids, enums): true when the value is valid and would be returned as it
   * is. Records check each field with it first and only build the field's path for a value it refuses,
   * since paths are needed for diagnostics alone and a model has hundreds of thousands of fields.
   */
  readonly accepts?: (value: unknown) => boolean
}

/** A leaf schema: `accepts` decides, and `problem` reports a refused value. */
function leaf<T>(accepts: (value: unknown) => boolean, problem: (value: unknown, path: string, context: ParseContext) => Invalid): Schema<T> {
  const schema = (value: unknown, path: string, context: ParseContext): T | Invalid =>
    accepts(value) ? (value as T) : problem(value, path, context)
  return Object.assign(schema, { accepts })
}

export function reportError(context: ParseContext, code: string, message: string, path: string): Invalid {
  context.diagnostics.push(diagnostic(code, 'error', message, { path }))
  return INVALID
}

export function reportWarning(context: ParseContext, code: string, message: string, path: string): void {
  context.diagnostics.push(diagnostic(code, 'warning', message, { path }))
}

export function typeMismatch(context: ParseContext, expected: string, value: unknown, path: string): Invalid {
  return reportError(context, 'model.type', `expected ${expected}, got ${describeValue(value)}`, path)
}

export function string(): Schema<string> {
  return leaf((value) => typeof value === 'string', (value, path, context) => typeMismatch(context, 'a string', value, path))
}

export function boolean(): Schema<boolean> {
  return leaf((value) => typeof value === 'boolean', (value, path, context) => typeMismatch(context, 'a boolean', value, path))
}

/** NaN and Infinity are rejected: they do not survive JSON and break every geometry test. */
export function finiteNumber(): Schema<number> {
  return leaf(
    (value) => typeof value === 'number' && Number.isFinite(value),
    (value, path, context) => typeMismatch(context, 'a finite number', value, path)
  )
}

export function literal<Value extends string>(expected: Value): Schema<Value> {
  return leaf((value) => value === expected, (value, path, context) => typeMismatch(context, JSON.stringify(expected), value, path))
}

export function enumOf<Value extends string>(members: readonly Value[]): Schema<Value> {
  const allowed = new Set<string>(members)
  const listed = members.map((member) => JSON.stringify(member)).join(', ')
  return leaf(
    (value) => typeof value === 'string' && allowed.has(value),
    (value, path, context) => reportError(context, 'model.enum', `expected one of ${listed}, got ${describeValue(value)}`, path)
  )
}

/**
 * A branded id. Empty ids are refused: they cannot be told apart in references or in the UI.
 * The cast is the schema's job, like `asId` in ids.ts: the string has just been checked.
 */
export function id<Id extends string>(): Schema<Id> {
  return leaf(
    (value) => typeof value === 'string' && value !== '',
    (value, path, context) =>
      typeof value !== 'string'
        ? typeMismatch(context, 'an id string', value, path)
        : reportError(context, 'model.empty-id', 'expected a non-empty id', path)
  )
}

export function nullable<T>(schema: Schema<T>): Schema<T | null> {
  const nullOr = (value: unknown, path: string, context: ParseContext): T | null | Invalid =>
    value === null ? null : schema(value, path, context)
  const { accepts } = schema
  return accepts === undefined ? nullOr : Object.assign(nullOr, { accepts: (value: unknown) => value === null || accepts(value) })
}

export function array<T>(item: Schema<T>): Schema<readonly T[]> {
  return (value, path, context) => {
    if (!Array.isArray(value)) return typeMismatch(context, 'an array', value, path)
    let result: T[] | null = context.keepClean === true ? null : []
    let valid = true
    const { accepts } = item
    for (let index = 0; index < value.length; index++) {
      const entry: unknown = value[index]
      if (accepts?.(entry) === true) {
        result?.push(entry as T)
        continue
      }
      const parsed = item(entry, indexPath(path, index), context)
      if (parsed === INVALID) valid = false
      else {
        if (result === null && parsed !== entry) result = value.slice(0, index) as T[]
        result?.push(parsed)
      }
    }
    if (!valid) return INVALID
    return result ?? (value as readonly T[])
  }
}

/**
 * Adds a check the type cannot express (a width that must not be negative). `problem` returns the
 * message, or null when the value is fine; the problem is reported at `path + at`.
 */
export function refine<T>(
  schema: Schema<T>,
  problem: (value: T) => { readonly message: string; readonly at?: (path: string) => string } | null,
  code = 'model.range'
): Schema<T> {
  return (value, path, context) => {
    const parsed = schema(value, path, context)
    if (parsed === INVALID) return INVALID
    const found = problem(parsed)
    if (found === null) return parsed
    return reportError(context, code, found.message, found.at ? found.at(path) : path)
  }
}
