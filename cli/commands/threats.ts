import { formatDiagnostic, hasErrors } from '../../model/diagnostics'
import { obsoleteChecker } from '../../analysis/obsolete-threats'
import { regenerateThreats } from '../../analysis/regenerate-threats'
import { canonicalJson } from '../../model/canonical-json'
import { parseCommandArguments, type CommandSyntax } from '../arguments'
import { reportError, type CliIo } from '../cli-io'
import { ExitCode } from '../exit-codes'
import { readInputFile } from '../file-access'
import { reportUsageProblem, showCommandHelp } from '../help'
import { loadModel } from '../load-model'
import { defaultEngineId, threatEngines } from '../threat-engines'
import { namesById, threatRow, type ThreatRow } from './threat-rows'

export const threatsSyntax: CommandSyntax = {
  name: 'threats',
  positionals: ['model'],
  flags: ['json'],
  options: ['engine', 'template', 'threatlib'],
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
  const template = parsed.options.get('template')
  const requested = parsed.options.get('engine')
  if (requested !== undefined && !threatEngines.some((engine) => engine.id === requested)) {
    const known = threatEngines.map((engine) => engine.id).join(', ')
    return reportUsageProblem(`unknown engine '${requested}' (known: ${known})`, threatsSyntax, io)
  }

  const loaded = await loadModel(path, io)
  if (loaded.kind === 'failed') return ExitCode.input
  const engineId = requested ?? defaultEngineId(loaded.formatId, template)
  const engine = threatEngines.find((candidate) => candidate.id === engineId)
  if (engine === undefined) {
    reportError(io, `${path}: the '${engineId}' engine for this model is not available in this version; try --engine stride-interaction`)
    return ExitCode.input
  }
  const output = await engine.run({
    model: loaded.model,
    modelPath: path,
    formatId: loaded.formatId,
    template,
    threatLibrary: parsed.options.get('threatlib'),
    readFile: async (file) => {
      const read = await readInputFile(file)
      return read.kind === 'read' ? read.bytes : { failure: read.reason }
    }
  })
  // An engine's messages without a file of their own are about the model it was given.
  for (const entry of output.diagnostics) {
    const located = entry.location.file === undefined ? { ...entry, location: { ...entry.location, file: path } } : entry
    io.stderr(`${formatDiagnostic(located)}\n`)
  }
  if (hasErrors(output.diagnostics)) return ExitCode.input

  const merged = regenerateThreats(loaded.model, output.threats, output.definitions).model
  const isObsolete = obsoleteChecker(merged)
  const names = namesById(merged)
  const rows = merged.threats
    .map((threat) => threatRow(threat, names, isObsolete(threat)))
    .sort((left, right) => (left.key < right.key ? -1 : left.key > right.key ? 1 : 0))
  io.stdout(parsed.flags.has('json') ? canonicalJson({ threats: rows }) : renderRows(rows, engine.label))
  return ExitCode.success
}

function renderRows(rows: readonly ThreatRow[], engineLabel: string): string {
  const lines = rows.map((row) => `${row.state.padEnd(20)} ${row.category.padEnd(22)} ${row.title}${row.obsolete ? '  (obsolete)' : ''}`)
  return [`${rows.length} threats (${engineLabel})`, '', ...lines, ''].join('\n')
}
