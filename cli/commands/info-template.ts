import { checkTemplateRules } from '../../analysis/tmt-rules/check-template'
import { compileTemplate } from '../../analysis/tmt-rules/compile-template'
import { formatDiagnostic, hasErrors, type Diagnostic, type Location } from '../../model/diagnostics'
import type { Template } from '../../model/template'
import { templateFormats } from '../../importers/registry'
import type { TemplateFormat } from '../../importers/template-format'
import { decodeForDetection } from '../../importers/text/decode-text'

/**
 * What `info --json` prints for a template (.tb7): its identity, what it defines, and how its rules
 * fare in Threatwright's rule engine: the threat types disabled because their rule does not parse
 * (listed with the reason, as issue 4 asks) and the rules whose and/or precedence had to be assumed.
 * `kind: "template"` tells it apart from a model's report. Documented in README.md.
 */
export interface TemplateInfoReport {
  readonly kind: 'template'
  readonly file: string
  readonly format: { readonly id: string; readonly label: string }
  /** Identity is id + version + name: TMT reuses ids across templates. */
  readonly template: { readonly id: string; readonly name: string; readonly version: string; readonly author: string }
  readonly counts: {
    readonly elementTypes: number
    /** The abstract roots rules refer to (GE.P, GE.DS…), included in elementTypes. */
    readonly genericElementTypes: number
    readonly threatCategories: number
    readonly threatTypes: number
    readonly threatProperties: number
  }
  readonly rules: {
    /** Threat types that generate nothing here because their Include or Exclude does not parse. */
    readonly disabled: readonly { readonly threatTypeId: string; readonly title: string; readonly reason: string }[]
    /** Include/Exclude texts mixing and/or without parentheses, read with `and` binding tighter. */
    readonly andOrWithoutParentheses: number
    /** Rule parts that can never match as written: a type, property or value the template does not define, ROOT. */
    readonly neverMatching: number
  }
  readonly diagnostics: readonly { readonly code: string; readonly severity: Diagnostic['severity']; readonly message: string; readonly location: Location }[]
}

export type TemplateInfo = { readonly kind: 'read'; readonly report: TemplateInfoReport } | { readonly kind: 'failed'; readonly diagnostics: readonly Diagnostic[] }

/** The template format these bytes are, by content (never by extension), or undefined. */
export function detectTemplateFormat(bytes: Uint8Array): TemplateFormat | undefined {
  // Detection reads the start of a file, as chooseTemplate does; a .tb7 says what it is in its first element.
  const text = decodeForDetection(bytes.subarray(0, 4096))
  return templateFormats.find((format) => format.detect(text))
}

export function templateInfo(path: string, bytes: Uint8Array, format: TemplateFormat): TemplateInfo {
  const read = format.read({ bytes, fileName: path })
  if (read.template === null || hasErrors(read.diagnostics)) return { kind: 'failed', diagnostics: read.diagnostics }
  const template = read.template
  const compiled = compileTemplate(template)
  const located = (entry: Diagnostic): Diagnostic => (entry.location.file === undefined ? { ...entry, location: { ...entry.location, file: path } } : entry)
  // Parse failures are compileTemplate's to report (once per threat type, as disabling it).
  const ruleChecks = checkTemplateRules(template).filter((entry) => entry.code !== 'rules.unparseable')
  const diagnostics = [...read.diagnostics, ...compiled.diagnostics, ...ruleChecks].map(located)
  return {
    kind: 'read',
    report: {
      kind: 'template',
      file: path,
      format: { id: format.id, label: format.label },
      template: { id: template.ref.id, name: template.ref.name, version: template.ref.version, author: template.author },
      counts: {
        elementTypes: template.elementTypes.length,
        genericElementTypes: template.elementTypes.filter((type) => type.parentId === 'ROOT').length,
        threatCategories: template.threatCategories.length,
        threatTypes: template.threatTypes.length,
        threatProperties: template.threatProperties.length
      },
      rules: {
        disabled: disabledTypes(template, compiled.diagnostics),
        andOrWithoutParentheses: compiled.diagnostics.filter((entry) => entry.code === 'rules.and-or-precedence').length,
        neverMatching: ruleChecks.length
      },
      diagnostics
    }
  }
}

function disabledTypes(template: Template, diagnostics: readonly Diagnostic[]): TemplateInfoReport['rules']['disabled'] {
  const titles = new Map(template.threatTypes.map((type) => [type.id, type.shortTitle]))
  return diagnostics
    .filter((entry) => entry.code === 'rules.unparseable')
    .map((entry) => {
      const threatTypeId = (entry.location.path ?? '').replace(/^threatTypes\//, '')
      return { threatTypeId, title: titles.get(threatTypeId) ?? '', reason: entry.message }
    })
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
