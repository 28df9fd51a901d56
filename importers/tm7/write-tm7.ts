import type { Diagnostic } from '../../model/diagnostics'
import type { ThreatModel } from '../../model/model'
import type { WriteResult } from '../format'
import { childElement } from '../xml/xml-query'
import { EMPTY_SCOPE, xmlFromJson, type NamespaceScope } from '../xml/xml-json'
import { serializeXml } from '../xml/serialize-xml'
import { XSI_URI, type XmlElement, type XmlNode } from '../xml/xml-tree'
import { bagXml } from './bag'
import { readThreatCatalog } from './kb-threat-catalog'
import { readTypeHierarchy } from './kb-type-hierarchy'
import { minimalKnowledgeBase } from './minimal-knowledge-base'
import { ARRAYS_NS, KNOWLEDGE_BASE_NS, MODEL_NS, SERIALIZATION_NS } from './tm7-namespaces'
import { lossWarnings } from './tm7-losses'
import { writeDiagram } from './write-diagram'
import { patchManifest, writeMetaInformation, writeNotes } from './write-document-parts'
import { threatwrightNote } from './threatwright-note'
import { writeThreats } from './write-threats'
import { appendChildren, element, updateChild, withChildren } from './xml-build'

const encoder = new TextEncoder()

/** Where a slot stood in the skeleton: a placeholder element, replaced once the model's entities are written. */
const SLOT_NAME = '#slot'

/**
 * The model as a .tm7 file (tmt-format.md). A model read from a .tm7 is written back from its
 * document skeleton (model.extensions.tm7) with every diagram, stencil, line, threat and note
 * regenerated from the model and their own bags (CONTEXT.md): unedited, the output equals the input.
 * A model made elsewhere is written the way TMT writes a new model, with a minimal KnowledgeBase.
 */
export function writeTm7(model: ThreatModel): WriteResult {
  const diagnostics: Diagnostic[] = lossWarnings(model)
  const json = bagXml(model.extensions.tm7)
  const scopes = new Map<XmlElement, NamespaceScope>()
  const skeleton =
    json === null
      ? null
      : xmlFromJson(json, {
          slot: (marker, scope) => {
            const slot: XmlElement = { kind: 'element', name: SLOT_NAME, uri: '', local: SLOT_NAME, attributes: [{ name: 'id', uri: '', local: 'id', value: String(marker.slot) }], children: [] }
            scopes.set(slot, scope)
            return [slot]
          }
        })
  const root = skeleton !== null && skeleton.local === 'ThreatModel' ? skeleton : newDocument()
  const rootScope = new Map([...EMPTY_SCOPE, ['', MODEL_NS], ['i', XSI_URI]])
  const knowledgeBase = childElement(root, 'KnowledgeBase', MODEL_NS)
  const hierarchy = readTypeHierarchy(knowledgeBase)
  // What the reader will take from the KB (threat property labels, threat types), so the writer knows what to carry.
  const catalog = readThreatCatalog(knowledgeBase)

  const containerScope = (container: XmlElement, fallback: NamespaceScope): NamespaceScope => {
    const slot = container.children.find((child): child is XmlElement => child.kind === 'element' && child.name === SLOT_NAME)
    return (slot && scopes.get(slot)) ?? fallback
  }
  const fill = (container: XmlElement, nodes: ReadonlyMap<string, XmlElement>): XmlElement => {
    const used = new Set<string>()
    const children: XmlNode[] = []
    for (const child of container.children) {
      if (child.kind !== 'element' || child.name !== SLOT_NAME) {
        children.push(child)
        continue
      }
      const id = child.attributes[0]?.value ?? ''
      const node = nodes.get(id)
      if (node !== undefined && !used.has(id)) children.push(node)
      used.add(id)
    }
    return appendChildren(withChildren(container, children), [...nodes].filter(([id]) => !used.has(id)).map(([, node]) => node))
  }

  let document = updateChild(root, 'DrawingSurfaceList', MODEL_NS, (list) => {
    const scope = containerScope(list, rootScope)
    return fill(list, new Map(model.diagrams.map((diagram) => [diagram.id, writeDiagram(diagram, { hierarchy, diagnostics }, scope)])))
  })
  document = updateChild(document, 'MetaInformation', MODEL_NS, (meta) => writeMetaInformation(meta, model, rootScope))
  const carried = threatwrightNote(model, new Set(catalog.threatTypes.keys()))
  const notesToWrite = carried === null ? model.notes : [...model.notes, carried]
  document = updateChild(document, 'Notes', MODEL_NS, (notes) => fill(notes, writeNotes(notesToWrite, containerScope(notes, rootScope))))
  document = updateChild(document, 'ThreatInstances', MODEL_NS, (instances) => {
    const written = writeThreats(model, containerScope(instances, new Map([...rootScope, ['a', ARRAYS_NS]])), catalog.propertyLabels)
    diagnostics.push(...written.diagnostics)
    return fill(instances, written.nodes)
  })
  document = updateChild(document, 'KnowledgeBase', MODEL_NS, (kb) => patchManifest(kb, model))
  const text = serializeXml(renumberObjectIds(document))
  return { bytes: encoder.encode(text), diagnostics }
}

/** The containers of a new file, in TMT's order (tmt-format.md §3); no XML declaration. */
function newDocument(): XmlElement {
  const scope = new Map([...EMPTY_SCOPE, ['', MODEL_NS], ['i', XSI_URI]])
  const empty = (name: string, attributes: readonly (readonly [string, string])[] = []): XmlElement => element(name, scope, attributes)
  return element('ThreatModel', EMPTY_SCOPE, [['xmlns', MODEL_NS], ['xmlns:i', XSI_URI]], [
    empty('DrawingSurfaceList'),
    empty('MetaInformation'),
    empty('Notes'),
    empty('ThreatInstances', [['xmlns:a', ARRAYS_NS]]),
    element('ThreatGenerationEnabled', scope, [], ['true']),
    empty('Validations', [['xmlns:a', KNOWLEDGE_BASE_NS]]),
    element('Version', scope, [], ['4.3']),
    minimalKnowledgeBase(scope),
    element('Profile', scope, [], [element('PromptedKb', scope, [['xmlns', '']])])
  ])
}

/**
 * `z:Id` values numbered i1, i2… in document order, as DataContractSerializer writes them (contiguous
 * in 21/21 corpus files, tmt-format.md §2), so added or deleted entities leave no gaps or duplicates.
 */
function renumberObjectIds(root: XmlElement): XmlElement {
  let next = 1
  const visit = (node: XmlElement): XmlElement => {
    const hasId = node.attributes.some((entry) => entry.uri === SERIALIZATION_NS && entry.local === 'Id')
    const attributes = hasId
      ? node.attributes.map((entry) => (entry.uri === SERIALIZATION_NS && entry.local === 'Id' ? { ...entry, value: `i${next++}` } : entry))
      : node.attributes
    const children = node.children.map((child) => (child.kind === 'element' ? visit(child) : child))
    return { ...node, attributes, children }
  }
  return visit(root)
}
