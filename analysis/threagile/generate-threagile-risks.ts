import { diagnostic, type Diagnostic } from '../../model/diagnostics'
import { asId, type BoundaryId, type DataAssetId, type DiagramId, type ElementId, type FlowId, type ThreatDefinitionId, type ThreatId } from '../../model/ids'
import type { ThreatModel, Threat, ThreatDefinition, ThreatTarget } from '../../model/model'
import { normalizeImpact, normalizeLikelihood, normalizeSeverity, normalizeStrideCategory, normalizeThreatState } from '../../model/normalize-enums'
import { manualRisks, type ManualCategory } from './manual-risks'
import { relativeAttackerAttractiveness } from './relative-attacker-attractiveness'
import { applyRiskTracking, type RiskTracking } from './risk-tracking'
import type { ThreagileRisk } from './threagile-risk'
import { THREAGILE_RULES } from './threagile-rules'
import { ThreagileView } from './threagile-view'

/** The engine name in `Threat.origin` for everything this module produces. */
export const THREAGILE_ENGINE = 'threagile'

export interface ThreagileRiskResult {
  /** One threat per distinct synthetic id, in rule order (built-in rules, then manual categories). */
  readonly threats: Threat[]
  /** One definition per category that produced a threat (`Threat.definitionId` points at it). */
  readonly threatDefinitions: ThreatDefinition[]
  readonly diagnostics: Diagnostic[]
}

/**
 * Threagile v1's risk generation on a model (threagile-rules.md): the 42 built-in rules, the model's
 * manual risk categories, and its risk_tracking. Pure; reads the model as importers/threagile writes it
 * (see CONTEXT.md), so models from other formats are analysed with Threagile's zero-value defaults.
 */
export function generateThreagileRisks(model: ThreatModel): ThreagileRiskResult {
  const view = new ThreagileView(model)
  view.setRaa(relativeAttackerAttractiveness(view))
  const bag = model.extensions.threagile
  const manual = manualRisks(bag)
  const risks = [...THREAGILE_RULES.flatMap((rule) => rule.generate(view)), ...manual.risks]
  const tracking = applyRiskTracking(bag, risks.map((risk) => risk.syntheticId))
  const diagnostics: Diagnostic[] = tracking.orphans.map((key) =>
    diagnostic('threagile.risk-tracking-orphan', 'warning', `risk_tracking entry "${key}" matches no risk (Threagile stops here unless --ignore-orphaned-risk-tracking)`, { path: `extensions.threagile.risk_tracking.${key}` })
  )

  const strides = new Map<string, string>([...THREAGILE_RULES.map((rule) => [rule.id, rule.stride] as const), ...manual.categories.map((category) => [category.id, category.stride] as const)])
  const strideOf = (category: string): string => strides.get(category) ?? ''
  const occurrences = new Map<string, number>()
  for (const risk of risks) occurrences.set(risk.syntheticId, (occurrences.get(risk.syntheticId) ?? 0) + 1)
  const threats: Threat[] = []
  const emitted = new Set<string>()
  for (const risk of risks) {
    if (emitted.has(risk.syntheticId)) continue
    emitted.add(risk.syntheticId)
    const count = occurrences.get(risk.syntheticId) ?? 1
    if (count > 1) {
      // v1 lists such risks several times in risks.json (e.g. push-instead-of-pull-deployment, rules §2 #25); a threat id is unique.
      diagnostics.push(diagnostic('threagile.duplicate-risk-id', 'info', `Threagile generates risk "${risk.syntheticId}" ${count} times; it is listed once`))
    }
    threats.push(toThreat(model, view, risk, tracking.byRiskId.get(risk.syntheticId), count, strideOf))
  }
  const used = new Set(threats.map((threat) => threat.origin.kind === 'generated' ? threat.origin.ruleId : ''))
  const threatDefinitions = [...THREAGILE_RULES.map(builtInDefinition), ...manual.categories.map(manualDefinition)].filter((definition) => used.has(definition.id))
  return { threats, threatDefinitions, diagnostics }
}

