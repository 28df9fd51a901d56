import { newElement } from '../factory'
import type { Point, Rect } from '../geometry-types'
import { insertIntoNearestSegment, rectCenter } from '../plane-geometry'
import type { DiagramId, DiagramItemId, ElementId, FlowId } from '../ids'
import type { BoundaryShape, Diagram, DiagramElement, Flow, Property, ThreatModel, TrustBoundary } from '../model'

/**
 * Pure diagram edits: model in, model out, for `store.edit(label, change)`. Each returns the very same
 * model when nothing changes, so the history records nothing for a no-op (model/history.ts). Callers
 * mint new items with model/factory.ts, so they know the ids to select afterwards.
 *
 * Attached flow ends: a flow's drawn end (`sourcePoint`/`targetPoint`) sits at its element's centre.
 * The canvas clips the line at the outline anyway, and the centre makes the box-boundary crossing test
 * (one end inside, one outside) agree exactly with element membership (centre inside), so a flow
 * between two elements crosses a box exactly when one of them is in it.
 */

/** Replaces one diagram through `change`; the same model when the diagram is missing or unchanged. */
export function updateDiagram(model: ThreatModel, diagramId: DiagramId, change: (diagram: Diagram) => Diagram): ThreatModel {
  const index = model.diagrams.findIndex((diagram) => diagram.id === diagramId)
  const diagram = model.diagrams[index]
  if (diagram === undefined) return model
  const next = change(diagram)
  if (next === diagram) return model
  return { ...model, diagrams: model.diagrams.map((each, at) => (at === index ? next : each)) }
}

/** Maps a list, keeping the original array when no item changed (cheap no-op detection). */
function mapSame<Item>(items: readonly Item[], change: (item: Item) => Item): readonly Item[] {
  let changed = false
  const next = items.map((item) => {
    const result = change(item)
    if (result !== item) changed = true
    return result
  })
  return changed ? next : items
}

function withLists(diagram: Diagram, lists: Partial<Pick<Diagram, 'elements' | 'flows' | 'boundaries'>>): Diagram {
  const same =
    (lists.elements ?? diagram.elements) === diagram.elements &&
    (lists.flows ?? diagram.flows) === diagram.flows &&
    (lists.boundaries ?? diagram.boundaries) === diagram.boundaries
  return same ? diagram : { ...diagram, ...lists }
}

/** The point an attached flow end is drawn at. */
export function attachmentPoint(element: DiagramElement): Point {
  return rectCenter(element.layout)
}

/** Re-derives the drawn ends of flows attached to the given elements (all when `only` is omitted). */
function reattachFlows(diagram: Diagram, only?: ReadonlySet<string>): Diagram {
  const byId = new Map(diagram.elements.map((element) => [element.id as string, element]))
  const endPoint = (end: ElementId | null, current: Point): Point => {
    if (end === null || (only !== undefined && !only.has(end))) return current
    const element = byId.get(end)
    if (element === undefined) return current
    const point = attachmentPoint(element)
    return point.x === current.x && point.y === current.y ? current : point
  }
  const flows = mapSame(diagram.flows, (flow) => {
    const sourcePoint = endPoint(flow.source, flow.sourcePoint)
    const targetPoint = endPoint(flow.target, flow.targetPoint)
    return sourcePoint === flow.sourcePoint && targetPoint === flow.targetPoint ? flow : { ...flow, sourcePoint, targetPoint }
  })
  return withLists(diagram, { flows })
}

export function addElement(model: ThreatModel, diagramId: DiagramId, element: DiagramElement): ThreatModel {
  return updateDiagram(model, diagramId, (diagram) => ({ ...diagram, elements: [...diagram.elements, element] }))
}

/** A flow whose attached ends are snapped to their elements' attachment points. */
export function addFlow(model: ThreatModel, diagramId: DiagramId, flow: Flow): ThreatModel {
  return updateDiagram(model, diagramId, (diagram) => reattachFlows({ ...diagram, flows: [...diagram.flows, flow] }, new Set([flow.source ?? '', flow.target ?? ''])))
}

export function addBoundary(model: ThreatModel, diagramId: DiagramId, boundary: TrustBoundary): ThreatModel {
  return updateDiagram(model, diagramId, (diagram) => ({ ...diagram, boundaries: [...diagram.boundaries, boundary] }))
}

const translate = (point: Point, delta: Point): Point => ({ x: point.x + delta.x, y: point.y + delta.y })
const translateRect = (rect: Rect, delta: Point): Rect => ({ ...rect, x: rect.x + delta.x, y: rect.y + delta.y })

