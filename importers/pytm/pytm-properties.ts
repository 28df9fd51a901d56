import type { Property } from '../../model/model'
import type { PytmAttribute } from '../../vocabularies/pytm/pytm-classes'

/** What a pytm scalar attribute holds once read: booleans, strings, whole numbers, enum member names. */
export type PytmScalar = boolean | string | number

/**
 * A pytm attribute as a model property. The model has boolean, string and list properties: booleans and
 * strings map directly, whole numbers (ports, order) are decimal strings, and enums are lists of member
 * names in pytm's order, so the property grid offers exactly pytm's choices.
 */
export function attributeProperty(attribute: PytmAttribute, value: PytmScalar): Property {
  // Properties are immutable, so items share one frozen object per (attribute, value): a model of
  // thousands of elements with 60 attributes each would otherwise allocate hundreds of thousands of
  // equal objects. Frozen, they also validate once (model/property-schema.ts).
  let byValue = propertyCache.get(attribute)
  if (byValue === undefined) {
    byValue = new Map()
    propertyCache.set(attribute, byValue)
  }
  let property = byValue.get(value)
  if (property === undefined) {
    property = makeProperty(attribute, value)
    // Free text (descriptions, OS names) is mostly unique: caching it would only hold memory.
    if (typeof value !== 'string' || value.length <= CACHED_TEXT_LENGTH) byValue.set(value, property)
  }
  return property
}

/** Ports, protocols, enum members and flags repeat across items; longer texts rarely do. */
const CACHED_TEXT_LENGTH = 64

const propertyCache = new WeakMap<PytmAttribute, Map<PytmScalar, Property>>()

function makeProperty(attribute: PytmAttribute, value: PytmScalar): Property {
  const label = labelFor(attribute.key)
  const { key, type } = attribute
  switch (type.kind) {
    case 'boolean':
      return Object.freeze({ kind: 'boolean', key, label, value: value === true })
    case 'string':
      return Object.freeze({ kind: 'string', key, label, value: String(value) })
    case 'integer':
      return Object.freeze({ kind: 'string', key, label, value: String(value) })
    case 'enum': {
      const options = Object.freeze(type.enum.members.map((member) => member.name))
      const index = options.indexOf(String(value))
      return Object.freeze({ kind: 'list', key, label, options, selected: index === -1 ? null : index, editable: true })
    }
  }
}

/**
 * The attribute's value held by a property, or null when the property does not hold a value of the
 * attribute's type (edited into something pytm cannot hold, or a property of another format).
 */
export function propertyValue(attribute: PytmAttribute, property: Property): PytmScalar | null {
  const { type } = attribute
  switch (type.kind) {
    case 'boolean':
      return property.kind === 'boolean' ? property.value : null
    case 'string':
      return property.kind === 'string' ? property.value : null
    case 'integer':
      return property.kind === 'string' && /^\s*-?\d+\s*$/.test(property.value) ? Number.parseInt(property.value, 10) : null
    case 'enum': {
      if (property.kind !== 'list' || property.selected === null) return null
      const name = property.options[property.selected]
      return type.enum.members.some((member) => member.name === name) ? (name ?? null) : null
    }
  }
}

/** `controls.isEncrypted` → "Controls: is encrypted"; `minTLSVersion` → "Min TLS version". */
export function labelFor(key: string): string {
  const isControl = key.startsWith('controls.')
  const name = isControl ? key.slice('controls.'.length) : key
  const words = name
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(' ')
    .map((word, index) => (index > 0 && !/^[A-Z0-9]{2,}/.test(word) ? word.toLowerCase() : word))
  const phrase = words.join(' ')
  const capitalised = phrase.charAt(0).toUpperCase() + phrase.slice(1)
  return isControl ? `Controls: ${capitalised.charAt(0).toLowerCase()}${capitalised.slice(1)}` : capitalised
}
