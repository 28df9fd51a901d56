import type { Diagnostic } from '../../model/diagnostics'
import type { JsonObject } from '../../model/json'
import type { Template } from '../../model/template'
import type { XmlElement } from '../xml/xml-tree'
import type { KnowledgeBaseDialect } from './knowledge-base-dialect'
import { extensionsWith, membersOf, warn, type KnowledgeBaseReading } from './knowledge-base-reading'
import { readElementTypes } from './read-element-types'
import { readThreatCategories, readThreatProperties, readThreatTypes } from './read-threat-types'

export interface KnowledgeBaseResult {
  readonly template: Template
  readonly diagnostics: Diagnostic[]
}

/**
 * A TMT KnowledgeBase element → Template, in either spelling (`dialect`, tmt-format.md §9). Never
 * throws; what is missing or odd becomes a warning with the XML path, and members the Template has no
 * field for go to the extension bag under the dialect's format id.
 */
export function readKnowledgeBase(
  knowledgeBase: XmlElement,
  dialect: KnowledgeBaseDialect,
  fileName: string,
  basePath = knowledgeBase.local
): KnowledgeBaseResult {
  const reading: KnowledgeBaseReading = { dialect, fileName, diagnostics: [] }
  const manifest = dialect.readManifest(knowledgeBase)
  if (manifest === null) {
    warn(reading, 'template.manifest.missing', 'the template has no Manifest, so it has no id, name or version', basePath)
  }
  const members = membersOf(reading, knowledgeBase, basePath, dialect.memberUri)
  members.element(dialect.manifestMember.local, dialect.manifestMember.uri)
  for (const container of ['GenericElements', 'StandardElements', 'ThreatCategories', 'ThreatTypes']) members.element(container)

  const metaData = members.element('ThreatMetaData')
  const metaDataMembers = metaData === undefined ? null : membersOf(reading, metaData, `${basePath}/ThreatMetaData`, dialect.metaDataUri)
  const propertiesHolder = metaDataMembers?.element('PropertiesMetaData')
  const template: Template = {
    ref: { id: manifest?.id ?? '', name: manifest?.name ?? '', version: manifest?.version ?? '' },
    author: manifest?.author ?? '',
    elementTypes: readElementTypes(reading, knowledgeBase, basePath),
    threatCategories: readThreatCategories(reading, knowledgeBase, basePath),
    threatTypes: readThreatTypes(reading, knowledgeBase, basePath),
    threatProperties:
      propertiesHolder === undefined ? [] : readThreatProperties(reading, propertiesHolder, `${basePath}/ThreatMetaData/PropertiesMetaData`),
    isPriorityUsed: metaDataMembers?.flag('IsPriorityUsed') ?? false,
    isStatusUsed: metaDataMembers?.flag('IsStatusUsed') ?? false,
    extensions: extensionsWith(reading, withNested(members.unread(), 'ThreatMetaData', metaDataMembers?.unread() ?? {}))
  }
  return { template, diagnostics: reading.diagnostics }
}

/** Unknown members of a known container (ThreatMetaData) are kept under the container's name. */
function withNested(rest: JsonObject, container: string, nested: JsonObject): JsonObject {
  return Object.keys(nested).length === 0 ? rest : { ...rest, [container]: nested }
}
