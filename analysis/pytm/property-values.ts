import type { Property } from '../../model/model'
import { enumMemberName } from '../../vocabularies/pytm/pytm-enums'
import type { PytmDefault } from './pytm-attributes'
import { enumMember, type PythonValue } from './python-values'

/** A pytm default as a condition value. */
export function defaultValue(value: PytmDefault): PythonValue {
  return typeof value === 'object' ? enumMember(value.enumName, value.member) : value
}

/**
 * A model property as the value pytm would hold: booleans as they are, whole-number attributes parsed
 * (the reader stores ports as decimal text), enum attributes as members of their enum (list properties
 * of member names). `expected` is the attribute's default, which gives its type; null for attributes
 * pytm does not define, whose property is passed through (pytm keeps unknown attributes, `extra="allow"`).
 */
export function propertyAsPython(property: Property, expected: PytmDefault | null): PythonValue {
  switch (property.kind) {
    case 'boolean':
      return property.value
    case 'string':
      if (typeof expected === 'number' && /^\s*-?\d+\s*$/.test(property.value)) return Number.parseInt(property.value, 10)
      return property.value
    case 'list': {
      const option = property.selected === null ? null : (property.options[property.selected] ?? null)
      if (option === null) return expected === null ? null : defaultValue(expected)
      if (typeof expected === 'object' && expected !== null) {
        const member = enumMemberName(expected.enumName, option)
        if (member !== null) return enumMember(expected.enumName, member)
      }
      return option
    }
  }
}

/** Whether a property still holds pytm's default (so an inherited value may replace it). */
export function holdsDefault(property: Property | undefined, expected: PytmDefault): boolean {
  if (property === undefined) return true
  const value = propertyAsPython(property, expected)
  if (typeof expected === 'object') {
    return typeof value === 'object' && value !== null && !Array.isArray(value) && 'member' in value && value.member === expected.member
  }
  return value === expected
}
