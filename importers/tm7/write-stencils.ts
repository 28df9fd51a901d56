import type { Diagnostic } from '../../model/diagnostics'
import { diagnostic } from '../../model/diagnostics'
import type { ElementKind } from '../../model/enums'
import type { Point, Rect } from '../../model/geometry-types'
import type { DiagramElement, Flow, TrustBoundary } from '../../model/model'
import { textContent } from '../xml/xml-query'
import { xmlFromJson, type NamespaceScope } from '../xml/xml-json'
import type { XmlElement } from '../xml/xml-tree'
import { genericRootOf, type TypeHierarchy } from './kb-type-hierarchy'
import { parseNumber } from './read-context'
import { bagXml } from './bag'
import { ABSTRACTS_NS, ARRAYS_NS, ZERO_GUID } from './tm7-namespaces'
import { writeProperties, type PropertyValues } from './write-properties'
import { abstractsMember, element, keepOrSet, updateChild } from './xml-build'

/** What writing one Borders/Lines entry needs besides the entity. */
export interface StencilContext {
  readonly hierarchy: TypeHierarchy
  /** The ids of the diagram's elements: a flow end naming anything else counts as unattached. */
  readonly elementIds: ReadonlySet<string>
  readonly diagnostics: Diagnostic[]
}

const SHAPES: Readonly<Record<ElementKind, string>> = {
  process: 'StencilEllipse',
  externalInteractor: 'StencilRectangle',
  dataStore: 'StencilParallelLines',
  annotation: 'StencilRectangle'
}
const GENERIC_IDS: Readonly<Record<ElementKind, string>> = { process: 'GE.P', externalInteractor: 'GE.EI', dataStore: 'GE.DS', annotation: 'GE.A' }

type Patch = (value: XmlElement) => XmlElement

/** One member of `a:Value` patched by the write-back rule (xml-build.ts keepOrSet). */
function memberPatch(local: string, interpret: (raw: string) => string, now: string): Patch {
  return (value) => updateChild(value, local, ABSTRACTS_NS, (child) => keepOrSet(child, interpret(textContent(child)), now))
}
const trimmed = (raw: string): string => raw.trim()
const numeric = (raw: string): string => String(parseNumber(raw))
const numberPatch = (local: string, now: number): Patch => memberPatch(local, numeric, String(now))

/** An entry from its bag with the model's values patched in, or null when it has none (made in the app). */
function patchedEntry(bag: unknown, scope: NamespaceScope, id: string, patches: readonly Patch[]): XmlElement | null {
  const json = bagXml(bag)
  const entry = json === null ? null : xmlFromJson(json, { scope })
  if (entry === null) return null
  const key = updateChild(entry, 'Key', ARRAYS_NS, (child) => keepOrSet(child, textContent(child).trim(), id))
  return updateChild(key, 'Value', ARRAYS_NS, (value) => patches.reduce((patched, patch) => patch(patched), value))
}

const propertiesPatch = (values: PropertyValues, scope: NamespaceScope): Patch => (value) =>
  updateChild(value, 'Properties', ABSTRACTS_NS, (properties) => writeProperties(properties, values, scope, false))

const rectPatches = (rect: Rect): Patch[] => [
  numberPatch('Height', rect.height),
  numberPatch('Left', rect.x),
  numberPatch('Top', rect.y),
  numberPatch('Width', rect.width)
]

function typeName(context: StencilContext, typeId: string, fallback: string): string {
  return context.hierarchy.types.get(typeId)?.name || fallback
}

