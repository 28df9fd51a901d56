import type { ThreatStateCounts } from '../analysis/summary'
import type { Diagnostic } from '../model/diagnostics'
import type { ElementKind, Severity } from '../model/enums'
import type { Point, Rect } from '../model/geometry-types'
import type { BoundaryShape } from '../model/model'
import type { ReportOptions } from './report-options'

/**
 * The one report model every writer renders (pandoc's document tree): HTML, Markdown, CSV, JSON and SARIF
 * all read this, so they cannot disagree on a count or a name. Plain data, strings unescaped: escaping is
 * each writer's job, at the last moment.
 *
 * A `null` text field means "not recorded in the model": writers print it as a visible placeholder
 * ("to be completed"), never as an empty cell an auditor could mistake for "none".
 */
export interface Report {
  readonly source: ReportSource
  readonly options: ReportOptions
  readonly documentControl: DocumentControl
  readonly changeHistory: readonly ChangeEntry[]
  readonly signOff: SignOff
  readonly executiveSummary: ExecutiveSummary
  /** Everything past the summary; null when only the executive summary was asked for. */
  readonly details: ReportDetails | null
}

/** What the caller knows and the model does not: the file, its hash, the clock, the tool. */
export interface ReportContext {
  readonly modelFileName: string
  /** Lower-case hex SHA-256 of the model file's bytes, computed by the caller (the CLI uses node:crypto). */
  readonly modelSha256: string
  /** ISO 8601 UTC timestamp; the only clock a report reads, so the same inputs give the same bytes. */
  readonly generatedAt: string
  readonly generator: { readonly name: string; readonly version: string }
  /** Messages from reading the file (readers, validation), listed under "Open questions and model messages". */
  readonly diagnostics?: readonly Diagnostic[]
  /** What `modelSha256` is the hash of; absent means `{ kind: 'file' }`. */
  readonly modelHash?: ModelHashSubject
}

/**
 * What the report's model hash covers. The report only says "`sha256sum <file>` checks it" when it is the
 * hash of the file's bytes; a model with unsaved changes exists in no file, and the report says so.
 */
export type ModelHashSubject =
  /** The bytes of the file `modelFileName` as read or last written (what the CLI hashes). */
  | { readonly kind: 'file' }
  /**
   * The model has changes no file holds (or was never saved). `description` names what was hashed
   * instead, e.g. "the native .twm serialisation of the model in the app".
   */
  | { readonly kind: 'unsaved'; readonly description: string }

export interface ReportSource extends Omit<ReportContext, 'diagnostics' | 'modelHash'> {
  readonly modelId: string
  readonly modelHash: ModelHashSubject
}

export interface DocumentControl {
  readonly title: string
  readonly documentId: string
  readonly modelVersion: string | null
  readonly status: string | null
  readonly classification: string | null
  readonly owner: string | null
  readonly createdAt: string | null
  readonly modifiedAt: string | null
  readonly generatedAt: string
  readonly distribution: string | null
  readonly template: string | null
}

export interface ChangeEntry {
  /** ISO 8601 date or timestamp; null sorts first, for history the model states without a date. */
  readonly date: string | null
  readonly author: string | null
  readonly summary: string
  /** `metadata` for entries the model states (custom keys), `derived` for ones read from timestamps. */
  readonly origin: 'metadata' | 'derived'
}

export interface SignOff {
  readonly signers: readonly Signer[]
  readonly nextReview: string | null
}

export interface Signer {
  readonly role: string
  readonly name: string | null
  readonly date: string | null
  /** The meaning of the signature (21 CFR 11.50): reviewed, approved, accepts residual risk… */
  readonly meaning: string
}

/** A threat's severity for ranking and the CI gate: its own, else derived from its priority (threat-severity.ts). */
export type RatedSeverity = Severity | 'unrated'

export type SeverityCounts = { readonly [Level in RatedSeverity]: number }

export interface ExecutiveSummary {
  readonly description: string
  readonly counts: {
    readonly diagrams: number
    readonly elements: number
    readonly flows: number
    readonly boundaries: number
    readonly dataAssets: number
    readonly threats: number
  }
  /** Over every threat in the report's diagram scope; the listing options do not change these counts. */
  readonly threatsByState: ThreatStateCounts
  readonly threatsBySeverity: SeverityCounts
  readonly openThreatsBySeverity: SeverityCounts
  readonly openThreats: number
  readonly acceptedThreats: number
  readonly overdueAcceptedRisks: number
  /** Open threats, most severe first (at most five). */
  readonly topOpenThreats: readonly ThreatRow[]
}

export interface ReportDetails {
  readonly scope: ScopeSection
  readonly method: MethodSection
  readonly dataAssets: readonly DataAssetRow[]
  readonly diagrams: readonly ReportDiagram[]
  readonly assumptions: readonly AssumptionRow[]
  readonly threats: readonly ThreatRow[]
  readonly acceptedRisks: readonly AcceptedRiskRow[]
  readonly residualRisk: ResidualRisk
  readonly openQuestions: OpenQuestions
  /** What the options left out, so a filtered report says so instead of looking complete. */
  readonly omitted: Omissions
}

export interface ScopeSection {
  readonly description: string
  readonly tags: readonly string[]
  readonly inScopeElements: number
  readonly outOfScope: readonly { readonly id: string; readonly name: string; readonly kind: string; readonly reason: string | null }[]
  readonly externalInteractors: readonly { readonly id: string; readonly name: string }[]
  readonly reviewers: readonly string[]
  readonly contributors: readonly string[]
  /** Every `metadata.custom` pair, in model order (business criticality, external dependencies…). */
  readonly metadata: readonly { readonly key: string; readonly value: string }[]
}

