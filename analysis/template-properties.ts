import type { Property } from '../model/model'
import type { AttributeDefinition, Template } from '../model/template'

/**
 * The properties an item of `typeId` gets from a template: the type's own attributes, then those of
 * each ancestor up to the root, as TMT lists them (tmt-format.md §9.3). A key defined twice keeps the
 * nearest definition. Lists start at their first option (TMT's 'Not Selected' where the template has it).
 */
export function typeProperties(template: Template, typeId: string): Property[] {
  const types = new Map(template.elementTypes.map((type) => [type.id, type]))
  const properties: Property[] = []
  const seenKeys = new Set<string>()
  const seenTypes = new Set<string>()
  for (let type = types.get(typeId); type !== undefined && !seenTypes.has(type.id); type = types.get(type.parentId)) {
    seenTypes.add(type.id)
    for (const attribute of type.attributes) {
      if (seenKeys.has(attribute.key)) continue
      seenKeys.add(attribute.key)
      properties.push(propertyFrom(attribute))
    }
  }
  return properties
}

function propertyFrom(attribute: AttributeDefinition): Property {
  const { key, label, values } = attribute
  if (values.length === 0) return { kind: 'string', key, label, value: '' }
  return { kind: 'list', key, label, options: values, selected: 0, editable: attribute.mode === 'dynamic' }
}
