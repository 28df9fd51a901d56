import type { JsonValue } from '../../model/json'
import { IMPACTS, LIKELIHOODS, SEVERITIES, type DataBreachProbability, type ThreagileRisk } from './threagile-risk'
import { objectAt, stringsAt } from './threagile-view'

/** A manual ("individual") risk category from the model, as the rules table describes built-in ones. */
export interface ManualCategory {
  readonly id: string
  readonly title: string
  readonly stride: string
  readonly function: string
  readonly cwe: number
  readonly description: string
  readonly mitigation: string
}

/**
 * Risks stated by hand in `individual_risk_categories` (kept by importers/threagile in the model's
 * extensions.threagile; HEAD's custom_risk_categories arrive in the same map shape). v1 parse rules
 * (`main.go` parseModel, threagile-schema.md §7): severity defaults to medium, likelihood to likely,
 * impact to medium, data breach probability to possible; the id is
 * category@asset@link@boundary@runtime@data with only the parts that are set.
 */
export function manualRisks(bag: JsonValue | undefined): { categories: ManualCategory[]; risks: ThreagileRisk[] } {
  const categories: ManualCategory[] = []
  const risks: ThreagileRisk[] = []
  for (const [title, value] of Object.entries(objectAt(bag, 'individual_risk_categories'))) {
    const category = objectAt(value)
    const id = text(category.id)
    categories.push({
      id, title, stride: text(category.stride), function: text(category.function),
      cwe: typeof category.cwe === 'number' ? category.cwe : 0, description: text(category.description), mitigation: text(category.mitigation)
    })
    for (const [riskTitle, riskValue] of Object.entries(objectAt(category, 'risks_identified'))) {
      const risk = objectAt(riskValue)
      const mostRelevant = {
        technicalAsset: text(risk.most_relevant_technical_asset),
        communicationLink: text(risk.most_relevant_communication_link),
        trustBoundary: text(risk.most_relevant_trust_boundary),
        sharedRuntime: text(risk.most_relevant_shared_runtime),
        dataAsset: text(risk.most_relevant_data_asset)
      }
      const likelihood = oneOf(LIKELIHOODS, risk.exploitation_likelihood, 'likely')
      const impact = oneOf(IMPACTS, risk.exploitation_impact, 'medium')
      const parts = [mostRelevant.technicalAsset, mostRelevant.communicationLink, mostRelevant.trustBoundary, mostRelevant.sharedRuntime, mostRelevant.dataAsset]
      risks.push({
        category: id,
        syntheticId: [id, ...parts.filter((part) => part !== '')].join('@'),
        title: riskTitle,
        // Stated, not computed: manual risks are the only way to reach "critical" (rules §0.1).
        severity: oneOf(SEVERITIES, risk.severity, 'medium'),
        likelihood,
        impact,
        mostRelevant: Object.fromEntries(Object.entries(mostRelevant).filter(([, part]) => part !== '')),
        dataBreachProbability: oneOf(['improbable', 'possible', 'probable'] as const, risk.data_breach_probability, 'possible') as DataBreachProbability,
        dataBreachTechnicalAssets: stringsAt(risk.data_breach_technical_assets)
      })
    }
  }
  return { categories, risks }
}

function text(value: JsonValue | undefined): string {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : ''
}

function oneOf<Value extends string>(values: readonly Value[], raw: JsonValue | undefined, fallback: Value): Value {
  return typeof raw === 'string' && (values as readonly string[]).includes(raw) ? (raw as Value) : fallback
}
