import type { Point, Rect } from '../../model/geometry-types'
import { rectCenter } from '../../model/geometry'
import { asId, type AssumptionId, type BoundaryId, type DataAssetId, type ElementId, type FlowId } from '../../model/ids'
import type { JsonObject, JsonValue } from '../../model/json'
import type {
  Assumption,
  DataAsset,
  Diagram,
  DiagramElement,
  Flow,
  Threat,
  ThreatModel,
  TrustBoundary
} from '../../model/model'
import { emptyMetadata } from '../../model/factory'
import { layoutDiagram } from './boundary-layout'
import { pytmClassification } from './pytm-classification'
import { PYTM_DIAGRAM_ID, pytmAssumptionId, pytmModelId } from '../../vocabularies/pytm/pytm-ids'
import { pytmBag } from './pytm-extensions'
import type { RawAssumption } from './read-common-fields'
import type { ReadData } from './read-data'
import type { ReadBoundary, ReadElement } from './read-elements'
import type { ReadFlow } from './read-flows'

export interface PytmParts {
  readonly name: string
  readonly description: string
  /** The model's bag: shape, TM settings, unknown top-level keys. */
  readonly modelBag: JsonObject
  readonly boundaries: readonly ReadBoundary[]
  readonly elements: readonly ReadElement[]
  readonly flows: readonly ReadFlow[]
  readonly data: readonly ReadData[]
  readonly assumptions: readonly RawAssumption[]
  readonly threats: readonly Threat[]
  /** Item name → id, for assumptions stated on an item. */
  readonly itemIds: ReadonlyMap<string, string>
  /** Flows answering a request, from `responseTo` or pytm's pairing of `isResponse` flows. */
  readonly responseTo: ReadonlyMap<FlowId, FlowId>
}

/** Puts the read parts together as one model with one diagram, laid out automatically. */
export function buildPytmModel(parts: PytmParts): ThreatModel {
  const layout = layoutDiagram({
    boundaries: parts.boundaries.map((boundary) => ({ id: boundary.id, parent: boundary.common.inBoundary })),
    elements: parts.elements.map((element) => ({ id: element.id, boundary: element.common.inBoundary }))
  })
  const layoutOf = (id: ElementId): Rect => layout.elements.get(id) ?? { x: 0, y: 0, width: 100, height: 100 }
  const processedBy = dataByItem(parts.data, (entry) => entry.processedBy)
  const carriedBy = dataByItem(parts.data, (entry) => entry.carriedBy)
  const pairs = flowPairs(parts.flows)
  const members = boundaryMembers(parts)
  const diagram: Diagram = {
    id: PYTM_DIAGRAM_ID,
    name: parts.name,
    elements: parts.elements.map((element) => diagramElement(element, layoutOf(element.id), processedBy.get(element.id) ?? [])),
    flows: parts.flows.map((flow, index) => diagramFlow(flow, parts, layoutOf, carriedBy.get(flow.id) ?? [], pairs[index])),
    boundaries: parts.boundaries.map((boundary) => trustBoundary(boundary, members, layout.boundaries.get(boundary.id))),
    properties: [],
    extensions: {}
  }
  return {
    id: pytmModelId(parts.name),
    metadata: { ...emptyMetadata(parts.name), description: parts.description },
    template: null,
    diagrams: [diagram],
    dataAssets: parts.data.map(dataAsset),
    threatDefinitions: [],
    threats: parts.threats,
    assumptions: assumptions(parts),
    notes: [],
    triageHistory: [],
    extensions: { pytm: parts.modelBag }
  }
}

/** pytm-extensions.ts's item bag, in its key order: levels, sourceFiles, overrides, extra, extraControls, setInSource. */
function itemBag(fields: ReadElement['common'], attributes: ReadElement['attributes'], setInSource?: readonly string[]) {
  const { levels, sourceFiles, overrides } = fields.extension
  return pytmBag({
    levels,
    sourceFiles,
    overrides,
    extra: attributes.extra,
    extraControls: attributes.extraControls,
    setInSource: setInSource === undefined ? undefined : [...setInSource]
  })
}

/** Data ids by the item that processes or carries them, in the order of the file's data section. */
function dataByItem(data: readonly ReadData[], itemsOf: (entry: ReadData) => readonly string[]): Map<string, DataAssetId[]> {
  const byItem = new Map<string, DataAssetId[]>()
  for (const entry of data) {
    for (const itemId of new Set(itemsOf(entry))) {
      const ids = byItem.get(itemId)
      if (ids === undefined) byItem.set(itemId, [entry.id])
      else ids.push(entry.id)
    }
  }
  return byItem
}

function diagramElement(element: ReadElement, layout: Rect, processed: readonly DataAssetId[]): DiagramElement {
  return {
    id: element.id,
    kind: element.kind,
    name: element.name,
    typeId: element.className,
    description: element.common.description,
    layout,
    outOfScope: !element.common.inScope,
    outOfScopeReason: '',
    dataProcessed: [...processed],
    dataStored: [...element.data],
    properties: element.attributes.properties,
    extensions: itemBag(element.common, element.attributes)
  }
}

function diagramFlow(
  flow: ReadFlow,
  parts: PytmParts,
  layoutOf: (id: ElementId) => Rect,
  carried: readonly DataAssetId[],
  pair: FlowPair | undefined
): Flow {
  const sourcePoint = flow.source === null ? { x: 0, y: 0 } : rectCenter(layoutOf(flow.source))
  const targetPoint = flow.sink === null ? { x: 0, y: 0 } : rectCenter(layoutOf(flow.sink))
  return {
    id: flow.id,
    name: flow.name,
    typeId: 'Dataflow',
    description: flow.common.description,
    source: flow.source,
    target: flow.sink,
    sourcePoint,
    targetPoint,
    bendPoints: pair === undefined ? [] : parallelBend(pair, sourcePoint, targetPoint),
    outOfScope: !flow.common.inScope,
    outOfScopeReason: '',
    dataSent: [...new Set<DataAssetId>([...flow.data, ...carried])],
    dataReceived: [],
    responseTo: parts.responseTo.get(flow.id) ?? null,
    properties: flow.attributes.properties,
    extensions: itemBag(flow.common, flow.attributes, flow.setInSource)
  }
}

