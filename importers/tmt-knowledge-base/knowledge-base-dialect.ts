import type { XmlElement } from '../xml/xml-tree'
import { childElement, isNil, textContent } from '../xml/xml-query'
import type { MemberName } from './xml-members'

/** The template identity fields, as written (tmt-format.md §9.2). */
export interface ManifestFields {
  readonly id: string
  readonly name: string
  readonly version: string
  readonly author: string
}

/**
 * The two spellings of one logical KnowledgeBase (tmt-format.md §9): a .tb7 is XmlSerializer output
 * (no namespaces, `ID`/`ParentElement`/`Image`, identity in `<Manifest>` attributes); the copy inside
 * a .tm7 is DataContract output (namespaced, `Id`/`ParentId`/`ImageSource`, identity in child
 * elements). Everything else is the same walk, so the reader takes one of these tables.
 */
export interface KnowledgeBaseDialect {
  /** The extension-bag key for members the model has no field for (`tb7`, `tm7`). */
  readonly formatId: string
  /** Namespace of the KnowledgeBase's own members (containers, element and threat types). */
  readonly memberUri: string
  /** Namespace of ThreatMetaData's children and of every ThreatMetaDatum (§9.4 pitfall: the Model namespace in a .tm7). */
  readonly metaDataUri: string
  readonly elementTypeId: string
  readonly elementTypeParent: string
  readonly elementTypeImage: string
  /** An entry of ThreatMetaDatum `Values`. */
  readonly metaDatumValue: MemberName
  /** An entry of Attribute `AttributeValues`. */
  readonly attributeValue: MemberName
  /** The element holding the identity; null when the KnowledgeBase has no Manifest. */
  readonly readManifest: (knowledgeBase: XmlElement) => ManifestFields | null
  /** The Manifest member, so the reader does not report it as unknown. */
  readonly manifestMember: MemberName
}

const NO_NAMESPACE = ''
const KNOWLEDGE_BASE_URI = 'http://schemas.datacontract.org/2004/07/ThreatModeling.KnowledgeBase'
const MODEL_URI = 'http://schemas.datacontract.org/2004/07/ThreatModeling.Model'
const ARRAYS_URI = 'http://schemas.microsoft.com/2003/10/Serialization/Arrays'
const INTERFACES_URI = 'http://schemas.datacontract.org/2004/07/ThreatModeling.Interfaces'

/** `<Manifest name="…" id="…" version="…" author="…" />` (XmlSerializer attributes, §9.2). */
function readAttributeManifest(knowledgeBase: XmlElement): ManifestFields | null {
  const manifest = childElement(knowledgeBase, 'Manifest', NO_NAMESPACE)
  if (manifest === undefined) return null
  const attribute = (name: string): string =>
    manifest.attributes.find((candidate) => candidate.uri === '' && candidate.local === name)?.value.trim() ?? ''
  return { id: attribute('id'), name: attribute('name'), version: attribute('version'), author: attribute('author') }
}

/** `<a:Manifest><a:Author/><a:Id/><a:Name/><a:Version/></a:Manifest>` (DataContract members, §9.2). */
function readElementManifest(knowledgeBase: XmlElement): ManifestFields | null {
  const manifest = childElement(knowledgeBase, 'Manifest', KNOWLEDGE_BASE_URI)
  if (manifest === undefined) return null
  const member = (name: string): string => {
    const element = childElement(manifest, name, KNOWLEDGE_BASE_URI)
    return element === undefined || isNil(element) ? '' : textContent(element).trim()
  }
  return { id: member('Id'), name: member('Name'), version: member('Version'), author: member('Author') }
}

export const xmlSerializerDialect: KnowledgeBaseDialect = {
  formatId: 'tb7',
  memberUri: NO_NAMESPACE,
  metaDataUri: NO_NAMESPACE,
  elementTypeId: 'ID',
  elementTypeParent: 'ParentElement',
  elementTypeImage: 'Image',
  metaDatumValue: { uri: NO_NAMESPACE, local: 'Value' },
  attributeValue: { uri: NO_NAMESPACE, local: 'Value' },
  readManifest: readAttributeManifest,
  manifestMember: { uri: NO_NAMESPACE, local: 'Manifest' }
}

export const dataContractDialect: KnowledgeBaseDialect = {
  formatId: 'tm7',
  memberUri: KNOWLEDGE_BASE_URI,
  metaDataUri: MODEL_URI,
  elementTypeId: 'Id',
  elementTypeParent: 'ParentId',
  elementTypeImage: 'ImageSource',
  metaDatumValue: { uri: ARRAYS_URI, local: 'string' },
  attributeValue: { uri: INTERFACES_URI, local: 'Value' },
  readManifest: readElementManifest,
  manifestMember: { uri: KNOWLEDGE_BASE_URI, local: 'Manifest' }
}
