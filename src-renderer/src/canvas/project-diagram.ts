import type { ElementKind } from '../../../model/enums'
import { crossesBoundary } from '../../../model/geometry'
import type { Point, Rect } from '../../../model/geometry-types'
import type { Diagram, DiagramElement, Flow, Threat, TrustBoundary } from '../../../model/model'
import { bendPointsToSegments, type SegmentStyle } from './segments'

/**
 * The pure half of the canvas adapter: a diagram (plus its threats) → Cytoscape element definitions.
 * No Cytoscape import, no DOM: unit tests check the projection without a renderer, and the adapter
 * only diffs these definitions into the graph. The model stays the single source of truth.
 */

/** What a drawn node stands for. `anchor` is an invisible node that holds a loose end (see below). */
export type NodeRole = ElementKind | 'boundary' | 'anchor'
export type EdgeRole = 'flow' | 'lineBoundary'

export interface CanvasNode {
  readonly group: 'nodes'
  readonly data: {
    readonly id: string
    /** The model id this node draws (for anchors: the flow or boundary they belong to). */
    readonly modelId: string
    readonly role: NodeRole
    readonly label: string
    readonly width: number
    readonly height: number
    /** Data stores only: gradient stops that draw the top and bottom lines (style.ts). */
    readonly storeLineStops?: readonly number[]
  }
  /** Cytoscape positions a node by its centre; the model stores the top-left corner. */
  readonly position: Point
  readonly classes: string
}

export interface CanvasEdge {
  readonly group: 'edges'
  readonly data: {
    readonly id: string
    readonly modelId: string
    readonly role: EdgeRole
    readonly source: string
    readonly target: string
    readonly label: string
    readonly segmentWeights?: readonly number[]
    readonly segmentDistances?: readonly number[]
  }
  readonly classes: string
}

export interface DiagramProjection {
  readonly nodes: readonly CanvasNode[]
  readonly edges: readonly CanvasEdge[]
}

/**
 * Canvas ids carry a kind prefix: formats only promise ids unique per kind (a Threagile trust boundary
 * may share an id with an asset), while Cytoscape needs one id space.
 */
export const canvasId = {
  element: (id: string): string => `element:${id}`,
  flow: (id: string): string => `flow:${id}`,
  boundary: (id: string): string => `boundary:${id}`,
  anchor: (ownerId: string, end: 'source' | 'target'): string => `anchor:${ownerId}:${end}`
}

/** Thickness of a data store's top and bottom lines, in model pixels. */
const STORE_LINE_WIDTH = 2
/** Anchors are 1 px: small enough to be invisible, large enough for Cytoscape's edge geometry. */
const ANCHOR_SIZE = 1

const ELEMENT_CLASS: Readonly<Record<ElementKind, string>> = {
  process: 'process',
  externalInteractor: 'external-interactor',
  dataStore: 'data-store',
  annotation: 'annotation'
}

/** States that still need a reviewer's decision. A state with no canonical meaning counts as open. */
export function isOpenThreat(threat: Threat): boolean {
  const state = threat.state.value
  return state === null || state === 'notStarted' || state === 'needsInvestigation'
}

/** Open threats per drawn item (element, flow or boundary id). Interactions count against their flow. */
export function openThreatCounts(threats: readonly Threat[]): ReadonlyMap<string, number> {
  const counts = new Map<string, number>()
  const add = (id: string): void => {
    counts.set(id, (counts.get(id) ?? 0) + 1)
  }
  for (const threat of threats) {
    if (!isOpenThreat(threat)) continue
    const target = threat.target
    if (target.kind === 'element') add(target.elementId)
    else if (target.kind === 'flow' || target.kind === 'interaction') add(target.flowId)
    else if (target.kind === 'boundary') add(target.boundaryId)
  }
  return counts
}

export function projectDiagram(diagram: Diagram, threats: readonly Threat[]): DiagramProjection {
  const openCounts = openThreatCounts(threats)
  const nodes: CanvasNode[] = []
  const edges: CanvasEdge[] = []
  const centres = elementCentres(diagram)

  // Boundaries first: Cytoscape draws in insertion order within a z-index, and style.ts also puts them
  // on a lower z-index, so they stay behind everything they enclose.
  for (const boundary of diagram.boundaries) projectBoundary(boundary, nodes, edges)
  for (const element of diagram.elements) nodes.push(projectElement(element, openCounts.get(element.id) ?? 0))
  for (const flow of diagram.flows) {
    projectFlow(flowGeometry(flow, centres, diagram.boundaries), openCounts.get(flow.id) ?? 0, nodes, edges)
  }
  return { nodes, edges }
}

