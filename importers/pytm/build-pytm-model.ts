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
  const diagram: Diagram = {
    id: PYTM_DIAGRAM_ID,
    name: parts.name,
    elements: parts.elements.map((element) => diagramElement(element, layoutOf(element.id), parts.data)),
    flows: parts.flows.map((flow, index) => diagramFlow(flow, index, parts, layoutOf)),
    boundaries: parts.boundaries.map((boundary) => trustBoundary(boundary, parts, layout.boundaries.get(boundary.id))),
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

function itemBag(fields: ReadElement['common'], attributes: ReadElement['attributes'], more: Record<string, JsonValue> = {}) {
  return pytmBag({ ...fields.extension, extra: attributes.extra, extraControls: attributes.extraControls, ...more })
}

function diagramElement(element: ReadElement, layout: Rect, data: readonly ReadData[]): DiagramElement {
  return {
    id: element.id,
    kind: element.kind,
    name: element.name,
    typeId: element.className,
    description: element.common.description,
    layout,
    outOfScope: !element.common.inScope,
    outOfScopeReason: '',
    dataProcessed: data.filter((entry) => entry.processedBy.includes(element.id)).map((entry) => entry.id),
    dataStored: [...element.data],
    properties: element.attributes.properties,
    extensions: itemBag(element.common, element.attributes)
  }
}

function diagramFlow(flow: ReadFlow, index: number, parts: PytmParts, layoutOf: (id: ElementId) => Rect): Flow {
  const sourcePoint = flow.source === null ? { x: 0, y: 0 } : rectCenter(layoutOf(flow.source))
  const targetPoint = flow.sink === null ? { x: 0, y: 0 } : rectCenter(layoutOf(flow.sink))
  const carried = parts.data.filter((entry) => entry.carriedBy.includes(flow.id)).map((entry) => entry.id)
  return {
    id: flow.id,
    name: flow.name,
    typeId: 'Dataflow',
    description: flow.common.description,
    source: flow.source,
    target: flow.sink,
    sourcePoint,
    targetPoint,
    bendPoints: parallelBend(flow, index, parts.flows, sourcePoint, targetPoint),
    outOfScope: !flow.common.inScope,
    outOfScopeReason: '',
    dataSent: [...new Set<DataAssetId>([...flow.data, ...carried])],
    dataReceived: [],
    responseTo: parts.responseTo.get(flow.id) ?? null,
    properties: flow.attributes.properties,
    extensions: itemBag(flow.common, flow.attributes, { setInSource: [...flow.setInSource] })
  }
}

/**
 * A request and its response join the same two elements; drawn straight they would overlap. Each flow
 * between a pair that has several bends to its own right, further for each earlier flow in the same
 * direction, so a request and its response sit side by side.
 */
function parallelBend(flow: ReadFlow, index: number, flows: readonly ReadFlow[], from: Point, to: Point): Point[] {
  const samePair = (other: ReadFlow): boolean =>
    (other.source === flow.source && other.sink === flow.sink) || (other.source === flow.sink && other.sink === flow.source)
  if (flow.source === null || flow.sink === null || flows.filter(samePair).length < 2) return []
  const earlier = flows.slice(0, index).filter((other) => other.source === flow.source && other.sink === flow.sink).length
  const length = Math.hypot(to.x - from.x, to.y - from.y)
  if (length === 0) return []
  const offset = 24 * (earlier + 1)
  const normal = { x: (to.y - from.y) / length, y: -(to.x - from.x) / length }
  return [{ x: (from.x + to.x) / 2 + normal.x * offset, y: (from.y + to.y) / 2 + normal.y * offset }]
}

function trustBoundary(boundary: ReadBoundary, parts: PytmParts, rect: Rect | undefined): TrustBoundary {
  return {
    id: boundary.id,
    name: boundary.name,
    typeId: 'Boundary',
    description: boundary.common.description,
    shape: { kind: 'box', rect: rect ?? { x: 0, y: 0, width: 100, height: 100 } },
    statedMembers: membersOf(boundary.id, parts),
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
 * crosses the inner one only.
 */
function membersOf(boundaryId: BoundaryId, parts: PytmParts): ElementId[] {
  const parentOf = new Map(parts.boundaries.map((boundary) => [boundary.id, boundary.common.inBoundary]))
  const isWithin = (start: BoundaryId | null): boolean => {
    const seen = new Set<BoundaryId>()
    for (let current = start; current !== null && !seen.has(current); current = parentOf.get(current) ?? null) {
      if (current === boundaryId) return true
      seen.add(current)
    }
    return false
  }
  return parts.elements.filter((element) => isWithin(element.common.inBoundary)).map((element) => element.id)
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
