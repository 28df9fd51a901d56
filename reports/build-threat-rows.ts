import { obsoleteChecker } from '../analysis/obsolete-threats'
import type { Threat, ThreatDefinition, ThreatModel, ThreatTarget } from '../model/model'
import { categoryLabel } from './labels'
import { nonEmpty } from './metadata-keys'
import type { ModelNames } from './model-names'
import type { ThreatRow, ThreatTargetText } from './report-types'
import { isOpenThreat, severityRank, threatSeverity } from './threat-severity'

/** One register row per threat, with names resolved and the rule it came from. */
export function buildThreatRows(model: ThreatModel, threats: readonly Threat[], names: ModelNames): readonly ThreatRow[] {
  const definitions = new Map<string, ThreatDefinition>(model.threatDefinitions.map((definition) => [definition.id, definition]))
  const isObsolete = obsoleteChecker(model)
  return threats.map((threat) => threatRow(threat, definitions, names, isObsolete(threat)))
}

/** Most severe first; ties by id, so the order never depends on the file's order of threats. */
export function bySeverityThenId(left: ThreatRow, right: ThreatRow): number {
  const rank = severityRank(right.severity) - severityRank(left.severity)
  if (rank !== 0) return rank
  return left.id < right.id ? -1 : left.id > right.id ? 1 : 0
}

function threatRow(
  threat: Threat,
  definitions: ReadonlyMap<string, ThreatDefinition>,
  names: ModelNames,
  obsolete: boolean
): ThreatRow {
  const definition = threat.definitionId === null ? undefined : definitions.get(threat.definitionId)
  const { severity, source } = threatSeverity(threat)
  const category = threat.category.value ?? threat.category.raw ?? 'uncategorised'
  return {
    id: threat.id,
    title: nonEmpty(threat.title) ?? definition?.title ?? threat.id,
    description: threat.description,
    category: categoryLabel(category),
    diagramId: threat.diagramId,
    diagram: names.diagram(threat.diagramId),
    target: targetText(threat.target, names),
    severity,
    severitySource: source,
    severityRaw: threat.severity !== null && threat.severity.value === null ? threat.severity.raw : null,
    priority: threat.priority === null ? null : (threat.priority.value ?? threat.priority.raw),
    likelihood: threat.likelihood === null ? null : (threat.likelihood.value ?? threat.likelihood.raw),
    impact: threat.impact === null ? null : (threat.impact.value ?? threat.impact.raw),
    state: threat.state.value ?? threat.state.raw ?? 'unrecognized',
    isOpen: isOpenThreat(threat),
    justification: threat.justification,
    mitigations: threat.mitigations.map((mitigation) => ({ description: mitigation.description, status: mitigation.status })),
    owner: nonEmpty(threat.owner),
    ticket: nonEmpty(threat.ticket),
    reviewDate: threat.reviewDate,
    changedBy: nonEmpty(threat.changedBy),
    changedAt: threat.changedAt,
    ruleId: ruleId(threat, category),
    ruleTitle: definition?.title ?? categoryLabel(category),
    ruleDescription: definition?.description ?? '',
    ruleMitigations: definition?.mitigations ?? '',
    references: definition?.references ?? [],
    obsolete
  }
}

/** The rule a threat is an instance of (SARIF's ruleId): its definition, else the generating rule, else manual. */
function ruleId(threat: Threat, category: string): string {
  if (threat.definitionId !== null) return threat.definitionId
  if (threat.origin.kind === 'generated') return `${threat.origin.engine}/${threat.origin.ruleId}`
  return `manual/${category}`
}

function targetText(target: ThreatTarget, names: ModelNames): ThreatTargetText {
  switch (target.kind) {
    case 'element':
      return { kind: 'element', ids: [target.elementId], text: names.item(target.elementId) }
    case 'flow': {
      const ends = names.flowEnds(target.flowId)
      return { kind: 'flow', ids: [target.flowId], text: flowText(names, target.flowId, ends?.source ?? null, ends?.target ?? null) }
    }
    case 'interaction':
      return {
        kind: 'interaction',
        ids: [target.flowId, ...[target.sourceId, target.targetId].filter((id) => id !== null)],
        text: flowText(names, target.flowId, target.sourceId, target.targetId)
      }
    case 'boundary':
      return { kind: 'boundary', ids: [target.boundaryId], text: `Boundary ${names.item(target.boundaryId)}` }
    case 'dataAsset':
      return { kind: 'dataAsset', ids: [target.dataAssetId], text: `Data asset ${names.item(target.dataAssetId)}` }
    case 'model':
      return { kind: 'model', ids: [], text: 'The whole model' }
  }
}

function flowText(names: ModelNames, flowId: string, sourceId: string | null, targetId: string | null): string {
  return `${names.item(flowId)} (${names.item(sourceId)} → ${names.item(targetId)})`
}
