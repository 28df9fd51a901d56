import { obsoleteChecker } from '../../analysis/obsolete-threats'
import { canonicalJson } from '../../model/canonical-json'
import { parseCommandArguments, type CommandSyntax } from '../arguments'
import type { CliIo } from '../cli-io'
import { ExitCode } from '../exit-codes'
import { reportUsageProblem, showCommandHelp } from '../help'
import { GENERATION_OPTIONS, loadModelThreats } from '../model-threats'
import { namesById, threatRow, type ThreatRow } from './threat-rows'

export const threatsSyntax: CommandSyntax = {
  name: 'threats',
  positionals: ['model'],
  flags: ['json'],
  options: [...GENERATION_OPTIONS],
  summary: "Generate a model's threats and list them with the triage the model already holds"
}

/**
 * `threatwright threats <model> [--engine id] [--template id|file.tb7] [--threatlib file] [--json]`.
 * Generates with the chosen engine and merges with the threats the model holds, so triage in the file
 * wins and threats whose interaction is gone are listed as obsolete, never dropped. Rows are sorted by
 * key, so the output is stable across runs.
 */
export async function runThreats(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  const parsed = parseCommandArguments(argv, threatsSyntax)
  if (parsed.kind === 'help') return showCommandHelp(threatsSyntax, io)
  if (parsed.kind === 'invalid') return reportUsageProblem(parsed.problem, threatsSyntax, io)
  const path = parsed.positionals.get('model') ?? ''
  const threats = await loadModelThreats(path, parsed.options, 'always', io)
  if (threats.kind === 'usage') return reportUsageProblem(threats.problem, threatsSyntax, io)
  if (threats.kind === 'failed') return ExitCode.input
  const merged = threats.model
  // With the 'always' policy the source is an engine; the other branch only satisfies the type.
  const heading = threats.source.kind === 'engine' ? threats.source.engineLabel : 'as stored in the file'
  const isObsolete = obsoleteChecker(merged)
  const names = namesById(merged)
  const rows = merged.threats
    .map((threat) => threatRow(threat, names, isObsolete(threat)))
    .sort((left, right) => (left.key < right.key ? -1 : left.key > right.key ? 1 : 0))
  io.stdout(parsed.flags.has('json') ? canonicalJson({ threats: rows }) : renderRows(rows, heading))
  return ExitCode.success
}

function renderRows(rows: readonly ThreatRow[], engineLabel: string): string {
  const lines = rows.map((row) => `${row.state.padEnd(20)} ${row.category.padEnd(22)} ${row.title}${row.obsolete ? '  (obsolete)' : ''}`)
  return [`${rows.length} threats (${engineLabel})`, '', ...lines, ''].join('\n')
}
