import type { ElementKind, StrideCategory } from './enums'

/**
 * Methodology tables (STRIDE-per-element, STRIDE-per-interaction) as data, so the templates that fill
 * them (templates/) and the engine that applies them (analysis/stride/) agree on one shape. These work
 * on element kinds, not template type ids, so they apply to a model from any format.
 */

/** Which end of an interaction a threat is against, or the flow itself. */
export type InteractionRole = 'source' | 'target' | 'flow'

/** External interactors split into code and humans for rows 3 and 4 of Shostack's table. */
export type InteractionEndKind = Exclude<ElementKind, 'annotation' | 'externalInteractor'> | 'externalCode' | 'externalHuman'

export interface ThreatText {
  /** With `{source}`, `{target}`, `{flow}` and `{element}` placeholders, filled with names. */
  readonly title: string
  readonly description: string
}

export interface InteractionRow {
  /** Stable id of the row, part of every threat key (e.g. `row7`). */
  readonly id: string
  readonly sourceKinds: readonly InteractionEndKind[] | 'any'
  readonly targetKinds: readonly InteractionEndKind[] | 'any'
  /** Row 8: only flows that cross a trust boundary. */
  readonly requiresBoundaryCrossing: boolean
  readonly against: InteractionRole
  readonly threats: Readonly<Partial<Record<StrideCategory, ThreatText>>>
}

export interface InteractionTable {
  readonly id: string
  readonly version: string
  readonly name: string
  readonly source: string
  readonly rows: readonly InteractionRow[]
}

/** The per-element chart: threats by what is drawn. */
export type ElementChartKind = 'externalInteractor' | 'process' | 'dataStore' | 'dataFlow'

export interface ElementChartEntry {
  readonly kind: ElementChartKind
  readonly category: StrideCategory
  /** Data-store repudiation applies only when the store holds logs or audit data (the chart's footnote). */
  readonly onlyWhenHoldingLogs: boolean
  readonly text: ThreatText
}

export interface ElementChart {
  readonly id: string
  readonly version: string
  readonly name: string
  readonly source: string
  readonly entries: readonly ElementChartEntry[]
}
