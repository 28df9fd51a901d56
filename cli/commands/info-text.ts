import { formatDiagnostic } from '../../model/diagnostics'
import type { InfoReport } from './info'

const STATE_LABELS: Readonly<Record<keyof InfoReport['threatsByState'], string>> = {
  notStarted: 'Not started',
  needsInvestigation: 'Needs investigation',
  notApplicable: 'Not applicable',
  mitigated: 'Mitigated',
  accepted: 'Accepted',
  unrecognized: 'Unrecognised state'
}

/** The human-readable `info` report: one fact per line, aligned, so it reads well in a terminal and a log. */
export function renderInfoText(report: InfoReport): string {
  const { counts } = report
  const lines = [
    `File:     ${report.file}`,
    `Title:    ${report.title}`,
    `Format:   ${report.format.label} (${report.format.id})`,
    `Template: ${report.template === null ? '(none)' : `${report.template.name} ${report.template.version} (${report.template.id})`}`,
    '',
    `Diagrams ${counts.diagrams}, elements ${counts.elements}, flows ${counts.flows}, boundaries ${counts.boundaries}, data assets ${counts.dataAssets}`,
    `Threats ${counts.threats} (definitions ${counts.threatDefinitions}), assumptions ${counts.assumptions}, notes ${counts.notes}`,
    '',
    'Threats by state:',
    ...(Object.keys(STATE_LABELS) as (keyof typeof STATE_LABELS)[]).map(
      (state) => `  ${STATE_LABELS[state].padEnd(20)} ${report.threatsByState[state]}`
    ),
    '',
    'Diagrams:',
    ...report.diagrams.map(
      (diagram) =>
        `  ${diagram.name} (${diagram.id}): ${diagram.elements} elements, ${diagram.flows} flows, ${diagram.boundaries} boundaries, ${diagram.threats} threats`
    ),
    ...(report.diagrams.length === 0 ? ['  (none)'] : []),
    '',
    report.diagnostics.length === 0 ? 'Diagnostics: none' : 'Diagnostics:',
    ...report.diagnostics.map((entry) => `  ${formatDiagnostic(entry)}`)
  ]
  return `${lines.join('\n')}\n`
}