function translateShape(shape: BoundaryShape, delta: Point): BoundaryShape {
  return shape.kind === 'box'
    ? { kind: 'box', rect: translateRect(shape.rect, delta) }
    : { kind: 'line', points: shape.points.map((point) => translate(point, delta)) }
}

/**
 * Moves elements, boundaries and flows by one delta. A flow moves with the selection (its bends and
 * loose ends) when it is selected itself or both its attached ends move; ends attached to moved
 * elements follow their elements in every case.
 */
export function moveItems(model: ThreatModel, diagramId: DiagramId, ids: readonly DiagramItemId[], delta: Point): ThreatModel {
  if (delta.x === 0 && delta.y === 0) return model
  return updateDiagram(model, diagramId, (diagram) => moveDiagramItems(diagram, ids, delta))
}

/** moveItems on one diagram: the canvas previews a drag with it before the drop commits moveItems. */
export function moveDiagramItems(diagram: Diagram, ids: readonly DiagramItemId[], delta: Point): Diagram {
  if (delta.x === 0 && delta.y === 0) return diagram
  const moving = new Set<string>(ids)
  const elements = mapSame(diagram.elements, (element) =>
    moving.has(element.id) ? { ...element, layout: translateRect(element.layout, delta) } : element
  )
  const boundaries = mapSame(diagram.boundaries, (boundary) =>
    moving.has(boundary.id) ? { ...boundary, shape: translateShape(boundary.shape, delta) } : boundary
  )
  const movesWhole = (flow: Flow): boolean =>
    moving.has(flow.id) ||
    ((flow.source !== null || flow.target !== null) &&
      (flow.source === null || moving.has(flow.source)) &&
      (flow.target === null || moving.has(flow.target)))
  const flows = mapSame(diagram.flows, (flow) =>
    movesWhole(flow)
      ? {
          ...flow,
          sourcePoint: translate(flow.sourcePoint, delta),
          targetPoint: translate(flow.targetPoint, delta),
          bendPoints: flow.bendPoints.map((point) => translate(point, delta))
        }
      : flow
  )
  return reattachFlows(withLists(diagram, { elements, flows, boundaries }), moving)
}

/**
 * Moves each element or boundary by its own delta (align, distribute). Flows are not moved as a whole:
 * their attached ends follow their elements and their bends stay where the reviewer put them.
 */
export function moveEachItem(model: ThreatModel, diagramId: DiagramId, deltas: ReadonlyMap<DiagramItemId, Point>): ThreatModel {
  const deltaOf = (id: string): Point | undefined => {
    const delta = deltas.get(id as DiagramItemId)
    return delta === undefined || (delta.x === 0 && delta.y === 0) ? undefined : delta
  }
  return updateDiagram(model, diagramId, (diagram) => {
    const moved = new Set<string>()
    const elements = mapSame(diagram.elements, (element) => {
      const delta = deltaOf(element.id)
      if (delta === undefined) return element
      moved.add(element.id)
      return { ...element, layout: translateRect(element.layout, delta) }
    })
    const boundaries = mapSame(diagram.boundaries, (boundary) => {
      const delta = deltaOf(boundary.id)
      return delta === undefined ? boundary : { ...boundary, shape: translateShape(boundary.shape, delta) }
    })
    return reattachFlows(withLists(diagram, { elements, boundaries }), moved)
  })
}

/** Smallest size an element or box can be resized to: still visible and grabbable. */
export const MIN_ITEM_SIZE = 20

function normalizeRect(rect: Rect): Rect {
  return { x: rect.x, y: rect.y, width: Math.max(MIN_ITEM_SIZE, rect.width), height: Math.max(MIN_ITEM_SIZE, rect.height) }
}

/** Sets an element's layout or a box boundary's rectangle (resize handles, the properties panel). */
export function setItemRect(model: ThreatModel, diagramId: DiagramId, id: DiagramItemId, rect: Rect): ThreatModel {
  const next = normalizeRect(rect)
  const same = (current: Rect): boolean =>
    current.x === next.x && current.y === next.y && current.width === next.width && current.height === next.height
  return updateDiagram(model, diagramId, (diagram) => {
    const elements = mapSame(diagram.elements, (element) =>
      element.id === id && !same(element.layout) ? { ...element, layout: next } : element
    )
    const boundaries = mapSame(diagram.boundaries, (boundary) =>
      boundary.id === id && boundary.shape.kind === 'box' && !same(boundary.shape.rect)
        ? { ...boundary, shape: { kind: 'box' as const, rect: next } }
        : boundary
    )
    return reattachFlows(withLists(diagram, { elements, boundaries }), new Set([id]))
  })
}

