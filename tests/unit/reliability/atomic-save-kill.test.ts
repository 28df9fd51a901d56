/**
 * Save fault injection: a child process saves alternating complete versions of a file in a loop through
 * node-io/atomic-write.ts, and we kill it with SIGKILL at random moments, 200+ times. Whatever the moment,
 * the target must be exactly the complete old or the complete new version (never partial, never missing)
 * and the .bak, once there, a complete version too. SIGKILL models a crash of the app, not a power cut:
 * the page cache survives, so this proves the write-temp/fsync/rename order, not the disk's own guarantees.
 *
 * The child runs plain Node on atomic-write.ts transpiled by TypeScript (it imports only Node built-ins),
 * because starting tsx for each of 200 children would cost a minute.
 */
import { spawn } from 'node:child_process'
import { readdir, readFile, writeFile, mkdtemp, rm, utimes } from 'node:fs/promises'
import { pathToFileURL } from 'node:url'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import ts from 'typescript'
import type { writeFileAtomic as WriteFileAtomic } from '../../../node-io/atomic-write'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const KILLS = 220
const PARALLEL = 2
const repoRoot = resolve(__dirname, '..', '..', '..')
const childScript = join(__dirname, 'save-loop-child.mjs')

let folder = ''
let modulePath = ''
const versions: Buffer[] = []

/** A version of ~300 KB whose every line names it, so any mix of two versions or a cut is detectable. */
function makeVersion(name: string): Buffer {
  const lines = Array.from({ length: 6000 }, (_unused, index) => `${name} line ${String(index).padStart(5, '0')} ${'x'.repeat(32)}`)
  return Buffer.from(`${lines.join('\n')}\nend of ${name}\n`)
}

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'threatwright-kill-'))
  const source = await readFile(join(repoRoot, 'node-io', 'atomic-write.ts'), 'utf8')
  const output = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } })
  modulePath = join(folder, 'atomic-write.mjs')
  await writeFile(modulePath, output.outputText)
  versions.push(makeVersion('version-A'), makeVersion('version-B'))
  await writeFile(join(folder, 'A'), versions[0] as Buffer)
  await writeFile(join(folder, 'B'), versions[1] as Buffer)
})

afterAll(async () => {
  await rm(folder, { recursive: true, force: true })
})

/** Starts the loop, waits until it saves, lets it run 0–40 ms, kills it; resolves once it is dead. */
function saveAndKill(target: string, delayMilliseconds: number): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [childScript, modulePath, target, join(folder, 'A'), join(folder, 'B')], {
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.stdout.once('data', () => setTimeout(() => child.kill('SIGKILL'), delayMilliseconds))
    child.on('error', reject)
    child.on('exit', (_code, signal) => {
      if (signal === 'SIGKILL') resolvePromise()
      else reject(new Error(`save loop ended on its own (${String(_code)}): ${stderr}`))
    })
  })
}

function whichVersion(bytes: Buffer): string {
  const index = versions.findIndex((version) => version.equals(bytes))
  return index === -1 ? `neither version (${bytes.length} bytes)` : ['A', 'B'][index] ?? '?'
}

describe('atomic save under SIGKILL at random moments', () => {
  it(`leaves the complete old or new version and a complete backup, ${KILLS} kills`, async () => {
    const seen = { A: 0, B: 0 }
    let nextKill = 0
    const worker = async (lane: number): Promise<void> => {
      const target = join(folder, `model-${lane}.twm`)
      await writeFile(target, versions[0] as Buffer)
      while (nextKill < KILLS) {
        const kill = nextKill++
        // Deterministic spread of kill moments over the first 40 ms of saving (a save of 300 KB takes a few).
        await saveAndKill(target, (kill * 7919) % 41)
        const found = whichVersion(await readFile(target))
        expect(found, `target after kill ${kill}`).toMatch(/^[AB]$/)
        seen[found as 'A' | 'B']++
        const backup = await readFile(`${target}.bak`).catch(() => null)
        if (backup !== null) expect(whichVersion(backup), `backup after kill ${kill}`).toMatch(/^[AB]$/)
      }
    }
    await Promise.all(Array.from({ length: PARALLEL }, (_unused, lane) => worker(lane)))
    // Both outcomes occurred, so the kills really landed at different points of the loop.
    expect(seen.A).toBeGreaterThan(0)
    expect(seen.B).toBeGreaterThan(0)
    // Killed saves leave their temp files behind (the rename never happened); they are never the target.
    const leftovers = (await readdir(folder)).filter((name) => name.endsWith('.tmp'))
    expect(leftovers.every((name) => name.startsWith('.model-') || name.startsWith('model-'))).toBe(true)
    expect(leftovers.length, 'some kills landed between writing the temp file and renaming it').toBeGreaterThan(0)
    await expectNextSaveSweeps(leftovers)
  }, 90_000)
})

/**
 * The next good save of a file clears what killed saves left, once it is old enough not to be another
 * process's save in progress; a fresh temp file and files that only look alike are kept.
 */
async function expectNextSaveSweeps(leftovers: string[]): Promise<void> {
  const { writeFileAtomic } = (await import(pathToFileURL(modulePath).href)) as { writeFileAtomic: typeof WriteFileAtomic }
  const anHourAgo = new Date(Date.now() - 3_600_000)
  for (const name of leftovers) await utimes(join(folder, name), anHourAgo, anHourAgo)
  const inProgress = '.model-0.twm.0123456789ab.tmp'
  const lookalikes = ['.model-00.twm.0123456789ab.tmp', 'notes.model-0.twm.bak.0123456789ab.tmp', '.model-0.twm.tmp']
  await writeFile(join(folder, inProgress), 'another save in progress')
  for (const name of lookalikes) {
    await writeFile(join(folder, name), 'not ours')
    await utimes(join(folder, name), anHourAgo, anHourAgo)
  }
  for (let lane = 0; lane < PARALLEL; lane++) {
    await writeFileAtomic(join(folder, `model-${lane}.twm`), versions[1] as Buffer, { backup: true })
  }
  const left = (await readdir(folder)).filter((name) => name.endsWith('.tmp')).sort()
  expect(left).toEqual([inProgress, ...lookalikes].sort())
  expect(whichVersion(await readFile(join(folder, 'model-0.twm')))).toBe('B')
}