/**
 * Where a flow is drawn: the canvas nodes its ends attach to, its bends, the anchors that hold its loose
 * ends, and whether it crosses a boundary. Everything about a flow's drawing that moving items changes.
 */
export interface FlowGeometry {
  readonly flow: Flow
  /** Canvas id of the edge. */
  readonly id: string
  readonly source: string
  readonly target: string
  /** An end held by an anchor: unattached, or attached to an element not on this diagram. */
  readonly looseSource: boolean
  readonly looseTarget: boolean
  readonly crossing: boolean
  readonly segments: SegmentStyle | null
  readonly anchors: readonly CanvasNode[]
}

/** Attached flow ends start at their element's centre: the baseline Cytoscape measures bends from. */
function elementCentres(diagram: Diagram): ReadonlyMap<string, Point> {
  return new Map<string, Point>(diagram.elements.map((element) => [element.id, rectCentre(element.layout)] as const))
}

function flowGeometry(flow: Flow, centres: ReadonlyMap<string, Point>, boundaries: readonly TrustBoundary[]): FlowGeometry {
  const id = canvasId.flow(flow.id)
  // An end attached to an element on this diagram starts at that element's centre (Cytoscape clips the
  // line at the outline); a loose end, or one naming an element that is not here, gets an anchor at the
  // drawn point, so a dangling flow is drawn where the file put it (TMT allows and reports those).
  const sourceCentre = flow.source === null ? undefined : centres.get(flow.source)
  const targetCentre = flow.target === null ? undefined : centres.get(flow.target)
  const anchors: CanvasNode[] = []
  if (!sourceCentre) anchors.push(anchorNode(canvasId.anchor(id, 'source'), flow.id, flow.sourcePoint))
  if (!targetCentre) anchors.push(anchorNode(canvasId.anchor(id, 'target'), flow.id, flow.targetPoint))
  return {
    flow,
    id,
    source: sourceCentre && flow.source !== null ? canvasId.element(flow.source) : canvasId.anchor(id, 'source'),
    target: targetCentre && flow.target !== null ? canvasId.element(flow.target) : canvasId.anchor(id, 'target'),
    looseSource: !sourceCentre,
    looseTarget: !targetCentre,
    // Recomputed from geometry on every render, so a boundary drawn or moved flags its flows at once.
    crossing: boundaries.some((boundary) => crossesBoundary(flow, boundary)),
    segments: bendPointsToSegments(sourceCentre ?? flow.sourcePoint, targetCentre ?? flow.targetPoint, flow.bendPoints),
    anchors
  }
}

/**
 * The flows whose drawing moving these items (elements, boundaries, flows) can change: those moved or
 * attached to a moved element, and every flow when a boundary moves (its crossings).
 */
export function flowsTouchedByMove(diagram: Diagram, movingIds: readonly string[]): ReadonlySet<string> {
  const moving = new Set(movingIds)
  const boundaryMoves = diagram.boundaries.some((boundary) => moving.has(boundary.id))
  const touched = new Set<string>()
  for (const flow of diagram.flows) {
    const attached = (flow.source !== null && moving.has(flow.source)) || (flow.target !== null && moving.has(flow.target))
    if (boundaryMoves || attached || moving.has(flow.id)) touched.add(flow.id)
  }
  return touched
}

/** The geometry of just these flows, as projectDiagram computes it (live drag feedback, drag-preview.ts). */
export function projectFlowGeometry(diagram: Diagram, flowIds: ReadonlySet<string>): FlowGeometry[] {
  const centres = elementCentres(diagram)
  return diagram.flows.filter((flow) => flowIds.has(flow.id)).map((flow) => flowGeometry(flow, centres, diagram.boundaries))
}

