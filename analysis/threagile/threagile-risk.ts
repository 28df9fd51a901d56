/**
 * One risk as Threagile v1 generates it (`model.Risk`), before it becomes a model Threat. Severity is
 * computed from likelihood × impact exactly as v1 `CalculateSeverity` (threagile-rules.md §0.1); only
 * manual risks state a severity of their own.
 */
export const LIKELIHOODS = ['unlikely', 'likely', 'very-likely', 'frequent'] as const
export const IMPACTS = ['low', 'medium', 'high', 'very-high'] as const
export const SEVERITIES = ['low', 'medium', 'elevated', 'high', 'critical'] as const
export type RiskLikelihood = (typeof LIKELIHOODS)[number]
export type RiskImpact = (typeof IMPACTS)[number]
export type RiskSeverity = (typeof SEVERITIES)[number]
export type DataBreachProbability = 'improbable' | 'possible' | 'probable'

export interface MostRelevant {
  readonly dataAsset?: string
  readonly technicalAsset?: string
  readonly communicationLink?: string
  readonly trustBoundary?: string
  readonly sharedRuntime?: string
}

export interface ThreagileRisk {
  readonly category: string
  readonly syntheticId: string
  readonly title: string
  readonly severity: RiskSeverity
  readonly likelihood: RiskLikelihood
  readonly impact: RiskImpact
  readonly mostRelevant: MostRelevant
  readonly dataBreachProbability: DataBreachProbability
  readonly dataBreachTechnicalAssets: readonly string[]
}

export function calculateSeverity(likelihood: RiskLikelihood, impact: RiskImpact): RiskSeverity {
  const score = (LIKELIHOODS.indexOf(likelihood) + 1) * (IMPACTS.indexOf(impact) + 1)
  if (score <= 1) return 'low'
  if (score <= 3) return 'medium'
  if (score <= 8) return 'elevated'
  if (score <= 12) return 'high'
  return 'critical'
}

export interface RiskFacts {
  readonly title: string
  readonly likelihood: RiskLikelihood
  readonly impact: RiskImpact
  readonly mostRelevant: MostRelevant
  readonly dataBreachProbability: DataBreachProbability
  readonly dataBreachTechnicalAssets: readonly string[]
  /** The parts after `<category>@`, in the rule's own order (threagile-rules.md §1, last column). */
  readonly idParts: readonly string[]
}

export function createRisk(category: string, facts: RiskFacts): ThreagileRisk {
  return {
    category,
    syntheticId: [category, ...facts.idParts].join('@'),
    title: facts.title,
    severity: calculateSeverity(facts.likelihood, facts.impact),
    likelihood: facts.likelihood,
    impact: facts.impact,
    mostRelevant: facts.mostRelevant,
    dataBreachProbability: facts.dataBreachProbability,
    dataBreachTechnicalAssets: facts.dataBreachTechnicalAssets
  }
}
