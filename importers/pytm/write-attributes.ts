import type { JsonValue } from '../../model/json'
import type { Property } from '../../model/model'
import { CONTROL_PREFIX, type PytmAttribute } from '../../vocabularies/pytm/pytm-classes'
import { enumMemberOf } from '../../vocabularies/pytm/pytm-enums'
import { propertyValue, type PytmScalar } from './pytm-properties'

/** What writing an item's properties found that pytm cannot hold. */
export interface WrittenAttributes {
  readonly fields: Record<string, JsonValue>
  readonly controls: Record<string, JsonValue>
  /** Keys of properties that are not attributes of the pytm class (another format's properties). */
  readonly foreign: readonly string[]
  /** Keys whose property holds a value the attribute's type cannot take. */
  readonly invalid: readonly string[]
}

/**
 * An item's properties as loader JSON: values that differ from pytm's default, and those the source set
 * explicitly (`keep`: a flow's inheritable attributes, which pytm 1.3.1 then does not overwrite).
 * Enums on elements and flows are written as their value, the only spelling pytm's loader accepts
 * there (pytm.md §4); `enumAsName` switches to member names for the data section.
 */
export function writeAttributes(
  properties: readonly Property[],
  attributes: readonly PytmAttribute[],
  keep: ReadonlySet<string>,
  enumAsName = false
): WrittenAttributes {
  const fields: Record<string, JsonValue> = {}
  const controls: Record<string, JsonValue> = {}
  const invalid: string[] = []
  const byKey = new Map(properties.map((property) => [property.key, property]))
  for (const attribute of attributes) {
    const property = byKey.get(attribute.key)
    if (property === undefined) continue
    const value = propertyValue(attribute, property)
    if (value === null) {
      invalid.push(attribute.key)
      continue
    }
    if (value === attribute.type.default && !keep.has(attribute.key)) continue
    const written = loaderValue(attribute, value, enumAsName)
    if (attribute.key.startsWith(CONTROL_PREFIX)) controls[attribute.key.slice(CONTROL_PREFIX.length)] = written
    else fields[attribute.key] = written
  }
  const known = new Set(attributes.map((attribute) => attribute.key))
  const foreign = properties.map((property) => property.key).filter((key) => !known.has(key))
  return { fields, controls, foreign, invalid }
}

function loaderValue(attribute: PytmAttribute, value: PytmScalar, enumAsName: boolean): JsonValue {
  if (attribute.type.kind !== 'enum' || enumAsName) return value
  return enumMemberOf(attribute.type.enum, value)?.value ?? value
}
