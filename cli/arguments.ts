/** A command's command-line shape: named positional arguments and boolean flags. */
export interface CommandSyntax {
  readonly name: string
  /** Positional argument names in order, shown as `<name>` in the usage line. */
  readonly positionals: readonly string[]
  /** Positional arguments that may be left out, after the required ones, shown as `[name]`. */
  readonly optionalPositionals?: readonly string[]
  /** Boolean options without the dashes (`json` for `--json`). */
  readonly flags: readonly string[]
  /** Options that take a value (`engine` for `--engine tmt` or `--engine=tmt`). */
  readonly options?: readonly string[]
  /** One line: what the command does. */
  readonly summary: string
}

export type ParsedArguments =
  | {
      readonly kind: 'parsed'
      readonly positionals: ReadonlyMap<string, string>
      readonly flags: ReadonlySet<string>
      readonly options: ReadonlyMap<string, string>
    }
  | { readonly kind: 'help' }
  | { readonly kind: 'invalid'; readonly problem: string }

/** `threatwright info <file> [--json]` */
export function usageLine(syntax: CommandSyntax): string {
  const parts = [
    syntax.name,
    ...syntax.positionals.map((name) => `<${name}>`),
    ...(syntax.optionalPositionals ?? []).map((name) => `[${name}]`),
    ...(syntax.options ?? []).map((option) => `[--${option} <${option}>]`),
    ...syntax.flags.map((flag) => `[--${flag}]`)
  ]
  return `threatwright ${parts.join(' ')}`
}

/**
 * Parses the arguments after the command name. `--help`/`-h` anywhere asks for help; `--` ends the
 * options, so a file named `--json` can still be given. Anything unknown, missing or extra is reported
 * as a problem, never ignored: a typo must not silently change what the command does.
 */
export function parseCommandArguments(argv: readonly string[], syntax: CommandSyntax): ParsedArguments {
  const positionals: string[] = []
  const flags = new Set<string>()
  const options = new Map<string, string>()
  let optionsEnded = false
  for (let index = 0; index < argv.length; index += 1) {
    const argument = argv[index]!
    const valueOption = optionsEnded ? undefined : (syntax.options ?? []).find((name) => argument === `--${name}` || argument.startsWith(`--${name}=`))
    if (valueOption !== undefined) {
      const inline = argument.startsWith(`--${valueOption}=`) ? argument.slice(valueOption.length + 3) : undefined
      const value = inline ?? argv[index + 1]
      if (value === undefined || value === '') return { kind: 'invalid', problem: `--${valueOption} needs a value` }
      if (options.has(valueOption)) return { kind: 'invalid', problem: `--${valueOption} is given twice` }
      options.set(valueOption, value)
      if (inline === undefined) index += 1
    } else if (!optionsEnded && argument === '--') {
      optionsEnded = true
    } else if (!optionsEnded && (argument === '--help' || argument === '-h')) {
      return { kind: 'help' }
    } else if (!optionsEnded && argument.startsWith('-') && argument !== '-') {
      const flag = argument.replace(/^--?/, '')
      if (!argument.startsWith('--') || !syntax.flags.includes(flag)) {
        return { kind: 'invalid', problem: `unknown option '${argument}' for '${syntax.name}'` }
      }
      flags.add(flag)
    } else {
      positionals.push(argument)
    }
  }
  const missing = syntax.positionals[positionals.length]
  if (missing !== undefined) return { kind: 'invalid', problem: `missing <${missing}> for '${syntax.name}'` }
  const names = [...syntax.positionals, ...(syntax.optionalPositionals ?? [])]
  const extra = positionals[names.length]
  if (extra !== undefined) return { kind: 'invalid', problem: `unexpected argument '${extra}' for '${syntax.name}'` }
  const named = new Map<string, string>()
  positionals.forEach((value, index) => named.set(names[index] ?? '', value))
  return { kind: 'parsed', positionals: named, flags, options }
}
