import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach } from 'vitest'
import { runReport, type ReportCommandDependencies } from '../../../cli/commands/report'
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

/** `report`'s clock fixed at SOURCE_DATE_EPOCH 1782907200 = 2026-07-01T12:00:00Z, and no PDF printer. */
export const FIXED_REPORT_CLOCK: ReportCommandDependencies = {
  env: { SOURCE_DATE_EPOCH: '1782907200' },
  now: () => new Date(0),
  printPdf: () => Promise.reject(new Error('no PDF in this test'))
}

/** `threatwright report` with a fixed clock, captured. */
export function runReportCaptured(argv: readonly string[], dependencies: ReportCommandDependencies = FIXED_REPORT_CLOCK): ReturnType<typeof runCaptured> {
  return runCaptured((args, io) => runReport(args, io, dependencies), argv)
}

/**
 * The sample written to `folder` with flow-browse re-attached to start at the identity provider, so its
 * browser → web-app interaction, and the open high threat-session-hijacking on it, are gone (obsolete).
 */
export async function writeSampleWithBrowseFlowMoved(folder: string): Promise<string> {
  const document = JSON.parse(await readFile(samplePath, 'utf8')) as { model: { diagrams: { flows: { id: string; source: string | null }[] }[] } }
  for (const flow of document.model.diagrams.flatMap((diagram) => diagram.flows)) if (flow.id === 'flow-browse') flow.source = 'identity-provider'
  const path = join(folder, 'moved.twm')
  await writeFile(path, JSON.stringify(document))
  return path
}
