import type {
  AssumptionId,
  BoundaryId,
  DataAssetId,
  DiagramId,
  ElementId,
  FlowId,
  ModelId,
  NoteId,
  ThreatDefinitionId,
  ThreatId
} from './ids'
import type {
  Canonical,
  CiaLevel,
  Classification,
  ElementKind,
  Impact,
  Likelihood,
  Priority,
  Severity,
  ThreatCategory,
  ThreatState,
  TriageField
} from './enums'
import type { Extensions } from './json'
import type { Point, Rect } from './geometry-types'

/**
 * The common threat model: plain, immutable data. Every format reads into it and writes from it;
 * the canvas and the threat table are projections of it. Document state only: zoom, selection and
 * other session state live in the renderer.
 */
export interface ThreatModel {
  readonly id: ModelId
  readonly metadata: ModelMetadata
  /** The template the model was built with (TMT knowledge base, our Azure/AWS templates…). */
  readonly template: TemplateRef | null
  readonly diagrams: readonly Diagram[]
  readonly dataAssets: readonly DataAsset[]
  readonly threatDefinitions: readonly ThreatDefinition[]
  readonly threats: readonly Threat[]
  readonly assumptions: readonly Assumption[]
  readonly notes: readonly Note[]
  /**
   * Who changed which triage field of which threat, and when: append-only, oldest first. Auditors ask
   * for it (audit-report.md §J "Last reviewed by / date", §K approver and date); `changedBy`/`changedAt`
   * on a threat only keep the latest change.
   */
  readonly triageHistory: readonly TriageRecord[]
  readonly extensions: Extensions
}

/**
 * One triage change. `from`/`to` are the values as text (a canonical state, an owner, a justification…),
 * null for "none". Records outlive their threat: deleting a threat never rewrites the audit trail.
 */
export interface TriageRecord {
  readonly threatId: ThreatId
  readonly field: TriageField
  readonly from: string | null
  readonly to: string | null
  readonly by: string
  /** ISO 8601 timestamp. */
  readonly at: string
}

export interface ModelMetadata {
  readonly title: string
  readonly description: string
  readonly owner: string
  readonly reviewers: readonly string[]
  readonly contributors: readonly string[]
  readonly version: string
  /** ISO 8601, or null when the source does not say. */
  readonly createdAt: string | null
  readonly modifiedAt: string | null
  readonly tags: readonly string[]
  /** Free key/value metadata (Threagile's business criticality, TMT's "External Dependencies"…). */
  readonly custom: readonly KeyValue[]
}

export interface KeyValue {
  readonly key: string
  readonly value: string
}

/** Templates reuse ids across releases and forks, so identity is id + version + name (tmt-format.md §9.2). */
export interface TemplateRef {
  readonly id: string
  readonly name: string
  readonly version: string
}

export interface Diagram {
  readonly id: DiagramId
  readonly name: string
  readonly elements: readonly DiagramElement[]
  readonly flows: readonly Flow[]
  readonly boundaries: readonly TrustBoundary[]
  readonly properties: readonly Property[]
  readonly extensions: Extensions
}

/** Fields every thing drawn on a diagram has. */
interface DiagramItem {
  readonly name: string
  /** The template's type id (TMT `TypeId` such as `SE.P.TMCore.WebApp`, a Threagile technology…). */
  readonly typeId: string
  readonly description: string
  readonly properties: readonly Property[]
  readonly extensions: Extensions
}

export interface DiagramElement extends DiagramItem {
  readonly id: ElementId
  readonly kind: ElementKind
  readonly layout: Rect
  readonly outOfScope: boolean
  readonly outOfScopeReason: string
  /** Data this element processes and stores (Threagile `data_assets_processed` / `_stored`, pytm `Data.processedBy`). */
  readonly dataProcessed: readonly DataAssetId[]
  readonly dataStored: readonly DataAssetId[]
}

/**
 * A directed data flow. Either end may be unattached (TMT allows dangling connectors and reports them);
 * `sourcePoint`/`targetPoint` are always the drawn ends, so geometry never depends on attachment.
 */
export interface Flow extends DiagramItem {
  readonly id: FlowId
  readonly source: ElementId | null
  readonly target: ElementId | null
  readonly sourcePoint: Point
  readonly targetPoint: Point
  readonly bendPoints: readonly Point[]
  readonly outOfScope: boolean
  readonly outOfScopeReason: string
  readonly dataSent: readonly DataAssetId[]
  readonly dataReceived: readonly DataAssetId[]
  /** The request this flow answers (pytm `responseTo`), kept explicit instead of a bidirectional edge. */
  readonly responseTo: FlowId | null
}

