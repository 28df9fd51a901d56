import { summarizeTemplate, type TemplateSummary } from '../../analysis/tmt-rules/template-summary'
import { formatDiagnostic, hasErrors, type Diagnostic, type Location } from '../../model/diagnostics'
import type { TemplateFormat } from '../../importers/template-format'

/**
 * What `info --json` prints for a template (.tb7): its identity and what analysis/tmt-rules/template-summary.ts
 * says of it (counts, disabled threat types with the reason, and/or precedence assumed, parts that never
 * match). `kind: "template"` tells it apart from a model's report. Documented in README.md.
 */
export interface TemplateInfoReport extends Omit<TemplateSummary, 'diagnostics'> {
  readonly kind: 'template'
  readonly file: string
  readonly format: { readonly id: string; readonly label: string }
  /** Identity is id + version + name: TMT reuses ids across templates. */
  readonly template: { readonly id: string; readonly name: string; readonly version: string; readonly author: string }
  readonly diagnostics: readonly { readonly code: string; readonly severity: Diagnostic['severity']; readonly message: string; readonly location: Location }[]
}

export type TemplateInfo = { readonly kind: 'read'; readonly report: TemplateInfoReport } | { readonly kind: 'failed'; readonly diagnostics: readonly Diagnostic[] }

export function templateInfo(path: string, bytes: Uint8Array, format: TemplateFormat): TemplateInfo {
  const read = format.read({ bytes, fileName: path })
  if (read.template === null || hasErrors(read.diagnostics)) return { kind: 'failed', diagnostics: read.diagnostics }
  const template = read.template
  const summary = summarizeTemplate(template)
  const located = (entry: Diagnostic): Diagnostic => (entry.location.file === undefined ? { ...entry, location: { ...entry.location, file: path } } : entry)
  return {
    kind: 'read',
    report: {
      kind: 'template',
      file: path,
      format: { id: format.id, label: format.label },
      template: { id: template.ref.id, name: template.ref.name, version: template.ref.version, author: template.author },
      counts: summary.counts,
      rules: summary.rules,
      diagnostics: [...read.diagnostics, ...summary.diagnostics].map(located)
    }
  }
}

export function renderTemplateInfoText(report: TemplateInfoReport): string {
  const { counts, rules } = report
  const lines = [
    `File:     ${report.file}`,
    `Template: ${report.template.name} ${report.template.version} (${report.template.id})${report.template.author === '' ? '' : `, by ${report.template.author}`}`,
    `Format:   ${report.format.label} (${report.format.id})`,
    '',
    `Element types ${counts.elementTypes} (generic ${counts.genericElementTypes}), threat categories ${counts.threatCategories}, threat types ${counts.threatTypes}, threat properties ${counts.threatProperties}`,
    '',
    `Rules: ${rules.disabled.length} threat type${rules.disabled.length === 1 ? '' : 's'} disabled (rule does not parse), ${rules.andOrWithoutParentheses} mixing and/or without parentheses, ${rules.neverMatching} that can never match as written`,
    ...rules.disabled.map((entry) => `  disabled: ${entry.threatTypeId} (${entry.title})`),
    '',
    report.diagnostics.length === 0 ? 'Diagnostics: none' : 'Diagnostics:',
    ...report.diagnostics.map((entry) => `  ${formatDiagnostic(entry)}`)
  ]
  return `${lines.join('\n')}\n`
}
