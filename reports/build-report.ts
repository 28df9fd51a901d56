import type { Diagram, Threat, ThreatModel, ThreatTarget } from '../model/model'
import { buildReportDiagram, isFlowOutOfScope } from './build-diagrams'
import { buildChangeHistory, buildDocumentControl, buildSignOff } from './build-document-control'
import { buildMethod } from './build-method'
import { buildOpenQuestions } from './build-open-questions'
import { buildDataAssets, buildScope } from './build-scope'
import { buildExecutiveSummary, buildResidualRisk } from './build-summary'
import { buildThreatRows, bySeverityThenId } from './build-threat-rows'
import { customValue, METADATA_KEYS, nonEmpty } from './metadata-keys'
import { modelNames } from './model-names'
import type { ReportOptions } from './report-options'
import type { AcceptedRiskRow, Omissions, Report, ReportContext, ThreatRow } from './report-types'

/**
 * The report of a model (audit-report.md §2, sections A–L, O and Q's inputs). Pure and deterministic:
 * the same model, options and context give the same report, because `context.generatedAt` is the only
 * clock and every list has a fixed order. Never throws on a valid model.
 *
 * `options.diagramId` that names no diagram gives a report with no diagrams and no threats; callers
 * that take the id from a user check it first (the CLI does).
 */
export function buildReport(model: ThreatModel, options: ReportOptions, context: ReportContext): Report {
  const names = modelNames(model)
  const diagrams = options.diagramId === null ? model.diagrams : model.diagrams.filter((diagram) => diagram.id === options.diagramId)
  const inScopeOfDiagram = (threat: Threat): boolean => options.diagramId === null || threat.diagramId === options.diagramId
  const scopedThreats = model.threats.filter(inScopeOfDiagram)
  const allRows = buildThreatRows(model, scopedThreats, names)
  const isOverdue = (row: { readonly reviewDate: string | null }): boolean => isReviewOverdue(row.reviewDate, context.generatedAt)

  const report: Omit<Report, 'details'> = {
    source: {
      modelId: model.id,
      modelFileName: context.modelFileName,
      modelSha256: context.modelSha256,
      modelHash: context.modelHash ?? { kind: 'file' },
      generatedAt: context.generatedAt,
      generator: context.generator
    },
    options,
    documentControl: buildDocumentControl(model, context),
    changeHistory: buildChangeHistory(model),
    signOff: buildSignOff(model),
    executiveSummary: buildExecutiveSummary(model, diagrams, allRows, isOverdue)
  }
  if (options.summaryOnly) return { ...report, details: null }

  const outOfScope = outOfScopeTargets(diagrams)
  const reason = (threat: Threat): keyof Omissions | null => {
    if (!options.includeOutOfScope && targetsOutOfScope(threat.target, outOfScope)) return 'outOfScopeThreats'
    if (!options.includeMitigated && threat.state.value === 'mitigated') return 'mitigatedThreats'
    if (!options.includeNotApplicable && threat.state.value === 'notApplicable') return 'notApplicableThreats'
    return null
  }
  const listedIds = new Set<string>(scopedThreats.filter((threat) => reason(threat) === null).map((threat) => threat.id))
  const rows = allRows.filter((row) => listedIds.has(row.id)).sort(bySeverityThenId)
  const keptItems = keptItemIds(diagrams, options.includeOutOfScope)

  return {
    ...report,
    details: {
      scope: buildScope(model, diagrams),
      method: buildMethod(model),
      dataAssets: buildDataAssets(model, diagrams, names, (id) => keptItems.has(id)),
      diagrams: diagrams.map((diagram) =>
        buildReportDiagram(diagram, { includeOutOfScope: options.includeOutOfScope, includeDrawing: options.includeDiagrams }, names)
      ),
      assumptions: model.assumptions.map((assumption) => ({
        id: assumption.id,
        title: assumption.title,
        description: assumption.description
      })),
      threats: rows,
      acceptedRisks: rows.filter((row) => row.state === 'accepted').map((row) => acceptedRisk(row, isOverdue(row))),
      residualRisk: buildResidualRisk(allRows, customValue(model.metadata.custom, METADATA_KEYS.residualRiskConclusion)),
      openQuestions: buildOpenQuestions(model, rows, context.diagnostics ?? []),
      omitted: omissions(model, diagrams, scopedThreats, reason, options)
    }
  }
}

/**
 * A review date is overdue once the report's generation day is past it. Dates compare as text: both are
 * ISO 8601, whose `YYYY-MM-DD` prefix sorts chronologically; time zones beyond the day are ignored.
 */
export function isReviewOverdue(reviewDate: string | null, generatedAt: string): boolean {
  if (reviewDate === null) return false
  return reviewDate.slice(0, 10) < generatedAt.slice(0, 10)
}

function acceptedRisk(row: ThreatRow, overdue: boolean): AcceptedRiskRow {
  return {
    threatId: row.id,
    title: row.title,
    target: row.target.text,
    severity: row.severity,
    justification: nonEmpty(row.justification),
    approver: row.owner ?? row.changedBy,
    approvedAt: row.changedAt,
    reviewDate: row.reviewDate,
    overdue
  }
}

interface OutOfScopeTargets {
  readonly elements: ReadonlySet<string>
  readonly flows: ReadonlySet<string>
}

function outOfScopeTargets(diagrams: readonly Diagram[]): OutOfScopeTargets {
  const elements = new Set<string>()
  const flows = new Set<string>()
  for (const diagram of diagrams) {
    for (const element of diagram.elements) if (element.outOfScope) elements.add(element.id)
    for (const flow of diagram.flows) if (isFlowOutOfScope(flow, diagram)) flows.add(flow.id)
  }
  return { elements, flows }
}

function targetsOutOfScope(target: ThreatTarget, outOfScope: OutOfScopeTargets): boolean {
  switch (target.kind) {
    case 'element':
      return outOfScope.elements.has(target.elementId)
    case 'flow':
    case 'interaction':
      return outOfScope.flows.has(target.flowId)
    default:
      return false
  }
}

function keptItemIds(diagrams: readonly Diagram[], includeOutOfScope: boolean): ReadonlySet<string> {
  const kept = new Set<string>()
  for (const diagram of diagrams) {
    for (const element of diagram.elements) if (includeOutOfScope || !element.outOfScope) kept.add(element.id)
    for (const flow of diagram.flows) if (includeOutOfScope || !isFlowOutOfScope(flow, diagram)) kept.add(flow.id)
  }
  return kept
}

/** Each left-out threat is counted once, under the first reason that applies (out of scope, mitigated, not applicable). */
function omissions(
  model: ThreatModel,
  diagrams: readonly Diagram[],
  scopedThreats: readonly Threat[],
  reason: (threat: Threat) => keyof Omissions | null,
  options: ReportOptions
): Omissions {
  const counts = { mitigatedThreats: 0, notApplicableThreats: 0, outOfScopeThreats: 0 }
  for (const threat of scopedThreats) {
    const why = reason(threat)
    if (why === 'mitigatedThreats' || why === 'notApplicableThreats' || why === 'outOfScopeThreats') counts[why] += 1
  }
  return {
    ...counts,
    outOfScopeElements: options.includeOutOfScope
      ? 0
      : diagrams.reduce((sum, diagram) => sum + diagram.elements.filter((element) => element.outOfScope).length, 0),
    otherDiagrams: model.diagrams.length - diagrams.length,
    threatsOutsideDiagram: model.threats.length - scopedThreats.length
  }
}