export type BoundaryShape =
  | { readonly kind: 'box'; readonly rect: Rect }
  | { readonly kind: 'line'; readonly points: readonly Point[] }

/**
 * A trust boundary. Membership and crossings are computed from geometry (geometry.ts), except where a
 * source states membership without geometry (Threagile): then `statedMembers` holds it.
 */
export interface TrustBoundary extends DiagramItem {
  readonly id: BoundaryId
  readonly shape: BoundaryShape
  readonly statedMembers: readonly ElementId[] | null
}

/** A typed property, in the order the template's property grid shows them. */
export type Property = StringProperty | BooleanProperty | ListProperty

interface PropertyBase {
  /** The key rules refer to (TMT `b:Name`, a camelCase name or a GUID); never the label. */
  readonly key: string
  readonly label: string
}

export interface StringProperty extends PropertyBase {
  readonly kind: 'string'
  readonly value: string
}

export interface BooleanProperty extends PropertyBase {
  readonly kind: 'boolean'
  readonly value: boolean
}

export interface ListProperty extends PropertyBase {
  readonly kind: 'list'
  readonly options: readonly string[]
  /** Index into `options`, or null when nothing is selected. */
  readonly selected: number | null
  /** False for values fixed by the element type (TMT StaticListDisplayAttribute). */
  readonly editable: boolean
}

export interface DataAsset {
  readonly id: DataAssetId
  readonly name: string
  readonly description: string
  readonly classification: Canonical<Classification> | null
  readonly confidentiality: Canonical<CiaLevel> | null
  readonly integrity: Canonical<CiaLevel> | null
  readonly availability: Canonical<CiaLevel> | null
  readonly extensions: Extensions
}

/** What a threat type says in general (TMT ThreatType, a Threagile rule, a pytm threat, a library entry). */
export interface ThreatDefinition {
  readonly id: ThreatDefinitionId
  readonly title: string
  readonly description: string
  readonly category: Canonical<ThreatCategory>
  readonly defaultPriority: Canonical<Priority> | null
  readonly mitigations: string
  readonly references: readonly string[]
  readonly extensions: Extensions
}

export type ThreatTarget =
  | { readonly kind: 'element'; readonly elementId: ElementId }
  | { readonly kind: 'flow'; readonly flowId: FlowId }
  | {
      readonly kind: 'interaction'
      readonly sourceId: ElementId | null
      readonly flowId: FlowId
      readonly targetId: ElementId | null
    }
  | { readonly kind: 'boundary'; readonly boundaryId: BoundaryId }
  | { readonly kind: 'dataAsset'; readonly dataAssetId: DataAssetId }
  | { readonly kind: 'model' }

export type ThreatOrigin =
  | { readonly kind: 'generated'; readonly engine: string; readonly ruleId: string }
  | { readonly kind: 'user' }

export interface Mitigation {
  readonly description: string
  readonly status: string
}

/** A threat instance: one threat against one target, with its triage. */
export interface Threat {
  readonly id: ThreatId
  readonly definitionId: ThreatDefinitionId | null
  readonly title: string
  readonly description: string
  readonly category: Canonical<ThreatCategory>
  readonly target: ThreatTarget
  /** The diagram the target lives on, when there is one. */
  readonly diagramId: DiagramId | null
  readonly state: Canonical<ThreatState>
  readonly priority: Canonical<Priority> | null
  readonly severity: Canonical<Severity> | null
  readonly likelihood: Canonical<Likelihood> | null
  readonly impact: Canonical<Impact> | null
  readonly justification: string
  readonly mitigations: readonly Mitigation[]
  readonly owner: string
  readonly ticket: string
  /** ISO 8601 date, or null. */
  readonly reviewDate: string | null
  readonly changedBy: string | null
  /** ISO 8601 timestamp, or null for never (TMT writes `0001-01-01T00:00:00`). */
  readonly changedAt: string | null
  readonly origin: ThreatOrigin
  /** Template-defined threat properties (TMT ThreatMetaData), labelled. */
  readonly customProperties: readonly Property[]
  readonly extensions: Extensions
}

export interface Assumption {
  readonly id: AssumptionId
  readonly title: string
  readonly description: string
  readonly extensions: Extensions
}

export interface Note {
  readonly id: NoteId
  readonly text: string
  readonly author: string
  /** ISO 8601, or null. */
  readonly createdAt: string | null
  readonly extensions: Extensions
}