export function writeElementEntry(context: StencilContext, item: DiagramElement, scope: NamespaceScope): XmlElement {
  const values: PropertyValues = {
    name: item.name,
    outOfScope: item.outOfScope,
    outOfScopeReason: item.outOfScopeReason,
    properties: item.properties,
    header: typeName(context, item.typeId, 'Generic element')
  }
  const patched = patchedEntry(item.extensions.tm7, scope, item.id, [
    memberPatch('Guid', trimmed, item.id),
    memberPatch('TypeId', trimmed, item.typeId),
    propertiesPatch(values, scope),
    ...rectPatches(item.layout)
  ])
  if (patched !== null) return patched
  const generic = genericRootOf(context.hierarchy, item.typeId) ?? GENERIC_IDS[item.kind]
  return newBorderEntry(item.id, SHAPES[item.kind], generic, item.typeId, values, item.layout, scope)
}

export function writeBoxBoundaryEntry(context: StencilContext, item: TrustBoundary, rect: Rect, scope: NamespaceScope): XmlElement {
  const values: PropertyValues = { name: item.name, properties: item.properties, header: typeName(context, item.typeId, 'Trust Border Boundary') }
  const patched = patchedEntry(item.extensions.tm7, scope, item.id, [
    memberPatch('Guid', trimmed, item.id),
    memberPatch('TypeId', trimmed, item.typeId),
    propertiesPatch(values, scope),
    ...rectPatches(rect)
  ])
  if (patched !== null) return patched
  const generic = genericRootOf(context.hierarchy, item.typeId) ?? 'GE.TB.B'
  return newBorderEntry(item.id, 'BorderBoundary', generic, item.typeId, values, rect, scope)
}

/** Borders members in DataContract order (tmt-format.md §5). */
function newBorderEntry(id: string, shape: string, generic: string, typeId: string, values: PropertyValues, rect: Rect, scope: NamespaceScope): XmlElement {
  return entry(id, shape, scope, [
    abstractsMember('GenericTypeId', generic, scope),
    abstractsMember('Guid', id, scope),
    writeProperties(undefined, values, scope, false),
    abstractsMember('TypeId', typeId, scope),
    abstractsMember('Height', String(rect.height), scope),
    abstractsMember('Left', String(rect.x), scope),
    abstractsMember('StrokeDashArray', null, scope),
    abstractsMember('StrokeThickness', '1', scope),
    abstractsMember('Top', String(rect.y), scope),
    abstractsMember('Width', String(rect.width), scope)
  ])
}

function entry(id: string, shape: string, scope: NamespaceScope, members: XmlElement[]): XmlElement {
  return element('a:KeyValueOfguidanyType', scope, [], [
    element('a:Key', scope, [], [id]),
    // z:Id is renumbered in document order when the whole file is written.
    element('a:Value', scope, [['z:Id', 'i0'], ['i:type', shape]], members)
  ])
}

/** Source, handle and target of a line; the handle is the middle bend point (read-stencils.ts). */
interface LineGeometry {
  readonly source: Point
  readonly handle: Point
  readonly target: Point
}

function handleOf(source: Point, bends: readonly Point[], target: Point): Point {
  return bends[Math.floor((bends.length - 1) / 2)] ?? { x: Math.round((source.x + target.x) / 2), y: Math.round((source.y + target.y) / 2) }
}

const linePatches = (geometry: LineGeometry): Patch[] => [
  numberPatch('HandleX', geometry.handle.x),
  numberPatch('HandleY', geometry.handle.y),
  numberPatch('SourceX', geometry.source.x),
  numberPatch('SourceY', geometry.source.y),
  numberPatch('TargetX', geometry.target.x),
  numberPatch('TargetY', geometry.target.y)
]

