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
    '  --engine <id>       stride-interaction, stride-element, tmt, threagile, pytm; default: tmt with',
    "                      --template, else the model's own (a .tm7 its embedded template; a model that",
    '                      keeps an applied .tb7: tmt), else stride-interaction',
    '  --template <id|f>   a built-in template id or a .tb7 file (TMT-style rules)',
    '  --threatlib <file>  a pytm threat library (threats.json)',
    '  --json              print { "threats": [...] } sorted by key'
  ],
  report: [
    'Writes a report for auditors: document control, change history, sign-off, executive summary, scope,',
    'method, data assets, every diagram (inline SVG) with its trust boundaries, assumptions, the threat',
    'register, accepted risks, residual risk, open questions, and the SHA-256 of the model and of the report.',
    '<file> is replaced atomically and its previous version kept as <file>.bak.',
    '',
    '  --format <f>               html, pdf, md, csv (one row per threat), json, sarif (open threats);',
    '                             default: from the extension of <file>',
    '  -o, --output <file>        where to write the report',
    '  --diagram <id>             only this diagram and the threats on it',
    '  --exclude-mitigated        do not list mitigated threats (they stay in the counts)',
    '  --exclude-not-applicable   do not list not-applicable threats (they stay in the counts)',
    '  --exclude-out-of-scope     leave out out-of-scope elements and flows and their threats',
    '  --no-diagrams              leave out the drawings (the inventories stay)',
    '  --summary-only             document control, sign-off and executive summary only',
    '  --engine, --template, --threatlib',
    '                             generate threats as `threats` does and report them merged with the',
    "                             file's; default: generated for Threagile models (Threagile's rules, the",
    "                             file's risk_tracking wins), the file's threats for every other format",
    '',
    'PDF is the HTML report printed by headless Chromium: CHROMIUM_PATH, else /usr/bin/chromium and other',
    'usual places; without one the command exits 2 and says how to get it. Nothing is downloaded.',
    'SOURCE_DATE_EPOCH (seconds) fixes the report date, for byte-identical reports.'
  ],
  check: [
    'For CI: exits 1 and lists them when an open threat (not mitigated, not applicable, not accepted) is at',
    'or above the severity, else 0. A threat without a severity is ranked by its priority (low, medium,',
    'high, critical map to the same severities); one with neither is not gated but counted on stderr.',
    'An obsolete threat (its element or interaction is gone) never fails the gate; it is counted on stderr.',
    '',
    '  --fail-on <severity>   info, low, medium, elevated, high or critical',
    '  --engine, --template, --threatlib',
    "                         generate threats as `threats` does and gate them merged with the file's;",
    "                         default: generated for Threagile models (Threagile's rules, the file's",
    "                         risk_tracking wins), the file's threats for every other format",
    '  --json                 print { "failOn", "failed", "openThreats", "threats", "unratedOpenThreats",',
    '                         "obsoleteOpenThreats"?, "threatSource"? } (see the README)'
  ],
  'apply-template': [
    "TMT's Apply Template: re-types every element, flow and boundary for the template (same type id, else",
    'kind and name, else the generic type of its kind), adds the properties the new types define, then',
    'regenerates threats with the template, keeping every threat the model holds and its triage.',
    '',
    '  --template <id|f>   a built-in template id (threatwright-azure, threatwright-aws) or a .tb7 file',
    '  --json              print { "added", "mappings": [...], "obsolete" } instead of text'
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
