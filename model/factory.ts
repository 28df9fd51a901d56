import { canonical } from './canonical'
import type { Canonical, ElementKind, ThreatCategory } from './enums'
import type { Point, Rect } from './geometry-types'
import { newId, type DiagramId, type ElementId, type ModelId } from './ids'
import type {
  BoundaryShape,
  Diagram,
  DiagramElement,
  Flow,
  ModelMetadata,
  Threat,
  ThreatModel,
  ThreatTarget,
  TrustBoundary
} from './model'

/** TMT's stencils are dropped at 100 x 100; matching it keeps imported and new shapes alike. */
export const DEFAULT_ELEMENT_SIZE = 100

/**
 * TMT's generic type ids (tmt-format.md, "GenericTypeId"): every TMT template derives its stencils from
 * these, so a TMT export of an element made here opens as the generic stencil of its kind.
 */
const GENERIC_ELEMENT_TYPES: Readonly<Record<ElementKind, { readonly typeId: string; readonly name: string }>> = {
  process: { typeId: 'GE.P', name: 'Generic Process' },
  externalInteractor: { typeId: 'GE.EI', name: 'Generic External Interactor' },
  dataStore: { typeId: 'GE.DS', name: 'Generic Data Store' },
  annotation: { typeId: 'GE.A', name: 'Annotation' }
}
const GENERIC_FLOW = { typeId: 'GE.DF', name: 'Generic Data Flow' }
const GENERIC_BOX_BOUNDARY = { typeId: 'GE.TB.B', name: 'Generic Trust Border Boundary' }
const GENERIC_LINE_BOUNDARY = { typeId: 'GE.TB.L', name: 'Generic Trust Line Boundary' }

export function emptyMetadata(title = 'Untitled threat model'): ModelMetadata {
  return {
    title,
    description: '',
    owner: '',
    reviewers: [],
    contributors: [],
    version: '',
    createdAt: null,
    modifiedAt: null,
    tags: [],
    custom: []
  }
}

/** A model with one empty diagram, because the editor always shows a diagram. */
export function emptyModel(title?: string): ThreatModel {
  return {
    id: newId<ModelId>(),
    metadata: emptyMetadata(title),
    template: null,
    diagrams: [newDiagram('Diagram 1')],
    dataAssets: [],
    threatDefinitions: [],
    threats: [],
    assumptions: [],
    notes: [],
    triageHistory: [],
    extensions: {}
  }
}

export function newDiagram(name: string): Diagram {
  return { id: newId<DiagramId>(), name, elements: [], flows: [], boundaries: [], properties: [], extensions: {} }
}

/** `position` is the top-left corner, as TMT stores `Left`/`Top`. */
export function newElement(kind: ElementKind, position: Point, name?: string): DiagramElement {
  const generic = GENERIC_ELEMENT_TYPES[kind]
  const layout: Rect = { x: position.x, y: position.y, width: DEFAULT_ELEMENT_SIZE, height: DEFAULT_ELEMENT_SIZE }
  return {
    id: newId<ElementId>(),
    kind,
    name: name ?? generic.name,
    typeId: generic.typeId,
    description: '',
    layout,
    outOfScope: false,
    outOfScopeReason: '',
    dataProcessed: [],
    dataStored: [],
    properties: [],
    extensions: {}
  }
}

/** The drawn ends of a flow and the points it bends through, in order from source to target. */
export interface FlowPoints {
  readonly sourcePoint: Point
  readonly targetPoint: Point
  readonly bendPoints?: readonly Point[]
}

export function newFlow(source: ElementId | null, target: ElementId | null, points: FlowPoints): Flow {
  return {
    id: newId(),
    name: GENERIC_FLOW.name,
    typeId: GENERIC_FLOW.typeId,
    description: '',
    source,
    target,
    sourcePoint: points.sourcePoint,
    targetPoint: points.targetPoint,
    bendPoints: points.bendPoints ?? [],
    outOfScope: false,
    outOfScopeReason: '',
    dataSent: [],
    dataReceived: [],
    responseTo: null,
    properties: [],
    extensions: {}
  }
}

export function newBoxBoundary(rect: Rect): TrustBoundary {
  return boundary(GENERIC_BOX_BOUNDARY, { kind: 'box', rect })
}

export function newLineBoundary(points: readonly Point[]): TrustBoundary {
  return boundary(GENERIC_LINE_BOUNDARY, { kind: 'line', points })
}

function boundary(generic: { readonly typeId: string; readonly name: string }, shape: BoundaryShape): TrustBoundary {
  return {
    id: newId(),
    name: generic.name,
    typeId: generic.typeId,
    description: '',
    shape,
    statedMembers: null,
    properties: [],
    extensions: {}
  }
}

export interface UserThreatOptions {
  readonly diagramId?: DiagramId | null
  readonly category?: Canonical<ThreatCategory>
}

/** A threat the user adds by hand: not started, no definition, uncategorised unless told. */
export function newUserThreat(target: ThreatTarget, title: string, options: UserThreatOptions = {}): Threat {
  return untriagedThreat({
    id: newId(),
    definitionId: null,
    title,
    description: '',
    category: options.category ?? { value: null, raw: null },
    target,
    diagramId: options.diagramId ?? null,
    origin: { kind: 'user' }
  })
}

/** What identifies a threat and says what it is; everything else starts untriaged. */
export type ThreatIdentity = Pick<Threat, 'id' | 'definitionId' | 'title' | 'description' | 'category' | 'target' | 'diagramId' | 'origin'> &
  Partial<Pick<Threat, 'priority' | 'severity' | 'likelihood' | 'impact' | 'customProperties' | 'extensions'>>

/** A threat as an engine or the user first makes it: not started, no triage, no history. */
export function untriagedThreat(identity: ThreatIdentity): Threat {
  return {
    priority: null,
    severity: null,
    likelihood: null,
    impact: null,
    customProperties: [],
    extensions: {},
    ...identity,
    state: canonical('notStarted'),
    justification: '',
    mitigations: [],
    owner: '',
    ticket: '',
    reviewDate: null,
    changedBy: null,
    changedAt: null
  }
}
