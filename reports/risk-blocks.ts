import { THREAT_STATES } from '../model/enums'
import { cellOf, heading, linesCell, paragraph, type Block, type Cell } from './document-blocks'
import { SEVERITY_LABELS, STATE_LABELS, stateLabel } from './labels'
import type { ReportDetails, ThreatRow } from './report-types'
import { SECTIONS } from './section-titles'

/** Sections J, K, L and O: threat register, accepted risks, residual risk, open questions. */
export function riskBlocks(details: ReportDetails): readonly Block[] {
  return [...threatRegister(details), ...acceptedRisks(details), ...residualRisk(details), ...openQuestions(details)]
}

function threatRegister(details: ReportDetails): readonly Block[] {
  return [
    heading(2, SECTIONS.threats.id, SECTIONS.threats.title),
    paragraph(`${details.threats.length} threat(s), most severe first. Threat IDs are the model's own and stay stable across reports.`),
    {
      kind: 'table',
      caption: 'Threats',
      columns: ['ID', 'Threat', 'Category', 'Element / interaction', 'Severity', 'Likelihood / impact', 'State', 'Justification', 'Mitigations', 'Owner', 'Ticket', 'Review date'],
      rows: details.threats.map((row) => [
        [{ kind: 'code', text: row.id }, ...(row.obsolete ? [{ kind: 'break' } as const, { kind: 'flag', text: 'OBSOLETE' } as const] : [])],
        [{ kind: 'strong', text: row.title }, ...(row.description.trim() === '' ? [] : [{ kind: 'break' } as const, row.description]), { kind: 'break' }, `Rule: ${row.ruleId}`],
        [row.category],
        [row.target.text, ...(row.diagram === null ? [] : [{ kind: 'break' } as const, `on ${row.diagram}`])],
        severityCell(row),
        [`${row.likelihood ?? '?'} / ${row.impact ?? '?'}`],
        [stateLabel(row.state)],
        cellOf(row.justification, row.isOpen ? 'none yet' : 'to be completed'),
        linesCell(row.mitigations.map((mitigation) => `${mitigation.description} (${mitigation.status || 'status not given'})`), 'none recorded'),
        cellOf(row.owner, 'no owner'),
        cellOf(row.ticket, 'none'),
        cellOf(row.reviewDate, 'none')
      ])
    }
  ]
}

function severityCell(row: ThreatRow): Cell {
  const label = SEVERITY_LABELS[row.severity]
  const raw = row.severityRaw === null ? '' : ` (source says "${row.severityRaw}")`
  return [row.severitySource === 'priority' ? `${label} (from priority)` : `${label}${raw}`]
}

function acceptedRisks(details: ReportDetails): readonly Block[] {
  return [
    heading(2, SECTIONS.acceptedRisks.id, SECTIONS.acceptedRisks.title),
    paragraph('The approver is the threat\'s owner, else whoever last changed it. A review date before the report date is flagged OVERDUE.'),
    {
      kind: 'table',
      caption: 'Accepted risks',
      columns: ['Threat', 'Target', 'Severity', 'Justification', 'Approver', 'Approved at', 'Review / expiry date'],
      rows: details.acceptedRisks.map((risk) => [
        [{ kind: 'code', text: risk.threatId }, ' ', risk.title],
        [risk.target],
        [SEVERITY_LABELS[risk.severity]],
        cellOf(risk.justification),
        cellOf(risk.approver),
        cellOf(risk.approvedAt),
        risk.reviewDate === null
          ? [{ kind: 'missing', text: 'no review date set' }]
          : [risk.reviewDate, ...(risk.overdue ? [' ', { kind: 'flag', text: 'OVERDUE' } as const] : [])]
      ])
    }
  ]
}

function residualRisk(details: ReportDetails): readonly Block[] {
  const { residualRisk: residual } = details
  const states = [...THREAT_STATES, 'unrecognized' as const]
  return [
    heading(2, SECTIONS.residualRisk.id, SECTIONS.residualRisk.title),
    {
      kind: 'table',
      caption: 'Threats by severity and state',
      columns: ['Severity', ...states.map((state) => STATE_LABELS[state])],
      rows: residual.matrix.map((row) => [[SEVERITY_LABELS[row.severity]], ...states.map((state) => [String(row.byState[state])])])
    },
    paragraph({ kind: 'strong', text: `${residual.openAtHighOrAbove} open threat(s) rated high or critical.` }),
    { kind: 'fields', rows: [{ label: 'Residual-risk conclusion', value: cellOf(residual.conclusion, 'to be completed by the risk owner') }] }
  ]
}

function openQuestions(details: ReportDetails): readonly Block[] {
  const questions = details.openQuestions
  return [
    heading(2, SECTIONS.openQuestions.id, SECTIONS.openQuestions.title),
    heading(3, 'notes', 'Notes'),
    questions.notes.length === 0
      ? paragraph('No notes.')
      : {
          kind: 'table',
          caption: 'Notes',
          columns: ['ID', 'Note', 'Author', 'Date'],
          rows: questions.notes.map((note) => [[{ kind: 'code', text: note.id }], [note.text], cellOf(note.author, 'not recorded'), cellOf(note.createdAt, 'undated')])
        },
    heading(3, 'model-issues', 'Model issues'),
    questions.modelIssues.length === 0
      ? paragraph('None found.')
      : { kind: 'list', items: questions.modelIssues.map((entry) => [{ kind: 'strong', text: entry.subject }, `: ${entry.issue}`]) },
    heading(3, 'reading-messages', 'Messages from reading the file'),
    questions.diagnostics.length === 0
      ? paragraph('None.')
      : { kind: 'list', items: questions.diagnostics.map((entry) => [{ kind: 'code', text: entry.code }, ' ', entry.text]) }
  ]
}