function toThreat(model: ThreatModel, view: ThreagileView, risk: ThreagileRisk, tracking: RiskTracking | undefined, occurrences: number, strideOf: (category: string) => string): Threat {
  const builtIn = THREAGILE_RULES.some((candidate) => candidate.id === risk.category)
  const target = threatTarget(view, risk)
  return {
    id: asId<ThreatId>(risk.syntheticId),
    definitionId: asId<ThreatDefinitionId>(risk.category),
    title: plainText(risk.title),
    description: '',
    category: normalizeStrideCategory(strideOf(risk.category)),
    target,
    diagramId: diagramOf(model, target),
    state: tracking === undefined ? { value: 'notStarted', raw: 'unchecked' } : normalizeThreatState(tracking.status),
    priority: null,
    severity: normalizeSeverity(risk.severity),
    likelihood: normalizeLikelihood(risk.likelihood),
    impact: normalizeImpact(risk.impact),
    justification: tracking?.justification ?? '',
    mitigations: [],
    owner: '',
    ticket: tracking?.ticket ?? '',
    reviewDate: tracking === undefined || tracking.date === '' ? null : tracking.date,
    changedBy: tracking === undefined || tracking.checkedBy === '' ? null : tracking.checkedBy,
    changedAt: null,
    origin: { kind: 'generated', engine: THREAGILE_ENGINE, ruleId: risk.category },
    customProperties: [],
    extensions: {
      threagile: {
        synthetic_id: risk.syntheticId,
        title: risk.title,
        risk_status: tracking?.status ?? 'unchecked',
        ...(tracking === undefined ? {} : { risk_tracking_key: tracking.key }),
        most_relevant_technical_asset: risk.mostRelevant.technicalAsset ?? '',
        most_relevant_communication_link: risk.mostRelevant.communicationLink ?? '',
        most_relevant_trust_boundary: risk.mostRelevant.trustBoundary ?? '',
        most_relevant_shared_runtime: risk.mostRelevant.sharedRuntime ?? '',
        most_relevant_data_asset: risk.mostRelevant.dataAsset ?? '',
        data_breach_probability: risk.dataBreachProbability,
        data_breach_technical_assets: [...risk.dataBreachTechnicalAssets],
        manual: !builtIn,
        occurrences
      }
    }
  }
}

/** The most relevant part: a link (as an interaction), else an asset, boundary, data asset; shared runtimes have no model kind. */
function threatTarget(view: ThreagileView, risk: ThreagileRisk): ThreatTarget {
  const { communicationLink, technicalAsset, trustBoundary, dataAsset } = risk.mostRelevant
  if (communicationLink !== undefined && communicationLink !== '') {
    const link = [...view.assets.values()].flatMap((asset) => asset.links).find((candidate) => candidate.id === communicationLink)
    return {
      kind: 'interaction',
      sourceId: link === undefined ? null : asId<ElementId>(link.sourceId),
      flowId: asId<FlowId>(communicationLink),
      targetId: link === undefined ? null : asId<ElementId>(link.targetId)
    }
  }
  if (technicalAsset !== undefined && technicalAsset !== '') return { kind: 'element', elementId: asId<ElementId>(technicalAsset) }
  if (trustBoundary !== undefined && trustBoundary !== '') return { kind: 'boundary', boundaryId: asId<BoundaryId>(trustBoundary) }
  if (dataAsset !== undefined && dataAsset !== '') return { kind: 'dataAsset', dataAssetId: asId<DataAssetId>(dataAsset) }
  return { kind: 'model' }
}

function diagramOf(model: ThreatModel, target: ThreatTarget): DiagramId | null {
  const holds = (ids: readonly string[], id: string): boolean => ids.includes(id)
  for (const diagram of model.diagrams) {
    const ids =
      target.kind === 'element' ? diagram.elements.map((element) => element.id)
      : target.kind === 'interaction' || target.kind === 'flow' ? diagram.flows.map((flow) => flow.id)
      : target.kind === 'boundary' ? diagram.boundaries.map((boundary) => boundary.id)
      : []
    const id = target.kind === 'element' ? target.elementId : target.kind === 'interaction' || target.kind === 'flow' ? target.flowId : target.kind === 'boundary' ? target.boundaryId : ''
    if (holds(ids, id)) return diagram.id
  }
  return null
}

function builtInDefinition(rule: (typeof THREAGILE_RULES)[number]): ThreatDefinition {
  return {
    id: asId<ThreatDefinitionId>(rule.id),
    title: rule.title,
    description: '',
    category: normalizeStrideCategory(rule.stride),
    defaultPriority: null,
    mitigations: '',
    references: [`CWE-${rule.cwe}`],
    extensions: { threagile: { function: rule.function, cwe: rule.cwe, model_failure_possible_reason: rule.modelFailurePossibleReason } }
  }
}

function manualDefinition(category: ManualCategory): ThreatDefinition {
  return {
    id: asId<ThreatDefinitionId>(category.id),
    title: category.title,
    description: category.description,
    category: normalizeStrideCategory(category.stride),
    defaultPriority: null,
    mitigations: category.mitigation,
    references: category.cwe > 0 ? [`CWE-${category.cwe}`] : [],
    extensions: { threagile: { function: category.function, cwe: category.cwe, manual: true } }
  }
}

/** Risk titles are HTML (`<b>…</b>`); the threat title is plain text, the HTML stays in extensions. */
function plainText(html: string): string {
  return html.replace(/<[^>]*>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&')
}
