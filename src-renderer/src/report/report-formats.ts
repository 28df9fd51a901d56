import { renderCsv } from '../../../reports/render-csv'
import { renderHtml } from '../../../reports/render-html'
import { renderJson } from '../../../reports/render-json'
import { renderMarkdown } from '../../../reports/render-markdown'
import { renderSarif } from '../../../reports/render-sarif'
import type { Report } from '../../../reports/report-types'
import { withExtension } from '../document/file-names'

export type ReportFormatId = 'html' | 'pdf' | 'markdown' | 'csv' | 'json' | 'sarif'

/** A report format of Export report: the page renders every one itself (the reports layer is pure)… */
export interface ReportFormat {
  readonly id: ReportFormatId
  readonly label: string
  readonly extension: string
  /** …except PDF (null): the page renders the HTML report and main prints it (`report:print-pdf`). */
  readonly render: ((report: Report) => string) | null
  /** CSV and SARIF list threats only, so "executive summary only" means nothing to them (as in the CLI). */
  readonly hasSummaryOnly: boolean
}

/** The CLI's table (cli/commands/report-formats.ts), in the same order. */
export const REPORT_FORMATS: readonly ReportFormat[] = [
  { id: 'html', label: 'HTML', extension: 'html', render: renderHtml, hasSummaryOnly: true },
  { id: 'pdf', label: 'PDF', extension: 'pdf', render: null, hasSummaryOnly: true },
  { id: 'markdown', label: 'Markdown', extension: 'md', render: renderMarkdown, hasSummaryOnly: true },
  { id: 'csv', label: 'CSV (threat list)', extension: 'csv', render: renderCsv, hasSummaryOnly: false },
  { id: 'json', label: 'JSON', extension: 'json', render: renderJson, hasSummaryOnly: true },
  { id: 'sarif', label: 'SARIF 2.1.0', extension: 'sarif', render: renderSarif, hasSummaryOnly: false }
]

export function reportFormat(id: ReportFormatId): ReportFormat {
  const format = REPORT_FORMATS.find((each) => each.id === id)
  if (!format) throw new Error(`unknown report format ${id}`)
  return format
}

/** `web-shop.tm7` + Markdown → `web-shop-report.md`. */
export function reportFileName(documentFileName: string, formatId: ReportFormatId): string {
  return withExtension(documentFileName, `-report.${reportFormat(formatId).extension}`)
}
