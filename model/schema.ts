import { describeValue } from './describe-value'
import { diagnostic, type Diagnostic } from './diagnostics'
import { indexPath } from './json-path'

/**
 * A tiny schema toolkit (zod's `parse`, without the package: model/ may import nothing).
 * A schema checks an unknown value and returns a clean copy of it, or `INVALID` after reporting why.
 * Every schema keeps going after a problem so one pass reports all of them.
 * With `keepClean`, a part that is already exactly what the schema would build is returned as it is.
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

export type Schema<T> = (value: unknown, path: string, context: ParseContext) => T | Invalid

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
  return (value, path, context) => (typeof value === 'string' ? value : typeMismatch(context, 'a string', value, path))
}

export function boolean(): Schema<boolean> {
  return (value, path, context) =>
    typeof value === 'boolean' ? value : typeMismatch(context, 'a boolean', value, path)
}

/** NaN and Infinity are rejected: they do not survive JSON and break every geometry test. */
export function finiteNumber(): Schema<number> {
  return (value, path, context) =>
    typeof value === 'number' && Number.isFinite(value) ? value : typeMismatch(context, 'a finite number', value, path)
}

export function literal<Value extends string>(expected: Value): Schema<Value> {
  return (value, path, context) =>
    value === expected ? expected : typeMismatch(context, JSON.stringify(expected), value, path)
}

export function enumOf<Value extends string>(members: readonly Value[]): Schema<Value> {
  const allowed = new Set<string>(members)
  const listed = members.map((member) => JSON.stringify(member)).join(', ')
  return (value, path, context) => {
    if (typeof value === 'string' && allowed.has(value)) return value as Value
    return reportError(context, 'model.enum', `expected one of ${listed}, got ${describeValue(value)}`, path)
  }
}

/**
 * A branded id. Empty ids are refused: they cannot be told apart in references or in the UI.
 * The cast is the schema's job, like `asId` in ids.ts: the string has just been checked.
 */
export function id<Id extends string>(): Schema<Id> {
  return (value, path, context) => {
    if (typeof value !== 'string') return typeMismatch(context, 'an id string', value, path)
    if (value === '') return reportError(context, 'model.empty-id', 'expected a non-empty id', path)
    return value as Id
  }
}

export function nullable<T>(schema: Schema<T>): Schema<T | null> {
  return (value, path, context) => (value === null ? null : schema(value, path, context))
}

export function array<T>(item: Schema<T>): Schema<readonly T[]> {
  return (value, path, context) => {
    if (!Array.isArray(value)) return typeMismatch(context, 'an array', value, path)
    let result: T[] | null = context.keepClean === true ? null : []
    let valid = true
    for (let index = 0; index < value.length; index++) {
      const entry: unknown = value[index]
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