/** Fields every drawn item shares and the editor may set; out of scope applies to elements and flows only. */
export interface ItemPatch {
  readonly name?: string
  readonly description?: string
  readonly outOfScope?: boolean
  readonly outOfScopeReason?: string
  readonly typeId?: string
}

function patched<Item extends object>(item: Item, patch: Partial<Item>): Item {
  const changed = (Object.keys(patch) as (keyof Item)[]).some((key) => key in item && item[key] !== patch[key])
  if (!changed) return item
  const kept = Object.fromEntries(Object.entries(patch).filter(([key]) => key in item)) as Partial<Item>
  return { ...item, ...kept }
}

/** Applies one patch to several items of any kind (multi-selection edits common fields). */
export function patchItems(model: ThreatModel, diagramId: DiagramId, ids: readonly DiagramItemId[], patch: ItemPatch): ThreatModel {
  const wanted = new Set<string>(ids)
  const { outOfScope, outOfScopeReason, ...common } = patch
  const scoped = { ...common, ...(outOfScope === undefined ? {} : { outOfScope }), ...(outOfScopeReason === undefined ? {} : { outOfScopeReason }) }
  return updateDiagram(model, diagramId, (diagram) =>
    withLists(diagram, {
      elements: mapSame(diagram.elements, (element) => (wanted.has(element.id) ? patched(element, scoped) : element)),
      flows: mapSame(diagram.flows, (flow) => (wanted.has(flow.id) ? patched(flow, scoped) : flow)),
      // Boundaries have no scope: they are never threat targets of their own in TMT.
      boundaries: mapSame(diagram.boundaries, (boundary) => (wanted.has(boundary.id) ? patched(boundary, common) : boundary))
    })
  )
}

export function renameItem(model: ThreatModel, diagramId: DiagramId, id: DiagramItemId, name: string): ThreatModel {
  return patchItems(model, diagramId, [id], { name })
}

export function setOutOfScope(
  model: ThreatModel,
  diagramId: DiagramId,
  ids: readonly DiagramItemId[],
  outOfScope: boolean,
  reason?: string
): ThreatModel {
  return patchItems(model, diagramId, ids, { outOfScope, ...(reason === undefined ? {} : { outOfScopeReason: reason }) })
}

/** A value the properties panel sets: text, a checkbox, or a list option's index (null = none). */
export type PropertyValue = string | boolean | number | null

function withValue(property: Property, value: PropertyValue): Property {
  switch (property.kind) {
    case 'string':
      return typeof value === 'string' && value !== property.value ? { ...property, value } : property
    case 'boolean':
      return typeof value === 'boolean' && value !== property.value ? { ...property, value } : property
    case 'list': {
      // Static list values are fixed by the element type (TMT StaticListDisplayAttribute).
      if (!property.editable) return property
      const valid = value === null || (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value < property.options.length)
      return valid && value !== property.selected ? { ...property, selected: value } : property
    }
  }
}

/**
 * Sets a typed property on items. An item that lacks the property gets `definition` (the template's
 * attribute, as a property) with the value set, so a template field can be filled in on an element made
 * before the template was applied. A value of the wrong kind changes nothing.
 */
export function setPropertyValue(
  model: ThreatModel,
  diagramId: DiagramId,
  ids: readonly DiagramItemId[],
  key: string,
  value: PropertyValue,
  definition?: Property
): ThreatModel {
  const wanted = new Set<string>(ids)
  const update = <Item extends { readonly id: string; readonly properties: readonly Property[] }>(item: Item): Item => {
    if (!wanted.has(item.id)) return item
    const existing = item.properties.find((property) => property.key === key)
    if (existing === undefined) {
      if (definition === undefined || definition.key !== key) return item
      const added = withValue(definition, value)
      return added === definition && definition.kind !== 'string' ? item : { ...item, properties: [...item.properties, added] }
    }
    const properties = mapSame(item.properties, (property) => (property.key === key ? withValue(property, value) : property))
    return properties === item.properties ? item : { ...item, properties }
  }
  return updateDiagram(model, diagramId, (diagram) =>
    withLists(diagram, {
      elements: mapSame(diagram.elements, update),
      flows: mapSame(diagram.flows, update),
      boundaries: mapSame(diagram.boundaries, update)
    })
  )
}

/**
 * Deletes items. Deleting an element deletes the flows attached to it (a flow to nothing is what the
 * validation panel warns about, so it is not left behind); references to deleted things are cleared
 * everywhere in the model: `responseTo` of flows, boundaries' stated members. Threats keep their
 * triage and become stale (model/threat-references.ts), as in TMT.
 */