/** How many flows join a flow's two elements (either way), and how many of them come before it going its way. */
interface FlowPair {
  readonly between: number
  readonly earlier: number
}

/** Each flow's pair counts, or undefined for a flow with a missing end; one pass, not one per flow. */
function flowPairs(flows: readonly ReadFlow[]): (FlowPair | undefined)[] {
  const between = new PairCounts()
  for (const flow of flows) {
    if (flow.source === null || flow.sink === null) continue
    between.add(flow.source, flow.sink)
    if (flow.source !== flow.sink) between.add(flow.sink, flow.source)
  }
  const sameWay = new PairCounts()
  return flows.map((flow) => {
    if (flow.source === null || flow.sink === null) return undefined
    const earlier = sameWay.get(flow.source, flow.sink)
    sameWay.add(flow.source, flow.sink)
    return { between: between.get(flow.source, flow.sink), earlier }
  })
}

/** Counts by (from, to); nested maps, because ids may contain any character a separator could. */
class PairCounts {
  private readonly counts = new Map<string, Map<string, number>>()

  get(from: string, to: string): number {
    return this.counts.get(from)?.get(to) ?? 0
  }

  add(from: string, to: string): void {
    let row = this.counts.get(from)
    if (row === undefined) {
      row = new Map()
      this.counts.set(from, row)
    }
    row.set(to, (row.get(to) ?? 0) + 1)
  }
}

/**
 * A request and its response join the same two elements; drawn straight they would overlap. Each flow
 * between a pair that has several bends to its own right, further for each earlier flow in the same
 * direction, so a request and its response sit side by side.
 */
function parallelBend(pair: FlowPair, from: Point, to: Point): Point[] {
  if (pair.between < 2) return []
  const length = Math.hypot(to.x - from.x, to.y - from.y)
  if (length === 0) return []
  const offset = 24 * (pair.earlier + 1)
  const normal = { x: (to.y - from.y) / length, y: -(to.x - from.x) / length }
  return [{ x: (from.x + to.x) / 2 + normal.x * offset, y: (from.y + to.y) / 2 + normal.y * offset }]
}

function trustBoundary(boundary: ReadBoundary, members: ReadonlyMap<BoundaryId, ElementId[]>, rect: Rect | undefined): TrustBoundary {
  return {
    id: boundary.id,
    name: boundary.name,
    typeId: 'Boundary',
    description: boundary.common.description,
    shape: { kind: 'box', rect: rect ?? { x: 0, y: 0, width: 100, height: 100 } },
    statedMembers: [...(members.get(boundary.id) ?? [])],
    // The model's boundaries have no scope flag, so pytm's is kept as a property.
    properties: [
      { kind: 'boolean', key: 'inScope', label: 'In scope', value: boundary.common.inScope },
      ...boundary.attributes.properties
    ],
    extensions: itemBag(boundary.common, boundary.attributes)
  }
}

/**
 * Stated members are every element inside the boundary, nested boundaries included: the model decides
 * crossings by stated membership (boundary-geometry.ts), and a flow from an inner boundary to its parent
 * crosses the inner one only. One walk up from each element, not one per boundary and element.
 */
function boundaryMembers(parts: PytmParts): ReadonlyMap<BoundaryId, ElementId[]> {
  const parentOf = new Map(parts.boundaries.map((boundary) => [boundary.id, boundary.common.inBoundary]))
  const members = new Map(parts.boundaries.map((boundary): [BoundaryId, ElementId[]] => [boundary.id, []]))
  for (const element of parts.elements) {
    const seen = new Set<BoundaryId>()
    for (let current = element.common.inBoundary; current !== null && !seen.has(current); current = parentOf.get(current) ?? null) {
      seen.add(current)
      members.get(current)?.push(element.id)
    }
  }
  return members
}

function dataAsset(data: ReadData): DataAsset {
  const fields: Record<string, JsonValue> = {}
  for (const [key, value] of data.attributes.values) if (key !== 'classification') fields[key] = value
  const classification = String(data.attributes.values.get('classification') ?? 'UNKNOWN')
  return {
    id: data.id,
    name: data.name,
    description: data.description,
    classification: pytmClassification(classification),
    confidentiality: null,
    integrity: null,
    availability: null,
    extensions: pytmBag({ ...fields, setInSource: [...data.setInSource], extra: data.extra })
  }
}

function assumptions(parts: PytmParts): Assumption[] {
  const taken = new Set<string>()
  return parts.assumptions.map((assumption) => {
    // A repeated name (pytm allows it) gets a numbered id, so ids stay unique and stable.
    let id: string = pytmAssumptionId(assumption.name, assumption.itemName)
    for (let count = 2; taken.has(id); count += 1) id = `${pytmAssumptionId(assumption.name, assumption.itemName)} #${count}`
    taken.add(id)
    const appliesTo = assumption.itemName === null ? null : (parts.itemIds.get(assumption.itemName) ?? null)
    return {
      id: asId<AssumptionId>(id),
      title: assumption.name,
      description: assumption.description,
      extensions: { pytm: { exclude: [...assumption.exclude], appliesTo } }
    }
  })
}
