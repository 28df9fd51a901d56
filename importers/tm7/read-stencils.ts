import type { ElementKind } from '../../model/enums'
import { asId, type BoundaryId, type ElementId, type FlowId } from '../../model/ids'
import type { DiagramElement, Flow, Property, TrustBoundary } from '../../model/model'
import type { Point } from '../../model/geometry-types'
import { attributeValue, childElement, textContent } from '../xml/xml-query'
import { bagText } from './bag'
import { XSI_URI, type XmlElement } from '../xml/xml-tree'
import { classifyType, type StencilClass } from './kb-type-hierarchy'
import { readPropertyList } from './read-properties'
import { parseNumber, report, type ReadContext } from './read-context'
import { ABSTRACTS_NS, ARRAYS_NS, ZERO_GUID } from './tm7-namespaces'

/** What `i:type` says when the KB does not know the type: only the drawing shape (tmt-format.md §5). */
const SHAPE_KINDS: Readonly<Record<string, ElementKind>> = {
  StencilEllipse: 'process',
  StencilRectangle: 'externalInteractor',
  StencilParallelLines: 'dataStore'
}

/** One `a:KeyValueOfguidanyType` of Borders or Lines: its GUID, its `a:Value` and where it sits. */
export interface DictionaryEntry {
  readonly entry: XmlElement
  readonly value: XmlElement
  readonly id: string
  readonly shape: string
  readonly path: string
}

export function readDictionaryEntry(entry: XmlElement, path: string): DictionaryEntry | null {
  const value = childElement(entry, 'Value', ARRAYS_NS)
  if (value === undefined) return null
  const guid = textContent(member(value, 'Guid')).trim()
  const id = guid !== '' ? guid : textContent(childElement(entry, 'Key', ARRAYS_NS)).trim()
  // i:type is an unprefixed QName in the default (Model) namespace here (tmt-format.md §2).
  const type = attributeValue(value, XSI_URI, 'type')?.trim() ?? ''
  return { entry, value, id, shape: type.slice(type.indexOf(':') + 1), path }
}

const member = (value: XmlElement, local: string): XmlElement | undefined => childElement(value, local, ABSTRACTS_NS)

function number(context: ReadContext, item: DictionaryEntry, local: string): number {
  const raw = textContent(member(item.value, local))
  const value = parseNumber(raw)
  if (value === null) {
    report(context, 'tm7.number', 'warning', `${local} of "${item.id}" is not a number ("${raw.trim()}"); 0 is used`, `${item.path}/${local}`)
  }
  return value ?? 0
}

const point = (context: ReadContext, item: DictionaryEntry, x: string, y: string): Point => ({
  x: number(context, item, x),
  y: number(context, item, y)
})

/** The whole entry, kept for write-back; the writer takes from it only what the model does not hold. */
const bagOf = (item: DictionaryEntry) => ({ tm7: { xml: bagText(item.entry) } })

interface ItemBasics {
  readonly typeId: string
  readonly name: string
  readonly outOfScope: boolean
  readonly outOfScopeReason: string
  readonly properties: readonly Property[]
}

function basics(context: ReadContext, item: DictionaryEntry, fields: { outOfScope: boolean }): ItemBasics {
  const list = readPropertyList(context, member(item.value, 'Properties'), { name: true, ...fields }, `${item.path}/Properties`)
  return {
    typeId: textContent(member(item.value, 'TypeId')).trim(),
    name: list.name ?? '',
    outOfScope: list.outOfScope ?? false,
    outOfScopeReason: list.outOfScopeReason ?? '',
    properties: list.properties
  }
}