export function deleteItems(model: ThreatModel, diagramId: DiagramId, ids: readonly DiagramItemId[]): ThreatModel {
  const doomed = new Set<string>(ids)
  const diagram = model.diagrams.find((each) => each.id === diagramId)
  if (diagram === undefined) return model
  const attached = diagram.flows.filter(
    (flow) => doomed.has(flow.id) || (flow.source !== null && doomed.has(flow.source)) || (flow.target !== null && doomed.has(flow.target))
  )
  const deletedFlows = new Set<string>(attached.map((flow) => flow.id))
  const elements = diagram.elements.filter((element) => !doomed.has(element.id))
  const boundaries = diagram.boundaries.filter((boundary) => !doomed.has(boundary.id))
  if (elements.length === diagram.elements.length && boundaries.length === diagram.boundaries.length && deletedFlows.size === 0) {
    return model
  }
  const withoutDeleted = updateDiagram(model, diagramId, (current) => ({
    ...current,
    elements,
    boundaries,
    flows: current.flows.filter((flow) => !deletedFlows.has(flow.id))
  }))
  return {
    ...withoutDeleted,
    diagrams: withoutDeleted.diagrams.map((each) =>
      withLists(each, {
        flows: mapSame(each.flows, (flow) =>
          flow.responseTo !== null && deletedFlows.has(flow.responseTo) ? { ...flow, responseTo: null } : flow
        ),
        boundaries: mapSame(each.boundaries, (boundary) =>
          boundary.statedMembers?.some((member) => doomed.has(member))
            ? { ...boundary, statedMembers: boundary.statedMembers.filter((member) => !doomed.has(member)) }
            : boundary
        )
      })
    )
  }
}

export type FlowEnd = 'source' | 'target'

/**
 * Attaches a flow end to an element (its drawn point snaps to it) or detaches it at `point`. A flow
 * may not start and end at the same element: TMT has no self-loops, and STRIDE per interaction needs two.
 */
export function reconnectFlowEnd(
  model: ThreatModel,
  diagramId: DiagramId,
  flowId: FlowId,
  end: FlowEnd,
  elementId: ElementId | null,
  point: Point
): ThreatModel {
  return updateDiagram(model, diagramId, (diagram) => {
    const flow = diagram.flows.find((each) => each.id === flowId)
    if (flow === undefined) return diagram
    const other = end === 'source' ? flow.target : flow.source
    if (elementId !== null && (elementId === other || !diagram.elements.some((element) => element.id === elementId))) return diagram
    const pointKey = end === 'source' ? 'sourcePoint' : 'targetPoint'
    const next: Flow = { ...flow, [end]: elementId, [pointKey]: point }
    const flows = diagram.flows.map((each) => (each.id === flowId ? next : each))
    return reattachFlows({ ...diagram, flows }, new Set(elementId === null ? [] : [elementId]))
  })
}

/** Inserts a bend point into the segment of the flow's polyline nearest to it, so the line keeps its order. */
export function addBendPoint(model: ThreatModel, diagramId: DiagramId, flowId: FlowId, point: Point): ThreatModel {
  return updateFlow(model, diagramId, flowId, (flow) => {
    const polyline = insertIntoNearestSegment([flow.sourcePoint, ...flow.bendPoints, flow.targetPoint], point)
    return { ...flow, bendPoints: polyline.slice(1, -1) }
  })
}

export function removeBendPoint(model: ThreatModel, diagramId: DiagramId, flowId: FlowId, index: number): ThreatModel {
  return updateFlow(model, diagramId, flowId, (flow) =>
    index < 0 || index >= flow.bendPoints.length ? flow : { ...flow, bendPoints: flow.bendPoints.filter((_, at) => at !== index) }
  )
}

function updateFlow(model: ThreatModel, diagramId: DiagramId, flowId: FlowId, change: (flow: Flow) => Flow): ThreatModel {
  return updateDiagram(model, diagramId, (diagram) =>
    withLists(diagram, { flows: mapSame(diagram.flows, (flow) => (flow.id === flowId ? change(flow) : flow)) })
  )
}

/**
 * A new element of a template type, centred on `centre` (where the user dropped or clicked), with
 * the type's properties (analysis/template-properties.ts computes them; the model cannot import it).
 */
export function createElement(
  kind: DiagramElement['kind'],
  typeId: string,
  centre: Point,
  name: string,
  properties: readonly Property[] = []
): DiagramElement {
  const element = newElement(kind, { x: 0, y: 0 }, name)
  const { width, height } = element.layout
  return { ...element, typeId, properties, layout: { x: centre.x - width / 2, y: centre.y - height / 2, width, height } }
}
