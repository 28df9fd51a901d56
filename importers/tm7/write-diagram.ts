import type { Diagram, DiagramElement, Flow, TrustBoundary } from '../../model/model'
import { textContent } from '../xml/xml-query'
import { xmlFromJson, type NamespaceScope } from '../xml/xml-json'
import type { XmlElement, XmlNode } from '../xml/xml-tree'
import { bagXml } from './bag'
import { ABSTRACTS_NS, ARRAYS_NS, MODEL_NS, SERIALIZATION_NS } from './tm7-namespaces'
import { writeProperties, type PropertyValues } from './write-properties'
import { writeBoxBoundaryEntry, writeElementEntry, writeFlowEntry, writeLineBoundaryEntry, type StencilContext } from './write-stencils'
import { abstractsMember, appendChildren, element, keepOrSet, updateChild } from './xml-build'

type Container = 'Borders' | 'Lines'

/** Each drawn thing and the dictionary it is written to: boxes and stencils in Borders, lines in Lines. */
function entriesOf(diagram: Diagram): Map<string, { container: Container; write: (context: StencilContext, scope: NamespaceScope) => XmlElement }> {
  const entries = new Map<string, { container: Container; write: (context: StencilContext, scope: NamespaceScope) => XmlElement }>()
  const element = (item: DiagramElement) => (context: StencilContext, scope: NamespaceScope) => writeElementEntry(context, item, scope)
  const flow = (item: Flow) => (context: StencilContext, scope: NamespaceScope) => writeFlowEntry(context, item, scope)
  const boundary = (item: TrustBoundary) => (context: StencilContext, scope: NamespaceScope) =>
    item.shape.kind === 'box' ? writeBoxBoundaryEntry(context, item, item.shape.rect, scope) : writeLineBoundaryEntry(context, item, item.shape.points, scope)
  for (const item of diagram.elements) entries.set(item.id, { container: 'Borders', write: element(item) })
  for (const item of diagram.boundaries) entries.set(item.id, { container: item.shape.kind === 'box' ? 'Borders' : 'Lines', write: boundary(item) })
  for (const item of diagram.flows) entries.set(item.id, { container: 'Lines', write: flow(item) })
  return entries
}

/**
 * A DrawingSurfaceModel. From its bag: the skeleton with each slot filled by the entity of that id (in
 * the file's order), entities added in the app appended, deleted ones left out, and the name and
 * properties patched. Without a bag: written as TMT writes a new diagram (tmt-format.md §4).
 */
export function writeDiagram(diagram: Diagram, context: Omit<StencilContext, 'elementIds'>, scope: NamespaceScope): XmlElement {
  const stencils: StencilContext = { ...context, elementIds: new Set(diagram.elements.map((item) => item.id)) }
  const entries = entriesOf(diagram)
  const written = new Set<string>()
  const fill = (id: string, container: string, inner: NamespaceScope): XmlNode[] => {
    const entry = entries.get(id)
    if (entry === undefined || written.has(id) || !container.endsWith(entry.container)) return []
    written.add(id)
    return [entry.write(stencils, inner)]
  }
  const rest = (container: Container, inner: NamespaceScope): XmlElement[] =>
    [...entries].filter(([id, entry]) => entry.container === container && !written.has(id)).map(([id]) => fill(id, container, inner)[0]).filter((node): node is XmlElement => node !== undefined)

  const values: PropertyValues = { name: diagram.name, properties: diagram.properties, header: 'Diagram' }
  const json = bagXml(diagram.extensions.tm7)
  const skeleton =
    json === null
      ? null
      : xmlFromJson(json, {
          scope,
          slot: (marker, inner, parent) => (typeof marker.slot === 'string' ? fill(marker.slot, parent, inner) : [])
        })
  if (skeleton !== null) {
    let patched = updateChild(skeleton, 'Guid', ABSTRACTS_NS, (child) => keepOrSet(child, textContent(child).trim(), diagram.id))
    patched = updateChild(patched, 'Properties', ABSTRACTS_NS, (child) => writeProperties(child, values, scope, true))
    patched = updateChild(patched, 'Header', MODEL_NS, (child) => keepOrSet(child, textContent(child).trim(), diagram.name))
    for (const container of ['Borders', 'Lines'] as const) {
      patched = updateChild(patched, container, MODEL_NS, (child) => appendChildren(child, rest(container, containerScope(scope))))
    }
    return patched
  }
  return newDiagram(diagram, values, scope, rest)
}

/** TMT declares `a:` (Arrays) on Borders and Lines and `z:` on the DrawingSurfaceModel (tmt-format.md §2, §5). */
function containerScope(scope: NamespaceScope): NamespaceScope {
  return new Map([...scope, ['', MODEL_NS], ['a', ARRAYS_NS], ['z', SERIALIZATION_NS]])
}

function newDiagram(
  diagram: Diagram,
  values: PropertyValues,
  scope: NamespaceScope,
  rest: (container: Container, inner: NamespaceScope) => XmlElement[]
): XmlElement {
  const inner = new Map([...scope, ['z', SERIALIZATION_NS]])
  const container = (name: Container): XmlElement =>
    element(name, inner, [['xmlns:a', ARRAYS_NS]], rest(name, containerScope(scope)))
  return element('DrawingSurfaceModel', scope, [['z:Id', 'i0'], ['xmlns:z', SERIALIZATION_NS]], [
    abstractsMember('GenericTypeId', 'DRAWINGSURFACE', inner),
    abstractsMember('Guid', diagram.id, inner),
    writeProperties(undefined, values, inner, true),
    abstractsMember('TypeId', 'DRAWINGSURFACE', inner),
    container('Borders'),
    element('Header', inner, [], [diagram.name]),
    container('Lines'),
    element('Zoom', inner, [], ['1'])
  ])
}
