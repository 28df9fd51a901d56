import { buildReport } from '../../../reports/build-report'
import { renderCsv } from '../../../reports/render-csv'
import { renderHtml } from '../../../reports/render-html'
import { renderJson } from '../../../reports/render-json'
import { renderMarkdown } from '../../../reports/render-markdown'
import { renderSarif } from '../../../reports/render-sarif'
import type { ReportOptions } from '../../../reports/report-options'
import type { Report, ReportContext } from '../../../reports/report-types'
import type { ThreatModel } from '../../../model/model'
import { withExtension } from '../document/file-names'

export type ReportFormatId = 'html' | 'markdown' | 'csv' | 'json' | 'sarif'

/** A report format the page can write itself: the reports layer is pure, so no round trip to main. */
export interface ReportFormat {
  readonly id: ReportFormatId
  readonly label: string
  readonly extension: string
  readonly render: (report: Report) => string
  /** CSV and SARIF list threats only, so "executive summary only" means nothing to them (as in the CLI). */
  readonly hasSummaryOnly: boolean
}

/** The CLI's table (cli/commands/report-formats.ts) without PDF, which needs headless Chromium. */
export const REPORT_FORMATS: readonly ReportFormat[] = [
  { id: 'html', label: 'HTML', extension: 'html', render: renderHtml, hasSummaryOnly: true },
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

export function renderReport(model: ThreatModel, options: ReportOptions, context: ReportContext, formatId: ReportFormatId): string {
  return reportFormat(formatId).render(buildReport(model, options, context))
}

/** `web-shop.tm7` + Markdown → `web-shop-report.md`. */
export function reportFileName(documentFileName: string, formatId: ReportFormatId): string {
  return withExtension(documentFileName, `-report.${reportFormat(formatId).extension}`)
}
