import type { BooleanProperty, ListProperty, Property, StringProperty } from './model'
import { fieldPath, indexPath } from './json-path'
import { array, boolean, finiteNumber, INVALID, type Invalid, literal, nullable, refine, string, typeMismatch, type Schema } from './schema'
import { object, unionByKind } from './schema-object'

const listPropertySchema = refine(
  object<ListProperty>({
    kind: literal('list'),
    key: string(),
    label: string(),
    options: array(string()),
    selected: nullable(finiteNumber()),
    editable: boolean()
  }),
  (property) => {
    const { selected, options } = property
    if (selected === null) return null
    if (Number.isInteger(selected) && selected >= 0 && selected < options.length) return null
    return {
      message: `selected must be null or a whole index below ${options.length} (the number of options), got ${selected}`,
      at: (path) => fieldPath(path, 'selected')
    }
  }
)

const anyPropertySchema = unionByKind<Property>({
  string: object<StringProperty>({ kind: literal('string'), key: string(), label: string(), value: string() }),
  boolean: object<BooleanProperty>({ kind: literal('boolean'), key: string(), label: string(), value: boolean() }),
  list: listPropertySchema
})

/**
 * Clean copies of frozen properties that validated without a diagnostic. Readers share one frozen
 * property per (key, value) across items (pytm gives every element ~60 typed attributes); a frozen
 * object of data fields can never change, so it validates to the same copy every time and is checked
 * once instead of once per item. Anything else is validated as usual.
 */
const cleanCopies = new WeakMap<object, Property>()

export const propertySchema: Schema<Property> = (value, path, context) => {
  if (typeof value === 'object' && value !== null) {
    const clean = cleanCopies.get(value)
    if (clean !== undefined) return clean
  }
  const before = context.diagnostics.length
  const parsed = anyPropertySchema(value, path, context)
  if (parsed === INVALID || context.diagnostics.length !== before || !isFrozenData(value)) return parsed
  // Shared from now on by every model that has this property, so frozen as well.
  if (parsed.kind === 'list') Object.freeze(parsed.options)
  const clean = Object.freeze(parsed)
  cleanCopies.set(value, clean)
  return clean
}

/**
 * A list of properties, as `array(propertySchema)` but a property with a clean copy is taken without
 * building its diagnostic path, and a frozen list of such properties is checked once: items have dozens
 * of properties each, readers share lists between items with equal values, and the paths were most of
 * the cost of validating a large pytm model.
 */
export const propertyListSchema: Schema<readonly Property[]> = (value, path, context) => {
  if (!Array.isArray(value)) return typeMismatch(context, 'an array', value, path)
  const keepClean = context.keepClean === true
  const known = cleanLists.get(value)
  // A list that checked out clean is frozen data equal to its clean copy, so with keepClean it is kept.
  if (known !== undefined) return keepClean ? (value as readonly Property[]) : known
  const before = context.diagnostics.length
  let result: Property[] | null = keepClean ? null : []
  let valid = true
  let allClean = true
  for (let index = 0; index < value.length; index++) {
    const item: unknown = value[index]
    const clean = typeof item === 'object' && item !== null ? cleanCopies.get(item) : undefined
    let parsed: Property | Invalid
    if (clean !== undefined) parsed = keepClean ? (item as Property) : clean
    else {
      parsed = propertySchema(item, indexPath(path, index), context)
      allClean = allClean && typeof item === 'object' && item !== null && cleanCopies.has(item)
    }
    if (parsed === INVALID) {
      valid = false
      continue
    }
    if (result === null && parsed !== item) result = value.slice(0, index) as Property[]
    result?.push(parsed)
  }
  if (!valid) return INVALID
  const checked = result ?? (value as readonly Property[])
  if (allClean && context.diagnostics.length === before && Object.isFrozen(value)) {
    // Kept from the second sighting on: a list seen once is not worth checking field by field.
    if (!seenLists.has(value)) seenLists.add(value)
    else if (hasFrozenDataFields(value)) {
      const clean = Object.isFrozen(checked) ? checked : Object.freeze(checked as Property[])
      cleanLists.set(value, clean)
      return clean
    }
  }
  return checked
}

/** Clean copies of frozen lists of frozen properties, as `cleanCopies` for single properties. */
const cleanLists = new WeakMap<object, readonly Property[]>()
const seenLists = new WeakSet<object>()

/** Frozen, with data fields only (no getters) and a frozen option list, so it cannot read differently later. */
function isFrozenData(value: unknown): value is object {
  if (!hasFrozenDataFields(value)) return false
  const options: unknown = Object.getOwnPropertyDescriptor(value, 'options')?.value
  return options === undefined || hasFrozenDataFields(options)
}

function hasFrozenDataFields(value: unknown): value is object {
  if (typeof value !== 'object' || value === null || !Object.isFrozen(value)) return false
  return Object.values(Object.getOwnPropertyDescriptors(value)).every((field) => 'value' in field)
}
