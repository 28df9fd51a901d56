import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach } from 'vitest'
import type { CliContext } from '../../../cli/run-cli'

/** A CLI context that records what a command writes, for assertions. */
export function capturingContext(version = '9.8.7'): CliContext & { out: () => string; err: () => string } {
  const out: string[] = []
  const err: string[] = []
  return {
    stdout: (text) => out.push(text),
    stderr: (text) => err.push(text),
    version,
    out: () => out.join(''),
    err: () => err.join('')
  }
}

export const samplePath = join(__dirname, '..', '..', '..', 'samples', 'web-shop.twm')

/** A fresh temporary folder and a function that removes it. */
export async function temporaryFolder(): Promise<{ path: string; remove: () => Promise<void> }> {
  const path = await mkdtemp(join(tmpdir(), 'threatwright-cli-'))
  return { path, remove: () => rm(path, { recursive: true, force: true }) }
}

/**
 * A fresh temporary folder for each test of the calling file, removed after it: call at the top level
 * and read `folder.path` inside a test.
 */
export function temporaryFolderPerTest(): { readonly path: string } {
  let current: { path: string; remove: () => Promise<void> } | null = null
  beforeEach(async () => {
    current = await temporaryFolder()
  })
  afterEach(async () => {
    await current?.remove()
    current = null
  })
  return {
    get path(): string {
      if (current === null) throw new Error('the temporary folder exists only while a test runs')
      return current.path
    }
  }
}

/** Runs one CLI command with a capturing context: its exit code and what it printed. */
export async function runCaptured(
  command: (argv: readonly string[], io: CliContext) => Promise<number>,
  argv: readonly string[]
): Promise<{ code: number; out: string; err: string }> {
  const context = capturingContext()
  const code = await command(argv, context)
  return { code, out: context.out(), err: context.err() }
}
