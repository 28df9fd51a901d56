import { diagnostic, type Diagnostic } from '../../model/diagnostics'
import { newId, type ModelId } from '../../model/ids'
import type { Diagram, ThreatModel } from '../../model/model'
import { validateModel } from '../../model/validate'
import type { ReadInput, ReadResult } from '../format'
import { decodeUtf8 } from '../text/decode-text'
import { parseXml } from '../xml/parse-xml'
import { childElement, elementChildren } from '../xml/xml-query'
import { xmlToJson } from '../xml/xml-json'
import type { XmlElement } from '../xml/xml-tree'
import { checkThreats } from './check-threats'
import { readThreatCatalog } from './kb-threat-catalog'
import { readTypeHierarchy } from './kb-type-hierarchy'
import { readDiagram } from './read-diagram'
import { readMetaInformation, readNotes, reportValidations } from './read-document-parts'
import type { ReadContext } from './read-context'
import { readThreatDefinitions, readThreats } from './read-threats'
import { MODEL_NS, SERIALIZATION_NS } from './tm7-namespaces'
import { takeThreatwrightNote, withCarriedDefinitions, withDataUse } from './threatwright-note'
import { isZipArchive } from './tm7-sniff'

/**
 * Reads a Microsoft Threat Modeling Tool model (.tm7, tmt-format.md). Pure and never throws.
 * Everything the model does not hold is kept in `extensions.tm7` bags (see CONTEXT.md), so
 * writeTm7 gives back an equivalent file, also after a trip through the native format.
 */
export function readTm7(input: ReadInput): ReadResult {
  const file = input.fileName
  const fail = (code: string, message: string, extra: readonly Diagnostic[] = []): ReadResult => ({
    model: null,
    diagnostics: [...extra, diagnostic(code, 'error', message, { file })]
  })
  if (isZipArchive(input.bytes)) return fail('tm7.not-xml', 'this is a zip archive, not a TMT model (public repositories hold zips renamed to .tm7)')
  const decoded = decodeUtf8(input.bytes)
  if (decoded.kind === 'refused') return fail('tm7.encoding', `the file ${decoded.reason}`)
  const parsed = parseXml(decoded.text, file)
  if (!('root' in parsed)) return { model: null, diagnostics: parsed.diagnostics }
  const root = parsed.root
  if (root.local !== 'ThreatModel' || root.uri !== MODEL_NS) {
    return fail('tm7.not-a-model', `the root element is <${root.name}>, not a TMT <ThreatModel>`)
  }
  // The text test is a cheap necessary condition (an attribute named Ref); the tree walk resolves the
  // namespace, and runs only on the rare file that passes it.
  if (/Ref\s*=/.test(decoded.text) && hasObjectReference(root)) {
    // TMT never writes z:Ref (0 in the corpus, tmt-format.md §2); resolving shared objects would need a
    // second object graph, so such a file is refused rather than read wrongly.
    return fail('tm7.z-ref', 'the file shares objects through z:Ref references, which TMT does not write and this reader does not support')
  }

  const knowledgeBase = childElement(root, 'KnowledgeBase', MODEL_NS)
  const context: ReadContext = {
    fileName: file,
    hierarchy: readTypeHierarchy(knowledgeBase),
    catalog: readThreatCatalog(knowledgeBase),
    diagnostics: []
  }
  if (knowledgeBase === undefined) {
    context.diagnostics.push(
      diagnostic('tm7.no-knowledge-base', 'warning', 'the model embeds no template (KnowledgeBase); stencils are classified by shape only', {
        file,
        path: '/ThreatModel'
      })
    )
  }

  const surfaceList = childElement(root, 'DrawingSurfaceList', MODEL_NS)
  const diagrams: Diagram[] = (surfaceList ? elementChildren(surfaceList) : []).map((surface, index) =>
    readDiagram(context, surface, `/ThreatModel/DrawingSurfaceList/${surface.name}[${index + 1}]`)
  )
  const { metadata, assumptions } = readMetaInformation(childElement(root, 'MetaInformation', MODEL_NS))
  const notes = readNotes(childElement(root, 'Notes', MODEL_NS))
  const { notes: modelNotes, carried, noteId } = takeThreatwrightNote(context, notes.notes)
  // The Threatwright note is written afresh from the model, so its slot in the skeleton is emptied.
  for (const [note, id] of notes.idOf) if (id === noteId) notes.idOf.set(note, '')
  const { threats, idOf: threatIds } = readThreats(context, childElement(root, 'ThreatInstances', MODEL_NS))
  checkThreats(context, diagrams, threats)
  reportValidations(context, childElement(root, 'Validations', MODEL_NS))

  const model: ThreatModel = {
    // TMT models carry no model id; the model's identity is Threatwright's own.
    id: newId<ModelId>(),
    metadata,
    template: context.catalog.template,
    diagrams: carried === null ? diagrams : withDataUse(diagrams, carried),
    dataAssets: carried?.dataAssets ?? [],
    threatDefinitions: withCarriedDefinitions(readThreatDefinitions(context, threats), carried),
    threats,
    assumptions,
    notes: modelNotes,
    // TMT keeps only the last change of a threat (ModifiedAt on the threat); a history is Threatwright's.
    triageHistory: carried?.triageHistory ?? [],
    extensions: { tm7: { xml: JSON.stringify(documentSkeleton(root, diagrams, notes.idOf, threatIds)) } }
  }
  const validation = validateModel(model, { keepClean: true })
  const diagnostics = [...context.diagnostics, ...validation.diagnostics.map((entry) => ({ ...entry, location: { ...entry.location, file } }))]
  return { model: validation.model, diagnostics }
}

/**
 * The document with its diagrams, notes and threats replaced by slots `{ slot: id }`: what stays is
 * the root start tag, MetaInformation (filled from the model on write), ThreatGenerationEnabled,
 * Validations, Version, the whole embedded KnowledgeBase and Profile, and any whitespace between.
 */
function documentSkeleton(root: XmlElement, diagrams: readonly Diagram[], noteIds: ReadonlyMap<XmlElement, string>, threatIds: ReadonlyMap<XmlElement, string>) {
  const diagramIds = new Map<XmlElement, string>()
  const surfaceList = childElement(root, 'DrawingSurfaceList', MODEL_NS)
  elementChildren(surfaceList ?? root).forEach((surface, index) => {
    if (surfaceList !== undefined) diagramIds.set(surface, diagrams[index]?.id ?? '')
  })
  return xmlToJson(root, (child) => {
    if (child.uri !== MODEL_NS) return undefined
    switch (child.local) {
      case 'DrawingSurfaceList':
        return xmlToJson(child, (surface) => ({ slot: diagramIds.get(surface) ?? '' }))
      case 'Notes':
        return xmlToJson(child, (note) => ({ slot: noteIds.get(note) ?? '' }))
      case 'ThreatInstances':
        return xmlToJson(child, (entry) => ({ slot: threatIds.get(entry) ?? '' }))
      default:
        return undefined
    }
  })
}

function hasObjectReference(root: XmlElement): boolean {
  const stack: XmlElement[] = [root]
  for (let element = stack.pop(); element !== undefined; element = stack.pop()) {
    if (element.attributes.some((attribute) => attribute.uri === SERIALIZATION_NS && attribute.local === 'Ref')) return true
    for (const child of element.children) if (child.kind === 'element') stack.push(child)
  }
  return false
}