export function writeFlowEntry(context: StencilContext, flow: Flow, scope: NamespaceScope): XmlElement {
  if (flow.bendPoints.length > 1) {
    context.diagnostics.push(
      diagnostic('tm7.flow-bends', 'warning', `data flow "${flow.name}" (${flow.id}) bends ${flow.bendPoints.length} times; TMT holds one handle, so only the middle bend is kept`)
    )
  }
  const geometry = { source: flow.sourcePoint, handle: handleOf(flow.sourcePoint, flow.bendPoints, flow.targetPoint), target: flow.targetPoint }
  const values: PropertyValues = {
    name: flow.name,
    outOfScope: flow.outOfScope,
    outOfScopeReason: flow.outOfScopeReason,
    properties: flow.properties,
    header: typeName(context, flow.typeId, 'Generic Data Flow')
  }
  // An end that names no element of the diagram was read as null: keep the GUID as written then.
  const endGuid = (raw: string): string => {
    const guid = raw.trim()
    return guid === '' || guid === ZERO_GUID || !context.elementIds.has(guid) ? ZERO_GUID : guid
  }
  const patched = patchedEntry(flow.extensions.tm7, scope, flow.id, [
    memberPatch('Guid', trimmed, flow.id),
    memberPatch('TypeId', trimmed, flow.typeId),
    propertiesPatch(values, scope),
    ...linePatches(geometry),
    memberPatch('SourceGuid', endGuid, flow.source ?? ZERO_GUID),
    memberPatch('TargetGuid', endGuid, flow.target ?? ZERO_GUID)
  ])
  if (patched !== null) return patched
  const generic = genericRootOf(context.hierarchy, flow.typeId) ?? 'GE.DF'
  return newLineEntry(flow.id, 'Connector', generic, flow.typeId, values, geometry, [flow.source ?? ZERO_GUID, flow.target ?? ZERO_GUID], scope)
}

export function writeLineBoundaryEntry(context: StencilContext, item: TrustBoundary, points: readonly Point[], scope: NamespaceScope): XmlElement {
  const first = points[0] ?? { x: 0, y: 0 }
  const last = points[points.length - 1] ?? first
  if (points.length > 3) {
    context.diagnostics.push(
      diagnostic('tm7.boundary-points', 'warning', `trust boundary "${item.name}" (${item.id}) has ${points.length} points; TMT holds two ends and one handle, so only the middle point is kept`)
    )
  }
  const geometry = { source: first, handle: handleOf(first, points.slice(1, -1), last), target: last }
  const values: PropertyValues = { name: item.name, properties: item.properties, header: typeName(context, item.typeId, 'Trust Line Boundary') }
  const patched = patchedEntry(item.extensions.tm7, scope, item.id, [
    memberPatch('Guid', trimmed, item.id),
    memberPatch('TypeId', trimmed, item.typeId),
    propertiesPatch(values, scope),
    ...linePatches(geometry)
  ])
  if (patched !== null) return patched
  const generic = genericRootOf(context.hierarchy, item.typeId) ?? 'GE.TB.L'
  return newLineEntry(item.id, 'LineBoundary', generic, item.typeId, values, geometry, [ZERO_GUID, ZERO_GUID], scope)
}

/** Lines members in DataContract order (tmt-format.md §6); ports `None` as on line boundaries. */
function newLineEntry(
  id: string,
  shape: string,
  generic: string,
  typeId: string,
  values: PropertyValues,
  geometry: LineGeometry,
  [sourceGuid, targetGuid]: readonly [string, string],
  scope: NamespaceScope
): XmlElement {
  const number = (local: string, value: number): XmlElement => abstractsMember(local, String(value), scope)
  return entry(id, shape, scope, [
    abstractsMember('GenericTypeId', generic, scope),
    abstractsMember('Guid', id, scope),
    writeProperties(undefined, values, scope, false),
    abstractsMember('TypeId', typeId, scope),
    number('HandleX', geometry.handle.x),
    number('HandleY', geometry.handle.y),
    abstractsMember('PortSource', 'None', scope),
    abstractsMember('PortTarget', 'None', scope),
    abstractsMember('SourceGuid', sourceGuid, scope),
    number('SourceX', geometry.source.x),
    number('SourceY', geometry.source.y),
    abstractsMember('TargetGuid', targetGuid, scope),
    number('TargetX', geometry.target.x),
    number('TargetY', geometry.target.y)
  ])
}

