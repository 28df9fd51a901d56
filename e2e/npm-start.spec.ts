import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { expect, test } from '@playwright/test'
import type { OpenOutcome } from '../src-shared/ipc-contract'
import { canvasCounts, distinctCanvasColours, expectedCounts } from './support'

/**
 * `npm start` itself (scripts/start.mjs), as a user on an air-gapped machine runs it: without Electron's
 * binary it says so in one line, serves browser mode on the loopback with a fresh token and prints the
 * URL. The other specs start the built server directly; this one proves the command the README gives.
 */

const repositoryRoot = resolve(__dirname, '..')

/** The check start.mjs makes; where the binary is installed, `npm start` opens Electron instead. */
function electronBinaryPresent(): boolean {
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) return true
  const pathFile = join(repositoryRoot, 'node_modules', 'electron', 'path.txt')
  if (!existsSync(pathFile)) return false
  const executable = readFileSync(pathFile, 'utf8').trim()
  return executable !== '' && existsSync(join(repositoryRoot, 'node_modules', 'electron', 'dist', executable))
}

interface Started {
  readonly child: ChildProcess
  readonly url: string
  readonly notice: string
}

/** The user's environment has no fixed token; the app must mint its own. */
function withoutToken(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { THREATWRIGHT_TOKEN: _fixed, ...rest } = env
  return rest
}

/** Runs `npm start`'s script and resolves with the URL it prints and what it said on stderr by then. */
function startApp(dataFolder: string): Promise<Started> {
  const child = spawn(process.execPath, [join(repositoryRoot, 'scripts', 'start.mjs')], {
    cwd: repositoryRoot,
    env: withoutToken({ ...process.env, THREATWRIGHT_PORT: '0', THREATWRIGHT_DATA_DIR: dataFolder }),
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let stdout = ''
  let stderr = ''
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => reject(new Error(`npm start printed no URL in 15 s; stderr: ${stderr}`)), 15_000)
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8')
    })
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8')
      const url = /^Threatwright \(browser mode\): (\S+)$/m.exec(stdout)?.[1]
      if (url === undefined) return
      clearTimeout(timer)
      resolvePromise({ child, url, notice: stderr })
    })
    child.on('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`npm start exited with ${String(code)} before printing a URL; stderr: ${stderr}`))
    })
  })
}

test.describe("npm start without Electron's binary", () => {
  test.skip(electronBinaryPresent(), "Electron's binary is installed here, so npm start opens the desktop app, not browser mode")

  let dataFolder = ''
  let started: Started | null = null

  test.beforeAll(async () => {
    dataFolder = mkdtempSync(join(tmpdir(), 'threatwright-npm-start-'))
    started = await startApp(dataFolder)
  })

  test.afterAll(() => {
    started?.child.kill('SIGTERM')
    rmSync(dataFolder, { recursive: true, force: true })
  })

  test('says in one line why it starts in browser mode and serves a fresh token on the loopback', async () => {
    const { url, notice } = started as Started
    expect(notice.trim().split('\n')).toHaveLength(1)
    expect(notice).toContain("Electron's binary is not installed")
    const parsed = new URL(url)
    expect(parsed.hostname).toBe('127.0.0.1')
    const token = parsed.pathname.split('/')[1] ?? ''
    expect(token).toMatch(/^[0-9a-f]{48}$/)

    expect((await fetch(url)).status).toBe(200)
    expect((await fetch(`${parsed.origin}/`)).status).toBe(403)
    expect((await fetch(`${parsed.origin}/${'0'.repeat(48)}/`)).status).toBe(403)
  })

  test('the URL it prints shows the sample diagram', async ({ page }) => {
    const { url } = started as Started
    const answer = await page.request.post(new URL('api/document:open-sample', url).href, { data: { request: null } })
    const outcome = ((await answer.json()) as { response: OpenOutcome }).response
    if (outcome.kind !== 'opened') throw new Error(`the sample did not open: ${JSON.stringify(outcome)}`)
    const diagram = outcome.document.model.diagrams[0]
    if (diagram === undefined) throw new Error('the sample has no diagram')

    // The offline promise holds for the app npm start serves too: its page asks only its own origin.
    const origins: string[] = []
    page.on('request', (request) => origins.push(new URL(request.url()).origin))
    await page.goto(url)
    await expect(page).toHaveTitle(`${outcome.document.fileName} — Threatwright`)
    await expect.poll(() => canvasCounts(page)).toEqual(expectedCounts(diagram))
    await expect.poll(() => distinctCanvasColours(page)).toBeGreaterThan(3)
    expect(origins.length).toBeGreaterThan(3)
    expect([...new Set(origins)]).toEqual([new URL(url).origin])
  })
})
