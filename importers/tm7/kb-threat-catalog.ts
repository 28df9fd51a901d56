import type { TemplateRef } from '../../model/model'
import { childElement, elementChildren, isNil, textContent } from '../xml/xml-query'
import type { XmlElement } from '../xml/xml-tree'
import { ARRAYS_NS, KNOWLEDGE_BASE_NS, MODEL_NS } from './tm7-namespaces'

/** What the threat reader needs from the embedded knowledge base (tmt-format.md §9.2, §9.4, §9.5). */
export interface ThreatCatalog {
  readonly template: TemplateRef | null
  /** Category id → name (`S` → `Spoofing`; GUID ids in custom templates). */
  readonly categoryNames: ReadonlyMap<string, string>
  readonly threatTypes: ReadonlyMap<string, ThreatTypeEntry>
  /** Threat property key (`Title`, a GUID) → label from ThreatMetaData. */
  readonly propertyLabels: ReadonlyMap<string, string>
}

export interface ThreatTypeEntry {
  readonly id: string
  readonly shortTitle: string
  readonly description: string
  readonly categoryId: string
  /** The type's default Priority (its PropertiesMetaData), or null. */
  readonly defaultPriority: string | null
}

const kbText = (parent: XmlElement, local: string): string => textContent(childElement(parent, local, KNOWLEDGE_BASE_NS)).trim()

export function readThreatCatalog(knowledgeBase: XmlElement | undefined): ThreatCatalog {
  const manifest = knowledgeBase && childElement(knowledgeBase, 'Manifest', KNOWLEDGE_BASE_NS)
  const template = manifest
    ? { id: kbText(manifest, 'Id'), name: kbText(manifest, 'Name'), version: kbText(manifest, 'Version') }
    : null

  const categoryNames = new Map<string, string>()
  const categories = knowledgeBase && childElement(knowledgeBase, 'ThreatCategories', KNOWLEDGE_BASE_NS)
  for (const category of categories ? elementChildren(categories) : []) {
    categoryNames.set(kbText(category, 'Id'), kbText(category, 'Name'))
  }

  const threatTypes = new Map<string, ThreatTypeEntry>()
  const types = knowledgeBase && childElement(knowledgeBase, 'ThreatTypes', KNOWLEDGE_BASE_NS)
  for (const type of types ? elementChildren(types) : []) {
    const id = kbText(type, 'Id')
    if (threatTypes.has(id)) continue
    const defaults = metaData(childElement(type, 'PropertiesMetaData', KNOWLEDGE_BASE_NS))
    threatTypes.set(id, {
      id,
      // KB texts carry the template's indentation (tmt-format.md §12), so they are trimmed.
      shortTitle: kbText(type, 'ShortTitle'),
      description: kbText(type, 'Description'),
      categoryId: kbText(type, 'Category'),
      defaultPriority: defaults.find((datum) => datum.name === 'Priority')?.firstValue ?? null
    })
  }

  const threatMetaData = knowledgeBase && childElement(knowledgeBase, 'ThreatMetaData', KNOWLEDGE_BASE_NS)
  const properties = threatMetaData && childElement(threatMetaData, 'PropertiesMetaData', MODEL_NS)
  const propertyLabels = new Map(metaData(properties).map((datum) => [datum.name, datum.label] as const))
  return { template, categoryNames, threatTypes, propertyLabels }
}

/** ThreatMetaDatum children are in the Model namespace, not the KB one (tmt-format.md §9.4). */
function metaData(container: XmlElement | undefined): { name: string; label: string; firstValue: string | null }[] {
  return (container ? elementChildren(container) : []).map((datum) => {
    const values = childElement(datum, 'Values', MODEL_NS)
    const first = values && childElement(values, 'string', ARRAYS_NS)
    return {
      name: textContent(childElement(datum, 'Name', MODEL_NS)).trim(),
      label: textContent(childElement(datum, 'Label', MODEL_NS)).trim(),
      firstValue: first === undefined || isNil(first) ? null : textContent(first).trim() || null
    }
  })
}
