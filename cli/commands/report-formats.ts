import { renderCsv } from '../../reports/render-csv'
import { renderHtml } from '../../reports/render-html'
import { renderJson } from '../../reports/render-json'
import { renderMarkdown } from '../../reports/render-markdown'
import { renderSarif } from '../../reports/render-sarif'
import type { Report } from '../../reports/report-types'

export interface ReportFormat {
  readonly id: 'html' | 'pdf' | 'md' | 'csv' | 'json' | 'sarif'
  /** Output extensions that imply this format when --format is not given. */
  readonly extensions: readonly string[]
  /** Null for PDF, which is HTML printed by Chromium (node-io/chromium-pdf.ts). */
  readonly render: ((report: Report) => string) | null
  /** Formats that list threats make no sense as a summary only. */
  readonly hasSummaryOnly: boolean
}

/** The report formats, in the order help lists them. */
export const reportFormats: readonly ReportFormat[] = [
  { id: 'html', extensions: ['.html', '.htm'], render: renderHtml, hasSummaryOnly: true },
  { id: 'pdf', extensions: ['.pdf'], render: null, hasSummaryOnly: true },
  { id: 'md', extensions: ['.md', '.markdown'], render: renderMarkdown, hasSummaryOnly: true },
  { id: 'csv', extensions: ['.csv'], render: renderCsv, hasSummaryOnly: false },
  { id: 'json', extensions: ['.json'], render: renderJson, hasSummaryOnly: true },
  { id: 'sarif', extensions: ['.sarif', '.sarif.json'], render: renderSarif, hasSummaryOnly: false }
]

/** The format named by --format, else the one the output's extension implies (longest match wins). */
export function chooseReportFormat(requested: string | undefined, outputPath: string): ReportFormat | null {
  if (requested !== undefined) return reportFormats.find((format) => format.id === requested.toLowerCase()) ?? null
  const name = outputPath.toLowerCase()
  let best: { format: ReportFormat; length: number } | null = null
  for (const format of reportFormats) {
    for (const extension of format.extensions) {
      if (name.endsWith(extension) && (best === null || extension.length > best.length)) best = { format, length: extension.length }
    }
  }
  return best?.format ?? null
}
