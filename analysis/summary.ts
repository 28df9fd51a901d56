import { THREAT_STATES, type ThreatState } from '../model/enums'
import type { DiagramId } from '../model/ids'
import type { ThreatModel } from '../model/model'

/** Threat counts per canonical state; `unrecognized` counts states whose source spelling has no canonical meaning. */
export type ThreatStateCounts = { readonly [State in ThreatState | 'unrecognized']: number }

export interface DiagramSummary {
  readonly id: DiagramId
  readonly name: string
  readonly elements: number
  readonly flows: number
  readonly boundaries: number
  /** Threats whose `diagramId` is this diagram. */
  readonly threats: number
}

export interface ModelSummary {
  readonly diagrams: number
  readonly elements: number
  readonly flows: number
  readonly boundaries: number
  readonly dataAssets: number
  readonly threatDefinitions: number
  readonly threats: number
  readonly assumptions: number
  readonly notes: number
  /** Every state is present, zero included, so reports and the CLI always show the same rows. */
  readonly threatsByState: ThreatStateCounts
  readonly perDiagram: readonly DiagramSummary[]
}

/** The counts a reviewer checks first: how big the model is and how far triage has come. */
export function summarizeModel(model: ThreatModel): ModelSummary {
  const perDiagram = model.diagrams.map((diagram) => ({
    id: diagram.id,
    name: diagram.name,
    elements: diagram.elements.length,
    flows: diagram.flows.length,
    boundaries: diagram.boundaries.length,
    threats: model.threats.filter((threat) => threat.diagramId === diagram.id).length
  }))
  const total = (pick: (diagram: DiagramSummary) => number): number =>
    perDiagram.reduce((sum, diagram) => sum + pick(diagram), 0)
  return {
    diagrams: model.diagrams.length,
    elements: total((diagram) => diagram.elements),
    flows: total((diagram) => diagram.flows),
    boundaries: total((diagram) => diagram.boundaries),
    dataAssets: model.dataAssets.length,
    threatDefinitions: model.threatDefinitions.length,
    threats: model.threats.length,
    assumptions: model.assumptions.length,
    notes: model.notes.length,
    threatsByState: countThreatsByState(model),
    perDiagram
  }
}

function countThreatsByState(model: ThreatModel): ThreatStateCounts {
  const counts: Record<ThreatState | 'unrecognized', number> = { unrecognized: 0, ...zeroPerState() }
  for (const threat of model.threats) counts[threat.state.value ?? 'unrecognized'] += 1
  return counts
}

function zeroPerState(): Record<ThreatState, number> {
  return Object.fromEntries(THREAT_STATES.map((state) => [state, 0])) as Record<ThreatState, number>
}
