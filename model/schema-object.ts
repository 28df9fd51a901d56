import { describeValue } from './describe-value'
import { appendSegment, fieldPath, fieldSegment } from './json-path'
import { isRecord, ownField } from './record'
import { INVALID, reportError, reportWarning, typeMismatch, type Schema } from './schema'

/**
 * One schema per field of `T`, no more and no fewer: writing `object<DiagramElement>({...})` makes
 * TypeScript check the schema against the interface, so adding a field to model.ts without
 * validating it does not compile.
 */
export type Shape<T> = { readonly [Key in keyof T]-?: Schema<T[Key]> }

/**
 * A record with exactly the fields of `shape`: a new object built from the shape's keys only, so unknown
 * input keys (including `__proto__`) are dropped with a warning and never copied; with `keepClean`, the
 * input itself when it has no other key and every field checked out unchanged.
 */
export function object<T extends object>(shape: Shape<T>): Schema<T> {
  const keys = Object.keys(shape) as (keyof T & string)[]
  const known = new Set<string>(keys)
  const segments = keys.map(fieldSegment)
  return (value, path, context) => {
    if (!isRecord(value)) return typeMismatch(context, 'an object', value, path)
    let result: Record<string, unknown> | null = context.keepClean === true ? null : {}
    let valid = true
    for (let index = 0; index < keys.length; index++) {
      const key = keys[index] as keyof T & string
      const field = ownField(value, key)
      const schema = shape[key]
      if (field !== undefined && schema.accepts?.(field) === true) {
        if (result !== null) result[key] = field
        continue
      }
      const at = appendSegment(path, segments[index] as string)
      if (field === undefined) {
        reportError(context, 'model.missing', `missing required field "${key}"`, at)
        valid = false
        continue
      }
      const parsed = schema(field, at, context)
      if (parsed === INVALID) valid = false
      else {
        if (result === null && parsed !== field) result = knownFields(value, keys, index)
        if (result !== null) result[key] = parsed
      }
    }
    for (const key in value) {
      if (!Object.prototype.hasOwnProperty.call(value, key) || known.has(key)) continue
      reportWarning(context, 'model.unknown-field', `unknown field "${key}" dropped`, fieldPath(path, key))
      result ??= knownFields(value, keys, keys.length)
    }
    if (!valid) return INVALID
    return (result ?? value) as T
  }
}

/** The first `count` of `keys` from `value` as they are: the fields checked so far and found unchanged. */
function knownFields(value: Readonly<Record<string, unknown>>, keys: readonly string[], count: number): Record<string, unknown> {
  const fields: Record<string, unknown> = {}
  for (let index = 0; index < count; index++) {
    const key = keys[index] as string
    const field = ownField(value, key)
    if (field !== undefined) fields[key] = field
  }
  return fields
}

type Variants<T extends { readonly kind: string }> = {
  readonly [Kind in T['kind']]: Schema<Extract<T, { readonly kind: Kind }>>
}

/** A union told apart by its `kind` field, the one discriminant the model uses. */
export function unionByKind<T extends { readonly kind: string }>(variants: Variants<T>): Schema<T> {
  const kinds = Object.keys(variants)
  const listed = kinds.map((kind) => JSON.stringify(kind)).join(', ')
  return (value, path, context) => {
    if (!isRecord(value)) return typeMismatch(context, 'an object', value, path)
    const kind = ownField(value, 'kind')
    const at = fieldPath(path, 'kind')
    if (kind === undefined) return reportError(context, 'model.missing', 'missing required field "kind"', at)
    if (typeof kind !== 'string' || !kinds.includes(kind)) {
      return reportError(context, 'model.enum', `expected one of ${listed}, got ${describeValue(kind)}`, at)
    }
    const variant = variants[kind as T['kind']] as Schema<T>
    return variant(value, path, context)
  }
}
