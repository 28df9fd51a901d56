import type { JsonObject, JsonValue } from '../../model/json'
import type { Property } from '../../model/model'
import type { JsonPath } from './json-locator'
import { CONTROL_PREFIX, type PytmAttribute } from '../../vocabularies/pytm/pytm-classes'
import { enumMemberOf, enumSpellings } from '../../vocabularies/pytm/pytm-enums'
import type { RawPytmItem } from './pytm-names'
import { attributeProperty, type PytmScalar } from './pytm-properties'
import type { PytmReadContext } from './pytm-read-context'

/** An item's scalar attributes as properties, which of them the file set, and what pytm does not know. */
export interface ReadAttributes {
  readonly properties: Property[]
  readonly values: ReadonlyMap<string, PytmScalar>
  /** Keys the file set explicitly (pytm 1.3.1's write-once defaults only fill the others; pytm.md §2). */
  readonly present: ReadonlySet<string>
  /** Unknown keys, kept so a re-export loses nothing; pytm accepts them silently (`extra="allow"`). */
  readonly extra: JsonObject
  readonly extraControls: JsonObject
}

/**
 * Reads the attributes of a pytm class from an item. `structural` are the keys the caller maps onto the
 * model's structure (name, references, lists); `computed` are the dump's output-only keys (`findings`,
 * `inputs`, …), which are recomputed and so ignored.
 */
export function readAttributes(
  item: RawPytmItem,
  attributes: readonly PytmAttribute[],
  structural: ReadonlySet<string>,
  context: PytmReadContext
): ReadAttributes {
  const properties: Property[] = []
  const values = new Map<string, PytmScalar>()
  const present = new Set<string>()
  const controls = controlsObject(item, context)
  for (const attribute of attributes) {
    const isControl = attribute.key.startsWith(CONTROL_PREFIX)
    const source = isControl ? controls : item.object
    const key = isControl ? attribute.key.slice(CONTROL_PREFIX.length) : attribute.key
    const path: JsonPath = isControl ? [...item.path, 'controls', key] : [...item.path, key]
    let value: PytmScalar = attribute.type.default
    if (source !== null && Object.prototype.hasOwnProperty.call(source, key)) {
      const read = scalarValue(attribute, source[key], path, context)
      if (read !== null) {
        value = read
        present.add(attribute.key)
      }
    }
    values.set(attribute.key, value)
    properties.push(attributeProperty(attribute, value))
  }
  const known = new Set(attributes.map((attribute) => attribute.key))
  const extra = unknownKeys(item.object, (key) => known.has(key) || structural.has(key), item.path, context)
  const extraControls =
    controls === null
      ? {}
      : unknownKeys(controls, (key) => known.has(`${CONTROL_PREFIX}${key}`), [...item.path, 'controls'], context)
  return { properties, values, present, extra, extraControls }
}

function controlsObject(item: RawPytmItem, context: PytmReadContext): Readonly<Record<string, unknown>> | null {
  const controls = item.object.controls
  if (controls === undefined || controls === null) return null
  if (typeof controls !== 'object' || Array.isArray(controls)) {
    context.error('pytm.attribute.type', 'controls must be an object of control flags', [...item.path, 'controls'])
    return null
  }
  return controls as Readonly<Record<string, unknown>>
}

/** The value in pytm's type, or null after an error (the default is kept, so reading goes on). */
export function scalarValue(
  attribute: PytmAttribute,
  raw: unknown,
  path: JsonPath,
  context: PytmReadContext
): PytmScalar | null {
  const wrong = (expected: string): null => {
    context.error('pytm.attribute.type', `${attribute.key} must be ${expected}, got ${JSON.stringify(raw)}`, path)
    return null
  }
  const { type } = attribute
  switch (type.kind) {
    case 'boolean':
      return typeof raw === 'boolean' ? raw : wrong('true or false')
    case 'string':
      return typeof raw === 'string' ? raw : wrong('a string')
    case 'integer':
      if (typeof raw === 'number' && Number.isInteger(raw)) return raw
      // Pydantic's lax mode, which pytm uses, accepts a whole number written as a string.
      if (typeof raw === 'string' && /^-?\d+$/.test(raw.trim())) return Number.parseInt(raw, 10)
      return wrong('a whole number')
    case 'enum':
      return enumMemberOf(type.enum, raw)?.name ?? wrong(`one of ${type.enum.name} ${enumSpellings(type.enum)}`)
  }
}

function unknownKeys(
  object: Readonly<Record<string, unknown>>,
  isKnown: (key: string) => boolean,
  path: JsonPath,
  context: PytmReadContext
): JsonObject {
  const extra: Record<string, JsonValue> = {}
  for (const key of Object.keys(object)) {
    if (isKnown(key)) continue
    // defineProperty, not assignment: a key such as "__proto__" must stay data, not reach the prototype.
    Object.defineProperty(extra, key, { value: object[key] as JsonValue, enumerable: true, writable: true, configurable: true })
    context.warning(
      'pytm.unknown-attribute',
      `pytm has no attribute "${key}" here; pytm accepts it silently and ignores it, so check for a typo (kept for re-export)`,
      [...path, key]
    )
  }
  return extra
}
