import { formatDiagnostic } from '../../model/diagnostics'
import { canonicalJson } from '../../model/canonical-json'
import { applyTemplate, type TypeMapping } from '../../analysis/apply-template'
import { regenerateThreats } from '../../analysis/regenerate-threats'
import { generateTmtThreats } from '../../analysis/tmt-rules/generate-tmt-threats'
import { formatForOutputPath, formats } from '../../importers/registry'
import { parseCommandArguments, type CommandSyntax } from '../arguments'
import type { CliIo } from '../cli-io'
import { ExitCode } from '../exit-codes'
import { isSameFile, readBytesOrFailure } from '../file-access'
import { reportUsageProblem, showCommandHelp } from '../help'
import { loadModel } from '../load-model'
import { definitionsOf } from '../../analysis/tmt-rules/template-definitions'
import { chooseTemplate, locateRuleMessages } from '../tmt-engine'
import { writeModelFile } from '../write-output'

export const applyTemplateSyntax: CommandSyntax = {
  name: 'apply-template',
  positionals: ['model', 'out'],
  flags: ['json'],
  options: ['template'],
  summary: "Re-type a model's elements for a template, regenerate its threats keeping triage, and write it"
}

/**
 * `threatwright apply-template <model> <out> --template <id|file.tb7> [--json]`: TMT's "Apply template".
 * Types are re-mapped by id, then by kind and name (analysis/apply-template.ts); threats are regenerated
 * and merged, so every triaged threat is kept. Prints the mapping report; writes <out> by its extension.
 */
export async function runApplyTemplate(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  const parsed = parseCommandArguments(argv, applyTemplateSyntax)
  if (parsed.kind === 'help') return showCommandHelp(applyTemplateSyntax, io)
  if (parsed.kind === 'invalid') return reportUsageProblem(parsed.problem, applyTemplateSyntax, io)
  const modelPath = parsed.positionals.get('model') ?? ''
  const outputPath = parsed.positionals.get('out') ?? ''
  const template = parsed.options.get('template')
  if (template === undefined) return reportUsageProblem('--template is required (a built-in id or a .tb7 file)', applyTemplateSyntax, io)
  const format = formatForOutputPath(outputPath)
  if (format === null) {
    const known = [...new Set(formats.flatMap((candidate) => candidate.extensions))].join(', ')
    return reportUsageProblem(`cannot tell the output format of ${outputPath} from its extension; use one of ${known}`, applyTemplateSyntax, io)
  }
  if (await isSameFile(modelPath, outputPath)) {
    return reportUsageProblem(`${modelPath} and ${outputPath} are the same file; write to another file`, applyTemplateSyntax, io)
  }

  const loaded = await loadModel(modelPath, io)
  if (loaded.kind === 'failed') return ExitCode.input
  const choice = await chooseTemplate({
    model: loaded.model,
    modelPath,
    template,
    readFile: readBytesOrFailure
  })
  if ('failure' in choice) {
    for (const entry of [...choice.diagnostics, choice.failure]) io.stderr(`${formatDiagnostic(entry)}\n`)
    return ExitCode.input
  }
  // A .tb7 travels with the model (as TMT embeds its template); a built-in one removes a stored .tb7.
  const applied = applyTemplate(loaded.model, choice.template, choice.source ?? null)
  const generated = generateTmtThreats(applied.model, choice.template)
  const regenerated = regenerateThreats(applied.model, generated.threats, definitionsOf(choice.template))
  for (const entry of locateRuleMessages(generated.diagnostics, choice)) {
    io.stderr(`${formatDiagnostic(entry.location.file === undefined ? { ...entry, location: { ...entry.location, file: modelPath } } : entry)}\n`)
  }

  const written = await writeModelFile(regenerated.model, format, outputPath, io)
  if (!written.ok) return ExitCode.input
  const summary = { mappings: applied.report, added: regenerated.added.length, obsolete: regenerated.obsolete.length }
  io.stdout(parsed.flags.has('json') ? canonicalJson(summary) : renderReport(applied.report, summary.added, summary.obsolete, outputPath))
  return ExitCode.success
}

function renderReport(mappings: readonly TypeMapping[], added: number, obsolete: number, outputPath: string): string {
  const lines = mappings.map((mapping) => `  ${mapping.elementId}: ${mapping.from} → ${mapping.to ?? '(kept: no match)'}  [${mapping.how}]`)
  return [`Type mapping (${mappings.length} items):`, ...lines, '', `Threats: ${added} new, ${obsolete} obsolete (kept); triage unchanged.`, `Wrote ${outputPath}`, ''].join('\n')
}
