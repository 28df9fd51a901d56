import { buildReport } from '../../reports/build-report'
import { renderHtml } from '../../reports/render-html'
import type { ReportOptions } from '../../reports/report-options'
import { writeFileAtomic } from '../../node-io/atomic-write'
import { chromiumPdfPrinter, type PdfPrinter } from '../../node-io/chromium-pdf'
import { parseCommandArguments, type CommandSyntax } from '../arguments'
import { reportError, type CliIo } from '../cli-io'
import { ExitCode } from '../exit-codes'
import { describeFileError, isSameFile } from '../file-access'
import { reportUsageProblem, showCommandHelp } from '../help'
import { describeThreatSource, GENERATION_OPTIONS, loadModelThreats } from '../model-threats'
import { chooseReportFormat, reportFormats } from './report-formats'
import { reportInput, reportTimestamp } from './report-input'

export const reportSyntax: CommandSyntax = {
  name: 'report',
  positionals: ['model'],
  flags: ['exclude-mitigated', 'exclude-not-applicable', 'exclude-out-of-scope', 'no-diagrams', 'summary-only'],
  options: ['format', 'output', 'diagram', ...GENERATION_OPTIONS],
  summary: 'Write an audit report (HTML, PDF, Markdown, CSV, JSON or SARIF) of a model'
}

/** What the report command needs from outside: a clock, the environment, a PDF printer. Tests replace them. */
export interface ReportCommandDependencies {
  readonly env: NodeJS.ProcessEnv
  readonly now: () => Date
  readonly printPdf: PdfPrinter
}

/**
 * `threatwright report <model> --format html|pdf|md|csv|json|sarif -o <file> [flags]`. Checks the arguments,
 * reads and hashes the model, takes its threats as `check` does (model-threats.ts: generated and merged
 * when asked or when the format derives them), renders, and only then replaces <file> atomically (keeping
 * <file>.bak), so a bad input or a failed PDF print never costs an existing report.
 */
export async function runReport(
  argv: readonly string[],
  io: CliIo & { readonly version?: string },
  dependencies: ReportCommandDependencies = { env: process.env, now: () => new Date(), printPdf: chromiumPdfPrinter() }
): Promise<ExitCode> {
  const parsed = parseCommandArguments(expandShortOutput(argv), reportSyntax)
  if (parsed.kind === 'help') return showCommandHelp(reportSyntax, io)
  if (parsed.kind === 'invalid') return reportUsageProblem(parsed.problem, reportSyntax, io)
  const modelPath = parsed.positionals.get('model') ?? ''
  const outputPath = parsed.options.get('output')
  if (outputPath === undefined) return reportUsageProblem("missing -o <file> (--output) for 'report'", reportSyntax, io)
  const format = chooseReportFormat(parsed.options.get('format'), outputPath)
  if (format === null) {
    const known = reportFormats.map((candidate) => candidate.id).join(', ')
    const problem = parsed.options.has('format')
      ? `unknown report format '${parsed.options.get('format') ?? ''}' (known: ${known})`
      : `cannot tell the report format of ${outputPath} from its extension; give --format (${known})`
    return reportUsageProblem(problem, reportSyntax, io)
  }
  const options: ReportOptions = {
    includeMitigated: !parsed.flags.has('exclude-mitigated'),
    includeNotApplicable: !parsed.flags.has('exclude-not-applicable'),
    includeOutOfScope: !parsed.flags.has('exclude-out-of-scope'),
    includeDiagrams: !parsed.flags.has('no-diagrams'),
    summaryOnly: parsed.flags.has('summary-only'),
    diagramId: parsed.options.get('diagram') ?? null
  }
  if (options.summaryOnly && !format.hasSummaryOnly) {
    return reportUsageProblem(`--summary-only does not apply to ${format.id}, which lists threats`, reportSyntax, io)
  }
  if (await isSameFile(modelPath, outputPath)) {
    return reportUsageProblem(`${modelPath} and ${outputPath} are the same file; write the report to another file`, reportSyntax, io)
  }

  const threats = await loadModelThreats(modelPath, parsed.options, 'when-asked-or-derived', io)
  if (threats.kind === 'usage') return reportUsageProblem(threats.problem, reportSyntax, io)
  if (threats.kind === 'failed') return ExitCode.input
  const input = reportInput(modelPath, threats)
  if (options.diagramId !== null && !input.model.diagrams.some((diagram) => diagram.id === options.diagramId)) {
    const known = input.model.diagrams.map((diagram) => diagram.id).join(', ') || 'none'
    reportError(io, `${modelPath}: there is no diagram '${options.diagramId}' (diagrams: ${known})`)
    return ExitCode.input
  }
  const report = buildReport(input.model, options, {
    modelFileName: input.fileName,
    modelSha256: input.sha256,
    generatedAt: reportTimestamp(dependencies.env, dependencies.now),
    generator: { name: 'Threatwright', version: io.version ?? 'unknown' },
    diagnostics: input.diagnostics
  })

  let bytes: Uint8Array
  if (format.render === null) {
    const printed = await dependencies.printPdf(renderHtml(report))
    if (printed.kind !== 'printed') {
      reportError(io, `cannot write ${outputPath}: ${printed.message}`)
      return ExitCode.input
    }
    bytes = printed.bytes
  } else {
    bytes = new TextEncoder().encode(format.render(report))
  }
  try {
    const written = await writeFileAtomic(outputPath, bytes, { backup: true })
    const backup = written.backupPath === null ? '' : `; the previous version was kept as ${written.backupPath}`
    // Threats the file holds are what reports have always listed; when an engine ran, say which.
    const evaluated = threats.source.kind === 'engine' ? `Evaluated ${describeThreatSource(threats.source)}\n` : ''
    io.stdout(`Wrote ${outputPath} (${format.id} report of ${modelPath}, model SHA-256 ${input.sha256})${backup}\n${evaluated}`)
    return ExitCode.success
  } catch (error) {
    reportError(io, `cannot write ${outputPath}: ${describeFileError(error)}`)
    return ExitCode.input
  }
}

/**
 * `-o <file>` is the short form of `--output <file>`. The shared parser knows only long options, so the
 * short one is rewritten here, before `--` only (after it, `-o` is a file name).
 */
function expandShortOutput(argv: readonly string[]): readonly string[] {
  const end = argv.indexOf('--')
  return argv.map((argument, index) => {
    if (end !== -1 && index > end) return argument
    if (argument === '-o') return '--output'
    if (argument.startsWith('-o') && argument.length > 2 && !argument.startsWith('--')) return `--output=${argument.slice(2)}`
    return argument
  })
}
