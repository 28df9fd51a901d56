import { csvLine } from './csv-cell'
import { SEVERITY_LABELS, stateLabel } from './labels'
import type { Report, ThreatRow } from './report-types'

/** The columns, in order; the first line of every CSV report. Names chosen to map onto Jira and Azure DevOps fields. */
export const CSV_COLUMNS = [
  'Threat ID',
  'Title',
  'Description',
  'Category',
  'Diagram',
  'Target',
  'Target IDs',
  'Severity',
  'Severity source',
  'Priority',
  'Likelihood',
  'Impact',
  'State',
  'Open',
  'Justification',
  'Mitigations',
  'Owner',
  'Ticket',
  'Review date',
  'Changed by',
  'Changed at',
  'Rule'
] as const

/**
 * The threat register as CSV (RFC 4180: CRLF, every field quoted), one row per listed threat, for import
 * into an issue tracker. UTF-8 without a byte-order mark (Jira's importer reads it as is). Cells that a
 * spreadsheet would run as a formula are neutralised (csv-cell.ts). A summary-only report has no
 * register, so its CSV is the header alone.
 */
export function renderCsv(report: Report): string {
  const rows = report.details?.threats ?? []
  return [csvLine(CSV_COLUMNS), ...rows.map((row) => csvLine(threatCells(row)))].join('')
}

function threatCells(row: ThreatRow): readonly string[] {
  return [
    row.id,
    row.title,
    row.description,
    row.category,
    row.diagram ?? '',
    row.target.text,
    row.target.ids.join(' '),
    SEVERITY_LABELS[row.severity],
    row.severitySource,
    row.priority ?? '',
    row.likelihood ?? '',
    row.impact ?? '',
    // A threat whose element or interaction is gone is marked here, where a tracker maps the status, as the
    // HTML/Markdown register flags it OBSOLETE; the columns stay fixed for importers that map them by position.
    row.obsolete ? `${stateLabel(row.state)} (obsolete)` : stateLabel(row.state),
    row.isOpen ? 'yes' : 'no',
    row.justification,
    row.mitigations.map((mitigation) => `${mitigation.description} (${mitigation.status})`).join('\n'),
    row.owner ?? '',
    row.ticket ?? '',
    row.reviewDate ?? '',
    row.changedBy ?? '',
    row.changedAt ?? '',
    row.ruleId
  ]
}
