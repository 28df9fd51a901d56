import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
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
