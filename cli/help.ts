import { usageLine, type CommandSyntax } from './arguments'
import { PROGRAM_NAME, reportError, type CliIo } from './cli-io'
import { ExitCode } from './exit-codes'

/** Longer help per command, shown by `threatwright help <command>` and `<command> --help`. */
const DETAILS: Readonly<Record<string, readonly string[]>> = {
  info: [
    'Reads the file by its content (the extension does not matter) and prints its title, format,',
    'counts, threats by state, per-diagram counts and any diagnostics from reading it.',
    '',
    '  --json   print one JSON object with sorted keys instead of text'
  ],
  convert: [
    'Reads <in> by its content and writes it to <out> in the format of the extension of <out>:',
    '.twm (Threatwright), .tm7, .yaml/.yml (Threagile), .json (pytm). <out> is replaced atomically and',
    'its previous version is kept as <out>.bak. <in> and <out> must be different files. Nothing is',
    'written when <in> cannot be read. What the output format cannot hold is listed as warnings.'
  ],
  threats: [
    'Generates threats for the model with an engine and lists them merged with the threats the file',
    'already holds: triage in the file wins, and a kept threat whose interaction is gone is marked obsolete.',
    '',
    '  --engine <id>       stride-interaction, stride-element (more with the format readers); default: the',
    "                      model's own (a .tm7 uses its embedded template), else stride-interaction",
    '  --template <id|f>   a built-in template id or a .tb7 file (TMT-style rules)',
    '  --threatlib <file>  a pytm threat library (threats.json)',
    '  --json              print { "threats": [...] } sorted by key'
  ],
  help: ['Shows the list of commands, or the help of one command.']
}

export const helpSyntax: CommandSyntax = {
  name: 'help',
  positionals: [],
  optionalPositionals: ['command'],
  flags: [],
  summary: 'Show the list of commands, or help for one command'
}

export function showOverview(commands: readonly CommandSyntax[], io: CliIo): ExitCode {
  const width = Math.max(...commands.map((command) => commandLine(command).length))
  io.stdout(
    [
      `Usage: ${PROGRAM_NAME} <command> [arguments]`,
      '',
      'Open, inspect and convert threat models (Threatwright .twm, Microsoft TMT, Threagile, pytm).',
      '',
      'Commands:',
      ...commands.map((command) => `  ${commandLine(command).padEnd(width)}   ${command.summary}`),
      '',
      'Options:',
      '  --help, -h      show help (also after a command)',
      '  --version, -v   show the version',
      '',
      'Exit codes: 0 success, 1 usage error, 2 input error (unreadable, malformed or unsupported file).',
      ''
    ].join('\n')
  )
  return ExitCode.success
}

export function showCommandHelp(syntax: CommandSyntax, io: CliIo): ExitCode {
  io.stdout([`Usage: ${usageLine(syntax)}`, '', syntax.summary + '.', '', ...(DETAILS[syntax.name] ?? []), ''].join('\n'))
  return ExitCode.success
}

/** A command-line mistake: the problem, then the usage line to fix it, on stderr; exit code 1. */
export function reportUsageProblem(problem: string, syntax: CommandSyntax | null, io: CliIo): ExitCode {
  reportError(io, problem)
  io.stderr(
    syntax === null
      ? `Usage: ${PROGRAM_NAME} <command> [arguments]   (see '${PROGRAM_NAME} --help')\n`
      : `Usage: ${usageLine(syntax)}   (see '${PROGRAM_NAME} help ${syntax.name}')\n`
  )
  return ExitCode.usage
}

function commandLine(command: CommandSyntax): string {
  return usageLine(command).replace(`${PROGRAM_NAME} `, '')
}
