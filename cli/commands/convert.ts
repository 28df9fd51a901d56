import { formatDiagnostic } from '../../model/diagnostics'
import { formatForOutputPath, formats } from '../../importers/registry'
import { parseCommandArguments, type CommandSyntax } from '../arguments'
import type { CliIo } from '../cli-io'
import { ExitCode } from '../exit-codes'
import { isSameFile } from '../file-access'
import { reportUsageProblem, showCommandHelp } from '../help'
import { loadModel } from '../load-model'
import { writeModelFile } from '../write-output'

export const convertSyntax: CommandSyntax = {
  name: 'convert',
  positionals: ['in', 'out'],
  flags: [],
  summary: 'Convert a model; the output format follows the extension of <out>'
}

/**
 * `threatwright convert <in> <out>`. Everything that can be checked is checked before <out> is touched:
 * the arguments, then reading <in>, then producing the bytes. Only then is <out> replaced, atomically,
 * with a backup, so a bad input never costs the user an existing file.
 */
export async function runConvert(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  const parsed = parseCommandArguments(argv, convertSyntax)
  if (parsed.kind === 'help') return showCommandHelp(convertSyntax, io)
  if (parsed.kind === 'invalid') return reportUsageProblem(parsed.problem, convertSyntax, io)
  const inputPath = parsed.positionals.get('in') ?? ''
  const outputPath = parsed.positionals.get('out') ?? ''

  const format = formatForOutputPath(outputPath)
  if (format === null) {
    const known = [...new Set(formats.flatMap((candidate) => candidate.extensions))].join(', ')
    return reportUsageProblem(
      `cannot tell the output format of ${outputPath} from its extension; use one of ${known}`,
      convertSyntax,
      io
    )
  }
  if (await isSameFile(inputPath, outputPath)) {
    return reportUsageProblem(`${inputPath} and ${outputPath} are the same file; write to another file`, convertSyntax, io)
  }

  const loaded = await loadModel(inputPath, io)
  if (loaded.kind === 'failed') return ExitCode.input
  for (const entry of loaded.diagnostics) io.stderr(`${formatDiagnostic(entry)}\n`)

  const written = await writeModelFile(loaded.model, format, outputPath, io)
  if (!written.ok) return ExitCode.input
  const backup = written.backupPath === null ? '' : `; the previous version was kept as ${written.backupPath}`
  io.stdout(`Wrote ${outputPath} (${format.label}) from ${inputPath}${backup}\n`)
  return ExitCode.success
}
