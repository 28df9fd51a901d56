import type { ThreatCategoryDefinition, ThreatPropertyDefinition, ThreatTypeDefinition } from '../../model/template'
import type { XmlElement } from '../xml/xml-tree'
import { extensionsWith, membersOf, warn, type KnowledgeBaseReading } from './knowledge-base-reading'
import { isNil, textContent } from '../xml/xml-query'
import { childrenNamed } from './xml-members'

export function readThreatCategories(
  reading: KnowledgeBaseReading,
  knowledgeBase: XmlElement,
  basePath: string
): ThreatCategoryDefinition[] {
  const { memberUri } = reading.dialect
  return recordsIn(knowledgeBase, 'ThreatCategories', 'ThreatCategory', memberUri).map((element, index) => {
    const members = membersOf(reading, element, `${basePath}/ThreatCategories/ThreatCategory[${index + 1}]`, memberUri)
    return {
      id: members.text('Id'),
      name: members.text('Name'),
      shortDescription: members.text('ShortDescription'),
      longDescription: members.text('LongDescription'),
      extensions: extensionsWith(reading, members.unread())
    }
  })
}

export function readThreatTypes(reading: KnowledgeBaseReading, knowledgeBase: XmlElement, basePath: string): ThreatTypeDefinition[] {
  const { memberUri } = reading.dialect
  return recordsIn(knowledgeBase, 'ThreatTypes', 'ThreatType', memberUri).map((element, index) => {
    const path = `${basePath}/ThreatTypes/ThreatType[${index + 1}]`
    const members = membersOf(reading, element, path, memberUri)
    const filters = members.element('GenerationFilters')
    const filterMembers = filters === undefined ? null : membersOf(reading, filters, `${path}/GenerationFilters`, memberUri)
    const id = members.text('Id')
    if (id === '') warn(reading, 'template.threat-type.no-id', 'this threat type has no id; its threats cannot be matched', path)
    // The rule text is kept verbatim but trimmed: re-indented files put newlines around it (§12).
    const include = filterMembers?.text('Include') ?? ''
    const exclude = filterMembers?.text('Exclude') ?? ''
    const filterRest = filterMembers?.unread() ?? {}
    const propertiesElement = members.element('PropertiesMetaData')
    const properties = propertiesElement === undefined ? [] : readThreatProperties(reading, propertiesElement, `${path}/PropertiesMetaData`)
    const categoryId = members.text('Category')
    const shortTitle = members.text('ShortTitle')
    const description = members.text('Description')
    const rest = members.unread()
    return {
      id,
      categoryId,
      shortTitle,
      description,
      include,
      exclude,
      propertyDefaults: properties.flatMap(defaultOf),
      extensions: extensionsWith(reading, Object.keys(filterRest).length === 0 ? rest : { ...rest, GenerationFilters: filterRest })
    }
  })
}

/**
 * A threat type's own ThreatMetaDatum list holds exactly one value per property: the default its threats
 * get, or nil for "no default" (true for all 6,839 per-type entries of the corpus .tb7 files). The rest of
 * each entry repeats the template's ThreatMetaData.
 */
function defaultOf(property: ThreatPropertyDefinition): { key: string; value: string }[] {
  const [value] = property.values
  return value === undefined ? [] : [{ key: property.key, value }]
}

/**
 * ThreatMetaDatum entries: the template's threat property schema, and each threat type's defaults.
 * They sit in the dialect's metadata namespace, which in a .tm7 is the Model namespace, not the
 * KnowledgeBase one of their parent (tmt-format.md §9.4).
 */
export function readThreatProperties(reading: KnowledgeBaseReading, holder: XmlElement, path: string): ThreatPropertyDefinition[] {
  const { metaDataUri, metaDatumValue } = reading.dialect
  return childrenNamed(holder, { uri: metaDataUri, local: 'ThreatMetaDatum' }).map((element, index) => {
    const datumPath = `${path}/ThreatMetaDatum[${index + 1}]`
    const members = membersOf(reading, element, datumPath, metaDataUri)
    const valuesElement = members.element('Values')
    // Nil entries are "no value"; an empty `<Value />` is the empty string and is kept (§2).
    const values =
      valuesElement === undefined || isNil(valuesElement)
        ? []
        : childrenNamed(valuesElement, metaDatumValue)
            .filter((value) => !isNil(value))
            .map((value) => textContent(value).trim())
    const attributeTypeText = members.text('AttributeType')
    const attributeType = /^\d+$/.test(attributeTypeText) ? Number(attributeTypeText) : 0
    if (attributeTypeText !== '' && !/^\d+$/.test(attributeTypeText)) {
      warn(reading, 'template.value.invalid', `expected a number, found "${attributeTypeText}"; read as 0 (free text)`, `${datumPath}/AttributeType`)
    }
    return {
      id: members.text('Id'),
      key: members.text('Name'),
      label: members.text('Label'),
      hideFromUi: members.flag('HideFromUI'),
      values,
      attributeType,
      extensions: extensionsWith(reading, members.unread())
    }
  })
}

function recordsIn(knowledgeBase: XmlElement, container: string, record: string, uri: string): XmlElement[] {
  return childrenNamed(knowledgeBase, { uri, local: container }).flatMap((holder) => childrenNamed(holder, { uri, local: record }))
}