function projectElement(element: DiagramElement, openThreats: number): CanvasNode {
  const { width, height } = element.layout
  const classes = [ELEMENT_CLASS[element.kind]]
  if (element.outOfScope) classes.push('out-of-scope')
  if (openThreats > 0) classes.push('open-threats')
  return {
    group: 'nodes',
    data: {
      id: canvasId.element(element.id),
      modelId: element.id,
      role: element.kind,
      label: withThreatBadge(element.name, openThreats),
      width,
      height,
      ...(element.kind === 'dataStore' ? { storeLineStops: storeLineStops(height) } : {})
    },
    position: rectCentre(element.layout),
    classes: classes.join(' ')
  }
}

/**
 * Cytoscape has no "parallel lines" shape (the DFD data store). A borderless rectangle filled with a
 * vertical gradient whose stops jump from line colour to fill and back draws exactly two horizontal
 * lines, top and bottom, with no image to load. Stops are percentages of the height, so they are
 * computed per node to keep the lines STORE_LINE_WIDTH thick at any size.
 */
export function storeLineStops(height: number): number[] {
  const line = Math.min(50, (STORE_LINE_WIDTH / Math.max(height, 1)) * 100)
  const top = Math.round(line * 1000) / 1000
  const bottom = Math.round((100 - line) * 1000) / 1000
  return [0, top, top, bottom, bottom, 100]
}

function withThreatBadge(name: string, openThreats: number): string {
  if (openThreats === 0) return name
  return `${name}\n${openThreats} open threat${openThreats === 1 ? '' : 's'}`
}

function projectFlow(geometry: FlowGeometry, openThreats: number, nodes: CanvasNode[], edges: CanvasEdge[]): void {
  const { flow, id, source, target, segments } = geometry
  nodes.push(...geometry.anchors)
  const classes = ['flow']
  // Which end is loose matters for the drawing: a loose source gets a dot, a loose target keeps its arrow.
  if (geometry.looseSource) classes.push('loose-source')
  if (geometry.looseTarget) classes.push('loose-target')
  if (flow.outOfScope) classes.push('out-of-scope')
  if (openThreats > 0) classes.push('open-threats')
  if (geometry.crossing) classes.push('crosses-boundary')
  const edge: CanvasEdge = {
    group: 'edges',
    data: { id, modelId: flow.id, role: 'flow', source, target, label: withThreatBadge(flow.name, openThreats) },
    classes: classes.join(' ')
  }
  edges.push(withSegments(edge, segments))
}

function projectBoundary(boundary: TrustBoundary, nodes: CanvasNode[], edges: CanvasEdge[]): void {
  const id = canvasId.boundary(boundary.id)
  if (boundary.shape.kind === 'box') {
    const { width, height } = boundary.shape.rect
    nodes.push({
      group: 'nodes',
      data: { id, modelId: boundary.id, role: 'boundary', label: boundary.name, width, height },
      position: rectCentre(boundary.shape.rect),
      classes: 'boundary'
    })
    return
  }
  // A trust line is a polyline, not a container: two anchors at its ends and a dashed segments edge
  // bending through the points between them.
  const points = boundary.shape.points
  const first = points[0]
  const last = points[points.length - 1]
  if (first === undefined || last === undefined || points.length < 2) return
  const source = canvasId.anchor(id, 'source')
  const target = canvasId.anchor(id, 'target')
  nodes.push(anchorNode(source, boundary.id, first), anchorNode(target, boundary.id, last))
  edges.push(
    withBends(
      {
        group: 'edges',
        data: { id, modelId: boundary.id, role: 'lineBoundary', source, target, label: boundary.name },
        classes: 'line-boundary'
      },
      first,
      last,
      points.slice(1, -1)
    )
  )
}

function anchorNode(id: string, ownerId: string, point: Point): CanvasNode {
  return {
    group: 'nodes',
    data: { id, modelId: ownerId, role: 'anchor', label: '', width: ANCHOR_SIZE, height: ANCHOR_SIZE },
    position: { x: point.x, y: point.y },
    classes: 'anchor'
  }
}

function withBends(edge: CanvasEdge, start: Point, end: Point, bendPoints: readonly Point[]): CanvasEdge {
  return withSegments(edge, bendPointsToSegments(start, end, bendPoints))
}

function withSegments(edge: CanvasEdge, segments: SegmentStyle | null): CanvasEdge {
  if (segments === null) return edge
  return {
    ...edge,
    data: { ...edge.data, segmentWeights: segments.weights, segmentDistances: segments.distances },
    classes: `${edge.classes} bent`
  }
}

function rectCentre(rect: Rect): Point {
  return { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 }
}
