import { parseCommandArguments, type CommandSyntax } from './arguments'
import { reportError, type CliIo } from './cli-io'
import { applyTemplateSyntax, runApplyTemplate } from './commands/apply-template'
import { checkSyntax, runCheck } from './commands/check'
import { convertSyntax, runConvert } from './commands/convert'
import { infoSyntax, runInfo } from './commands/info'
import { reportSyntax, runReport } from './commands/report'
import { runThreats, threatsSyntax } from './commands/threats'
import { ExitCode } from './exit-codes'
import { helpSyntax, reportUsageProblem, showCommandHelp, showOverview } from './help'

interface Command {
  readonly syntax: CommandSyntax
  readonly run: (argv: readonly string[], io: CliIo) => Promise<ExitCode>
}

/** The command table: `--help`, `help <command>` and dispatch all read it, so they cannot disagree. */
const commands: readonly Command[] = [
  { syntax: infoSyntax, run: runInfo },
  { syntax: convertSyntax, run: runConvert },
  { syntax: threatsSyntax, run: runThreats },
  { syntax: applyTemplateSyntax, run: runApplyTemplate },
  { syntax: reportSyntax, run: (argv, io) => runReport(argv, io) },
  { syntax: checkSyntax, run: runCheck },
  { syntax: helpSyntax, run: (argv, io) => Promise.resolve(runHelp(argv, io)) }
]

const syntaxes = commands.map((command) => command.syntax)

export interface CliContext extends CliIo {
  /** The version `--version` prints (the entry point reads it from package.json). */
  readonly version: string
}

/**
 * Runs one CLI invocation (argv without `node` and the script) and returns the exit code. Never throws:
 * an unexpected exception becomes one "internal error" line on stderr and exit code 2, never a stack trace.
 */
export async function runCli(argv: readonly string[], context: CliContext): Promise<ExitCode> {
  try {
    return await dispatch(argv, context)
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    reportError(context, `internal error: ${message.split('\n')[0] ?? ''} (please report this)`)
    return ExitCode.input
  }
}

async function dispatch(argv: readonly string[], context: CliContext): Promise<ExitCode> {
  const [first, ...rest] = argv
  if (first === undefined || first === '--help' || first === '-h') return showOverview(syntaxes, context)
  if (first === '--version' || first === '-v') {
    if (rest.length > 0) return reportUsageProblem(`unexpected argument '${rest[0] ?? ''}' after ${first}`, null, context)
    context.stdout(`threatwright ${context.version}\n`)
    return ExitCode.success
  }
  const command = commands.find((candidate) => candidate.syntax.name === first)
  if (command === undefined) {
    const problem = first.startsWith('-') ? `unknown option '${first}'` : `unknown command '${first}'`
    return reportUsageProblem(problem, null, context)
  }
  return command.run(rest, context)
}

function runHelp(argv: readonly string[], io: CliIo): ExitCode {
  const parsed = parseCommandArguments(argv, helpSyntax)
  if (parsed.kind === 'help') return showCommandHelp(helpSyntax, io)
  if (parsed.kind === 'invalid') return reportUsageProblem(parsed.problem, helpSyntax, io)
  const name = parsed.positionals.get('command')
  if (name === undefined) return showOverview(syntaxes, io)
  const command = commands.find((candidate) => candidate.syntax.name === name)
  if (command === undefined) return reportUsageProblem(`unknown command '${name}'`, helpSyntax, io)
  return showCommandHelp(command.syntax, io)
}
