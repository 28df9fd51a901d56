import type { Property } from '../../model/model'
import { attributeValue, childElement, childElements, isNil, textContent } from '../xml/xml-query'
import { XSI_URI, type XmlElement } from '../xml/xml-tree'
import { ARRAYS_NS, KNOWLEDGE_BASE_NS, OUT_OF_SCOPE_KEY, OUT_OF_SCOPE_REASON_KEY } from './tm7-namespaces'

/**
 * What one `Properties/a:anyType` item of a stencil, line or diagram stands for (tmt-format.md §7).
 * The reader and the writer classify items with this one function, so an item the reader turned into
 * `name` is the item the writer fills from the model's name.
 */
export type PropertyItemRole =
  | { readonly role: 'header' }
  | { readonly role: 'name'; readonly value: string }
  | { readonly role: 'outOfScope'; readonly value: boolean }
  | { readonly role: 'outOfScopeReason'; readonly value: string }
  | { readonly role: 'property'; readonly property: Property }
  | { readonly role: 'unknown'; readonly displayAttribute: string }

/** Which built-in items the model holds as fields of this entity instead of as properties. */
export interface PropertyFields {
  readonly name: boolean
  readonly outOfScope: boolean
}

export interface ClassifyState {
  nameSeen: boolean
  outOfScopeSeen: boolean
  reasonSeen: boolean
}

export const newClassifyState = (): ClassifyState => ({ nameSeen: false, outOfScopeSeen: false, reasonSeen: false })

const kb = (item: XmlElement, local: string): XmlElement | undefined => childElement(item, local, KNOWLEDGE_BASE_NS)

/** The local part of `i:type="b:ListDisplayAttribute"` (TMT always uses the KB namespace here). */
export function displayAttributeOf(item: XmlElement): string {
  const type = attributeValue(item, XSI_URI, 'type')?.trim() ?? ''
  return type.slice(type.indexOf(':') + 1)
}

export function classifyPropertyItem(item: XmlElement, fields: PropertyFields, state: ClassifyState): PropertyItemRole {
  const displayAttribute = displayAttributeOf(item)
  const label = textContent(kb(item, 'DisplayName')).trim()
  const key = textContent(kb(item, 'Name')).trim()
  const value = kb(item, 'Value')
  const text = isNil(value) ? '' : textContent(value).trim()
  switch (displayAttribute) {
    case 'HeaderDisplayAttribute':
      return { role: 'header' }
    case 'StringDisplayAttribute':
    case 'CustomStringDisplayAttribute':
      // The item name is the string item labelled "Name" with an empty key (tmt-format.md §7).
      if (fields.name && !state.nameSeen && key === '' && label === 'Name' && displayAttribute === 'StringDisplayAttribute') {
        state.nameSeen = true
        return { role: 'name', value: text }
      }
      if (fields.outOfScope && !state.reasonSeen && key === OUT_OF_SCOPE_REASON_KEY) {
        state.reasonSeen = true
        return { role: 'outOfScopeReason', value: text }
      }
      return { role: 'property', property: { kind: 'string', key, label, value: text } }
    case 'BooleanDisplayAttribute': {
      const flag = text.toLowerCase() === 'true'
      if (fields.outOfScope && !state.outOfScopeSeen && key === OUT_OF_SCOPE_KEY) {
        state.outOfScopeSeen = true
        return { role: 'outOfScope', value: flag }
      }
      return { role: 'property', property: { kind: 'boolean', key, label, value: flag } }
    }
    case 'ListDisplayAttribute':
    case 'StaticListDisplayAttribute': {
      const options = value ? childElements(value, 'string', ARRAYS_NS).map((option) => textContent(option).trim()) : []
      return {
        role: 'property',
        property: {
          kind: 'list',
          key,
          label,
          options,
          selected: selectedIndex(kb(item, 'SelectedIndex'), options.length),
          editable: displayAttribute === 'ListDisplayAttribute'
        }
      }
    }
    default:
      return { role: 'unknown', displayAttribute }
  }
}

/** `Value[SelectedIndex]` is the selection; an index outside the options means none (tmt-format.md §7). */
export function selectedIndex(element: XmlElement | undefined, optionCount: number): number | null {
  if (element === undefined || isNil(element)) return null
  const raw = textContent(element).trim()
  if (!/^\d+$/.test(raw)) return null
  const index = Number(raw)
  return index < optionCount ? index : null
}
