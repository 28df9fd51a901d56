import type { Property } from '../../model/model'
import { elementChildren } from '../xml/xml-query'
import type { XmlElement } from '../xml/xml-tree'
import { classifyPropertyItem, newClassifyState, type PropertyFields } from './property-items'
import { report, type ReadContext } from './read-context'

export interface PropertyList {
  readonly name: string | null
  readonly outOfScope: boolean | null
  readonly outOfScopeReason: string | null
  /** Every other typed item, in the grid's order. Headers are not data; they stay in the entity's bag. */
  readonly properties: Property[]
}

/** A `Properties` list of display attributes (tmt-format.md §7) → the model's fields and properties. */
export function readPropertyList(
  context: ReadContext,
  properties: XmlElement | undefined,
  fields: PropertyFields,
  path: string
): PropertyList {
  const result: { -readonly [Key in keyof PropertyList]: PropertyList[Key] } = {
    name: null,
    outOfScope: null,
    outOfScopeReason: null,
    properties: []
  }
  const state = newClassifyState()
  elementChildren(properties ?? { kind: 'element', name: '', uri: '', local: '', attributes: [], children: [] }).forEach(
    (item, index) => {
      const classified = classifyPropertyItem(item, fields, state)
      switch (classified.role) {
        case 'name':
          result.name = classified.value
          break
        case 'outOfScope':
          result.outOfScope = classified.value
          break
        case 'outOfScopeReason':
          result.outOfScopeReason = classified.value
          break
        case 'property':
          result.properties.push(classified.property)
          break
        case 'unknown':
          report(
            context,
            'tm7.unknown-property',
            'info',
            `a property of kind "${classified.displayAttribute}" is not understood; it is kept as it is and written back unchanged`,
            `${path}/a:anyType[${index + 1}]`
          )
          break
        case 'header':
          break
      }
    }
  )
  return result
}
