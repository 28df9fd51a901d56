import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'

/**
 * Crash recovery end to end, in browser mode: edit the sample, let autosave run, kill the server with
 * SIGKILL (no chance to clean up, like a crash), start it again on the same data folder, and the edit must
 * be offered back. This test runs its own server (not playwright.config.ts's) because it kills it.
 */
const PORT = Number(process.env.THREATWRIGHT_RECOVERY_E2E_PORT ?? 47861)
const TOKEN = 'crash-recovery-e2e-token-0123456789abcdef'
const URL = `http://127.0.0.1:${PORT}/${TOKEN}/`

function startServer(dataFolder: string): Promise<ChildProcess> {
  const server = spawn(process.execPath, [join(__dirname, '..', 'out', 'main', 'browser-mode.js')], {
    env: { ...process.env, THREATWRIGHT_PORT: String(PORT), THREATWRIGHT_TOKEN: TOKEN, THREATWRIGHT_DATA_DIR: dataFolder },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the browser-mode server did not start')), 20_000)
    server.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('http://127.0.0.1')) {
        clearTimeout(timer)
        resolve(server)
      }
    })
    server.on('exit', (code) => reject(new Error(`the server exited with ${String(code)}`)))
  })
}

test('an edit autosaved before a crash is offered back on the next start', async ({ page }) => {
  const dataFolder = mkdtempSync(join(tmpdir(), 'threatwright-recovery-e2e-'))
  const foreign: string[] = []
  page.on('request', (request) => {
    if (!request.url().startsWith(`http://127.0.0.1:${PORT}/`)) foreign.push(request.url())
  })
  let server = await startServer(dataFolder)
  try {
    await page.goto(URL)
    await expect(page.getByTestId('model-elements')).toHaveText('5')
    await page.keyboard.press('Control+Shift+p')
    const palette = page.getByTestId('command-palette-input')
    await palette.fill('select all')
    await palette.press('Enter')
    await page.keyboard.press('Delete')
    await expect(page.getByTestId('model-elements')).toHaveText('0')
    // Autosave runs a few seconds after the last edit (src-renderer/src/document/autosave.ts).
    await page.waitForTimeout(4_500)

    server.kill('SIGKILL')
    await new Promise((resolve) => server.once('exit', resolve))
    server = await startServer(dataFolder)

    await page.goto(URL)
    const offer = page.getByTestId('recovery-offer')
    await expect(offer).toBeVisible()
    await expect(offer).toContainText('web-shop.twm')
    await offer.getByRole('button', { name: 'Restore' }).click()
    await expect(page.getByTestId('model-elements')).toHaveText('0')
    expect(foreign).toEqual([])
  } finally {
    server.kill('SIGKILL')
    rmSync(dataFolder, { recursive: true, force: true })
  }
})