export interface MethodSection {
  readonly template: string | null
  /** Engines and rule sets that generated threats, with counts; `manual` for threats entered by people. */
  readonly sources: readonly { readonly source: string; readonly threats: number }[]
  readonly acceptanceCriteria: string | null
  readonly severityScale: readonly { readonly level: Severity; readonly meaning: string }[]
  readonly priorityToSeverity: readonly { readonly priority: string; readonly severity: Severity }[]
}

export interface DataAssetRow {
  readonly id: string
  readonly name: string
  readonly description: string
  readonly classification: string | null
  readonly confidentiality: string | null
  readonly integrity: string | null
  readonly availability: string | null
  readonly storedIn: readonly string[]
  readonly processedBy: readonly string[]
  readonly carriedBy: readonly string[]
}

export interface ReportDiagram {
  readonly id: string
  readonly name: string
  /** Null when the options leave drawings out; the inventories below are always given. */
  readonly drawing: DiagramDrawing | null
  readonly elements: readonly ElementRow[]
  readonly flows: readonly FlowRow[]
  readonly boundaries: readonly BoundaryRow[]
}

/** Geometry for the SVG writer, in model coordinates. */
export interface DiagramDrawing {
  readonly elements: readonly { readonly name: string; readonly kind: ElementKind; readonly layout: Rect; readonly outOfScope: boolean }[]
  readonly flows: readonly { readonly name: string; readonly points: readonly Point[] }[]
  readonly boundaries: readonly { readonly name: string; readonly shape: BoundaryShape }[]
}

export interface ElementRow {
  readonly id: string
  readonly name: string
  readonly kind: ElementKind
  readonly typeId: string
  readonly description: string
  readonly outOfScope: boolean
  readonly outOfScopeReason: string | null
  readonly boundaries: readonly string[]
  readonly properties: readonly PropertyText[]
}

export interface FlowRow {
  readonly id: string
  readonly name: string
  readonly source: string
  readonly target: string
  readonly dataSent: readonly string[]
  readonly dataReceived: readonly string[]
  readonly boundariesCrossed: readonly string[]
  readonly outOfScope: boolean
  readonly properties: readonly PropertyText[]
}

export interface BoundaryRow {
  readonly id: string
  readonly name: string
  readonly shape: BoundaryShape['kind']
  readonly description: string
  readonly members: readonly string[]
  readonly crossedBy: readonly string[]
}

export interface PropertyText {
  readonly label: string
  readonly value: string
}

export interface AssumptionRow {
  readonly id: string
  readonly title: string
  readonly description: string
}

/** Where a threat applies, with ids for tools and names for people. */
export interface ThreatTargetText {
  readonly kind: 'element' | 'flow' | 'interaction' | 'boundary' | 'dataAsset' | 'model'
  /** Ids of the things the threat is against: the element, or the flow then its source and target. */
  readonly ids: readonly string[]
  /** "API", "Page requests (Browser → Web app)", "the whole model". */
  readonly text: string
}

export interface ThreatRow {
  readonly id: string
  readonly title: string
  readonly description: string
  readonly category: string
  readonly diagramId: string | null
  readonly diagram: string | null
  readonly target: ThreatTargetText
  readonly severity: RatedSeverity
  /** Where `severity` came from: the threat's own severity, its priority, or neither. */
  readonly severitySource: 'severity' | 'priority' | 'none'
  /** The source's spelling when it has no canonical meaning ("Sev 0"), so nothing is hidden. */
  readonly severityRaw: string | null
  readonly priority: string | null
  readonly likelihood: string | null
  readonly impact: string | null
  /** The canonical state, or the source's own spelling when it has none. */
  readonly state: string
  readonly isOpen: boolean
  readonly justification: string
  readonly mitigations: readonly { readonly description: string; readonly status: string }[]
  readonly owner: string | null
  readonly ticket: string | null
  readonly reviewDate: string | null
  readonly changedBy: string | null
  readonly changedAt: string | null
  /** `definitionId`, else `engine/ruleId`, else `manual/<category>`: SARIF's ruleId. */
  readonly ruleId: string
  readonly ruleTitle: string
  readonly ruleDescription: string
  readonly ruleMitigations: string
  readonly references: readonly string[]
  /** The target no longer exists as it was (deleted, or a flow re-attached since). */
  readonly obsolete: boolean
}

export interface AcceptedRiskRow {
  readonly threatId: string
  readonly title: string
  readonly target: string
  readonly severity: RatedSeverity
  readonly justification: string | null
  /** The threat's owner, else whoever last changed it. */
  readonly approver: string | null
  readonly approvedAt: string | null
  readonly reviewDate: string | null
  /** The review date is before the report's generation date. */
  readonly overdue: boolean
}

export interface ResidualRisk {
  /** Rows: severities most severe first, then unrated; columns: canonical states then unrecognized. */
  readonly matrix: readonly { readonly severity: RatedSeverity; readonly byState: ThreatStateCounts }[]
  readonly openAtHighOrAbove: number
  readonly conclusion: string | null
}

export interface OpenQuestions {
  readonly notes: readonly { readonly id: string; readonly text: string; readonly author: string | null; readonly createdAt: string | null }[]
  /** Problems found in the model: threats under investigation, obsolete targets, missing justifications… */
  readonly modelIssues: readonly { readonly subject: string; readonly issue: string }[]
  readonly diagnostics: readonly { readonly severity: string; readonly code: string; readonly text: string }[]
}

export interface Omissions {
  readonly mitigatedThreats: number
  readonly notApplicableThreats: number
  readonly outOfScopeThreats: number
  readonly outOfScopeElements: number
  readonly otherDiagrams: number
  /** Threats on other diagrams, or on none, when one diagram was asked for. */
  readonly threatsOutsideDiagram: number
}
