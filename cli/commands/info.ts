import { summarizeModel, type ThreatStateCounts } from '../../analysis/summary'
import { formatDiagnostic, type Diagnostic, type Location } from '../../model/diagnostics'
import type { TemplateRef } from '../../model/model'
import { canonicalJson } from '../../model/canonical-json'
import { detectTemplateFormat, formats } from '../../importers/registry'
import { parseCommandArguments, type CommandSyntax } from '../arguments'
import { reportError, type CliIo } from '../cli-io'
import { readInputFile } from '../file-access'
import { ExitCode } from '../exit-codes'
import { modelFromBytes } from '../load-model'
import { renderInfoText } from './info-text'
import { renderTemplateInfoText, templateInfo } from './info-template'
import { reportUsageProblem, showCommandHelp } from '../help'

export const infoSyntax: CommandSyntax = {
  name: 'info',
  positionals: ['file'],
  flags: ['json'],
  summary: "Show a model's title, format, counts, threats by state and diagnostics (for a .tb7 template: its types and rules)"
}

/**
 * What `info --json` prints: keys sorted at every depth (canonical JSON), so the output is stable for
 * scripts and diffs. Documented in cli/CONTEXT.md; adding a key is fine, renaming one is a breaking change.
 */
export interface InfoReport {
  /** The path as given on the command line. */
  readonly file: string
  readonly format: { readonly id: string; readonly label: string }
  readonly title: string
  /** The template the model was built with (a TMT model's embedded knowledge base), or null. */
  readonly template: { readonly id: string; readonly name: string; readonly version: string } | null
  readonly counts: {
    readonly diagrams: number
    readonly elements: number
    readonly flows: number
    readonly boundaries: number
    readonly dataAssets: number
    readonly threatDefinitions: number
    readonly threats: number
    readonly assumptions: number
    readonly notes: number
  }
  readonly threatsByState: ThreatStateCounts
  readonly diagrams: readonly {
    readonly id: string
    readonly name: string
    readonly elements: number
    readonly flows: number
    readonly boundaries: number
    readonly threats: number
  }[]
  readonly diagnostics: readonly {
    readonly code: string
    readonly severity: Diagnostic['severity']
    readonly message: string
    readonly location: Location
  }[]
}

/** `threatwright info <file> [--json]` */
export async function runInfo(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  const parsed = parseCommandArguments(argv, infoSyntax)
  if (parsed.kind === 'help') return showCommandHelp(infoSyntax, io)
  if (parsed.kind === 'invalid') return reportUsageProblem(parsed.problem, infoSyntax, io)
  const path = parsed.positionals.get('file') ?? ''

  const file = await readInputFile(path)
  if (file.kind === 'failed') {
    reportError(io, `cannot read ${path}: ${file.reason}`)
    return ExitCode.input
  }
  // A template is not a model, but `info` is where a reviewer looks first: it describes one too.
  const templateFormat = detectTemplateFormat(file.bytes)
  if (templateFormat !== null) {
    const described = templateInfo(path, file.bytes, templateFormat)
    if (described.kind === 'failed') {
      for (const entry of described.diagnostics) io.stderr(`${formatDiagnostic(entry)}\n`)
      if (described.diagnostics.length === 0) reportError(io, `cannot read ${path}: the template did not read`)
      return ExitCode.input
    }
    io.stdout(parsed.flags.has('json') ? canonicalJson(described.report) : renderTemplateInfoText(described.report))
    return ExitCode.success
  }

  const loaded = modelFromBytes(path, file.bytes, io)
  if (loaded.kind === 'failed') return ExitCode.input

  const summary = summarizeModel(loaded.model)
  const format = formats.find((candidate) => candidate.id === loaded.formatId)
  // Listed key by key so a new field in the summary never changes this documented shape by accident.
  const report: InfoReport = {
    file: path,
    format: { id: loaded.formatId, label: format?.label ?? loaded.formatId },
    title: loaded.model.metadata.title,
    template: templateOf(loaded.model.template),
    counts: {
      diagrams: summary.diagrams,
      elements: summary.elements,
      flows: summary.flows,
      boundaries: summary.boundaries,
      dataAssets: summary.dataAssets,
      threatDefinitions: summary.threatDefinitions,
      threats: summary.threats,
      assumptions: summary.assumptions,
      notes: summary.notes
    },
    threatsByState: summary.threatsByState,
    diagrams: summary.perDiagram,
    diagnostics: loaded.diagnostics
  }
  io.stdout(parsed.flags.has('json') ? canonicalJson(report) : renderInfoText(report))
  return ExitCode.success
}

/** Listed field by field, like the rest of the report, so the JSON shape stays the documented one. */
function templateOf(template: TemplateRef | null): InfoReport['template'] {
  return template === null ? null : { id: template.id, name: template.name, version: template.version }
}
