import { asId, type DiagramId } from '../../model/ids'
import type { Diagram, DiagramElement, Flow, TrustBoundary } from '../../model/model'
import { childElement, elementChildren, textContent } from '../xml/xml-query'
import { xmlToJson } from '../xml/xml-json'
import { bagText } from './bag'
import type { XmlElement } from '../xml/xml-tree'
import { readBorder, readDictionaryEntry, readLine, type DictionaryEntry } from './read-stencils'
import { readPropertyList } from './read-properties'
import { report, type ReadContext } from './read-context'
import { ABSTRACTS_NS, MODEL_NS } from './tm7-namespaces'

/**
 * One `DrawingSurfaceModel` (a diagram tab, tmt-format.md §4). Its bag keeps the element with every
 * Borders/Lines entry replaced by a slot `{ slot: id }`: the entries are written from the model's
 * elements, flows and boundaries, in the file's order, with any whitespace between them kept.
 */
export function readDiagram(context: ReadContext, surface: XmlElement, path: string): Diagram {
  const id = textContent(childElement(surface, 'Guid', ABSTRACTS_NS)).trim()
  const list = readPropertyList(context, childElement(surface, 'Properties', ABSTRACTS_NS), { name: true, outOfScope: false }, `${path}/Properties`)
  const header = childElement(surface, 'Header', MODEL_NS)
  const name = header !== undefined ? textContent(header).trim() : (list.name ?? '')

  // Each entry's id, for its slot in the diagram's bag; an entry dropped as malformed has none.
  const idOfEntry = new Map<XmlElement, string>()
  const entries = (local: string): DictionaryEntry[] => {
    const container = childElement(surface, local, MODEL_NS)
    const found: DictionaryEntry[] = []
    elementChildren(container ?? surface).forEach((entry, index) => {
      if (container === undefined) return
      const entryPath = `${path}/${local}/${entry.name}[${index + 1}]`
      const read = readDictionaryEntry(entry, entryPath)
      if (read === null) report(context, 'tm7.malformed-entry', 'warning', `an entry of ${local} has no a:Value; it is dropped`, entryPath)
      else {
        found.push(read)
        idOfEntry.set(entry, read.id)
      }
    })
    return found
  }

  const elements: DiagramElement[] = []
  const boundaries: TrustBoundary[] = []
  for (const item of entries('Borders')) {
    const read = readBorder(context, item)
    if ('kind' in read) elements.push(read)
    else boundaries.push(read)
  }
  const ends = new Set<string>(elements.map((element) => element.id))
  const flows: Flow[] = []
  for (const item of entries('Lines')) {
    const read = readLine(context, item, ends)
    if ('source' in read) flows.push(read)
    else boundaries.push(read)
  }

  const slotted = (child: XmlElement): ReturnType<typeof xmlToJson> | undefined => {
    if (child.uri !== MODEL_NS || (child.local !== 'Borders' && child.local !== 'Lines')) return undefined
    return xmlToJson(child, (entry) => ({ slot: idOfEntry.get(entry) ?? '' }))
  }
  return {
    id: asId<DiagramId>(id),
    name,
    elements,
    flows,
    boundaries,
    properties: list.properties,
    extensions: { tm7: { xml: bagText(surface, slotted) } }
  }
}
