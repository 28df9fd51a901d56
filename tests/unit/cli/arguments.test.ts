import { describe, expect, it } from 'vitest'
import { parseCommandArguments, usageLine, type CommandSyntax } from '../../../cli/arguments'

const syntax: CommandSyntax = { name: 'info', positionals: ['file'], flags: ['json'], summary: 'x' }

describe('parseCommandArguments', () => {
  it('names positionals and collects known flags in any order', () => {
    const parsed = parseCommandArguments(['--json', 'model.twm'], syntax)
    expect(parsed).toEqual({ kind: 'parsed', positionals: new Map([['file', 'model.twm']]), flags: new Set(['json']), options: new Map() })
  })

  it('asks for help on --help or -h anywhere', () => {
    expect(parseCommandArguments(['model.twm', '-h'], syntax)).toEqual({ kind: 'help' })
    expect(parseCommandArguments(['--help'], syntax)).toEqual({ kind: 'help' })
  })

  it('reports unknown options, single-dash spellings of long ones, missing and extra arguments', () => {
    expect(parseCommandArguments(['x', '--yaml'], syntax)).toEqual({ kind: 'invalid', problem: "unknown option '--yaml' for 'info'" })
    expect(parseCommandArguments(['x', '-json'], syntax)).toEqual({ kind: 'invalid', problem: "unknown option '-json' for 'info'" })
    expect(parseCommandArguments([], syntax)).toEqual({ kind: 'invalid', problem: "missing <file> for 'info'" })
    expect(parseCommandArguments(['a', 'b'], syntax)).toEqual({ kind: 'invalid', problem: "unexpected argument 'b' for 'info'" })
  })

  it('treats everything after -- as a positional, so odd file names still work', () => {
    const parsed = parseCommandArguments(['--', '--json'], syntax)
    expect(parsed).toEqual({ kind: 'parsed', positionals: new Map([['file', '--json']]), flags: new Set(), options: new Map() })
  })

  it('accepts optional positionals but not more', () => {
    const help: CommandSyntax = { name: 'help', positionals: [], optionalPositionals: ['command'], flags: [], summary: 'x' }
    expect(parseCommandArguments([], help)).toMatchObject({ kind: 'parsed', positionals: new Map() })
    expect(parseCommandArguments(['info'], help)).toMatchObject({ positionals: new Map([['command', 'info']]) })
    expect(parseCommandArguments(['info', 'x'], help)).toEqual({ kind: 'invalid', problem: "unexpected argument 'x' for 'help'" })
    expect(usageLine(help)).toBe('threatwright help [command]')
  })

  it('renders the usage line', () => {
    expect(usageLine(syntax)).toBe('threatwright info <file> [--json]')
  })
})

describe('options with values', () => {
  const threats: CommandSyntax = { name: 'threats', positionals: ['model'], flags: ['json'], options: ['engine', 'template'], summary: '' }

  it('reads --name value and --name=value', () => {
    const parsed = parseCommandArguments(['m.tm7', '--engine', 'tmt', '--template=azure', '--json'], threats)
    expect(parsed).toEqual({
      kind: 'parsed',
      positionals: new Map([['model', 'm.tm7']]),
      flags: new Set(['json']),
      options: new Map([
        ['engine', 'tmt'],
        ['template', 'azure']
      ])
    })
  })

  it('refuses a missing value and a repeated option', () => {
    expect(parseCommandArguments(['m.tm7', '--engine'], threats)).toEqual({ kind: 'invalid', problem: '--engine needs a value' })
    expect(parseCommandArguments(['m.tm7', '--engine=a', '--engine', 'b'], threats)).toEqual({
      kind: 'invalid',
      problem: '--engine is given twice'
    })
  })
})
