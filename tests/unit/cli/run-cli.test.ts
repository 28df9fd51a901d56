import { describe, expect, it } from 'vitest'
import { runCli } from '../../../cli/run-cli'
import { capturingContext, samplePath } from './cli-test-io'

describe('runCli', () => {
  it('prints the version it is given', async () => {
    const context = capturingContext('1.2.3')
    expect(await runCli(['--version'], context)).toBe(0)
    expect(context.out()).toBe('threatwright 1.2.3\n')
  })

  it('lists every command for --help and for no arguments', async () => {
    for (const argv of [['--help'], ['-h'], [], ['help']]) {
      const context = capturingContext()
      expect(await runCli(argv, context), argv.join(' ')).toBe(0)
      expect(context.out()).toContain('Usage: threatwright <command> [arguments]')
      expect(context.out()).toContain('  info <file> [--json]')
      expect(context.out()).toContain('  convert <in> <out>')
      expect(context.out()).toContain('  help [command]')
    }
  })

  it('shows one command with help <command> and <command> --help', async () => {
    for (const argv of [['help', 'convert'], ['convert', '--help']]) {
      const context = capturingContext()
      expect(await runCli(argv, context)).toBe(0)
      expect(context.out().split('\n')[0]).toBe('Usage: threatwright convert <in> <out>')
    }
  })

  it('exits 1 with a usage line for unknown commands and options', async () => {
    const command = capturingContext()
    expect(await runCli(['inspect', samplePath], command)).toBe(1)
    expect(command.err()).toBe(
      "threatwright: unknown command 'inspect'\nUsage: threatwright <command> [arguments]   (see 'threatwright --help')\n"
    )
    const option = capturingContext()
    expect(await runCli(['--verbose'], option)).toBe(1)
    expect(option.err()).toContain("unknown option '--verbose'")
    const help = capturingContext()
    expect(await runCli(['help', 'inspect'], help)).toBe(1)
  })

  it('dispatches to the commands', async () => {
    const context = capturingContext()
    expect(await runCli(['info', samplePath, '--json'], context)).toBe(0)
    expect(JSON.parse(context.out())).toMatchObject({ title: 'Web shop (sample)' })
  })

  it('turns an unexpected exception into one internal-error line and exit 2, never a stack trace', async () => {
    const err: string[] = []
    const exploding = {
      stdout: () => {
        throw new Error('stream exploded\n    at somewhere (file.ts:1:1)')
      },
      stderr: (text: string) => err.push(text),
      version: '0'
    }
    expect(await runCli(['--version'], exploding)).toBe(2)
    expect(err).toEqual(['threatwright: internal error: stream exploded (please report this)\n'])
  })
})