/** A Borders entry: a stencil (its kind from the KB) or a boundary box. */
export function readBorder(context: ReadContext, item: DictionaryEntry): DiagramElement | TrustBoundary {
  const rect = {
    x: number(context, item, 'Left'),
    y: number(context, item, 'Top'),
    width: number(context, item, 'Width'),
    height: number(context, item, 'Height')
  }
  if (item.shape === 'BorderBoundary') {
    const { typeId, name, properties } = basics(context, item, { outOfScope: false })
    return { id: asId<BoundaryId>(item.id), name, typeId, description: '', shape: { kind: 'box', rect }, statedMembers: null, properties, extensions: bagOf(item) }
  }
  const { typeId, ...rest } = basics(context, item, { outOfScope: true })
  return {
    id: asId<ElementId>(item.id),
    kind: elementKind(context, item, typeId),
    typeId,
    description: '',
    layout: rect,
    dataProcessed: [],
    dataStored: [],
    ...rest,
    extensions: bagOf(item)
  }
}

/**
 * TypeId → ancestors → generic root; then the GenericTypeId; then the drawing shape with a warning
 * (tmt-format.md §5: a StencilRectangle may be an annotation, custom templates use GUID types).
 */
function elementKind(context: ReadContext, item: DictionaryEntry, typeId: string): ElementKind {
  const genericTypeId = textContent(member(item.value, 'GenericTypeId')).trim()
  const known = [classifyType(context.hierarchy, typeId), classifyType(context.hierarchy, genericTypeId)].find(
    (found): found is Extract<StencilClass, { kind: 'element' }> => found?.kind === 'element'
  )
  if (known !== undefined) return known.elementKind
  const fallback = SHAPE_KINDS[item.shape] ?? 'process'
  report(
    context,
    'tm7.unknown-type',
    'warning',
    `stencil "${item.id}" has type "${typeId}", which the embedded template does not define as an element; classified as ${fallback} from its shape ${item.shape || '(none)'}`,
    item.path
  )
  return fallback
}

/**
 * A Lines entry: a connector (flow) or a line boundary. `ends` are the stencils of this diagram: a flow
 * end naming anything else is dangling, set to null with a warning (its GUID stays in the bag).
 */
export function readLine(context: ReadContext, item: DictionaryEntry, ends: ReadonlySet<string>): Flow | TrustBoundary {
  const sourcePoint = point(context, item, 'SourceX', 'SourceY')
  const targetPoint = point(context, item, 'TargetX', 'TargetY')
  // TMT stores one draggable handle per line, the curve's control point (tmt-format.md §6); the model
  // has polylines, so the handle is the single bend point, as StartLeft and Threat Dragon read it.
  const handle = point(context, item, 'HandleX', 'HandleY')
  if (item.shape === 'LineBoundary') {
    const { typeId, name, properties } = basics(context, item, { outOfScope: false })
    return {
      id: asId<BoundaryId>(item.id),
      name,
      typeId,
      description: '',
      shape: { kind: 'line', points: [sourcePoint, handle, targetPoint] },
      statedMembers: null,
      properties,
      extensions: bagOf(item)
    }
  }
  if (item.shape !== 'Connector') {
    report(context, 'tm7.unknown-type', 'warning', `line "${item.id}" has the unknown class "${item.shape}"; read as a data flow`, item.path)
  }
  const { typeId, ...rest } = basics(context, item, { outOfScope: true })
  return {
    id: asId<FlowId>(item.id),
    typeId,
    description: '',
    source: end(context, item, 'SourceGuid', ends),
    target: end(context, item, 'TargetGuid', ends),
    sourcePoint,
    targetPoint,
    bendPoints: [handle],
    dataSent: [],
    dataReceived: [],
    responseTo: null,
    ...rest,
    extensions: bagOf(item)
  }
}

function end(context: ReadContext, item: DictionaryEntry, local: string, ends: ReadonlySet<string>): ElementId | null {
  const guid = textContent(member(item.value, local)).trim()
  if (guid === '' || guid === ZERO_GUID) return null
  if (ends.has(guid)) return asId<ElementId>(guid)
  report(
    context,
    'tm7.dangling-flow-end',
    'warning',
    `data flow "${item.id}" has ${local} "${guid}", which is not a stencil of its diagram; the end is read as unattached`,
    `${item.path}/${local}`
  )
  return null
}
