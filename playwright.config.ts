import { existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, defineConfig } from '@playwright/test'

/**
 * End-to-end tests drive the built app: browser mode (`node out/main/browser-mode.js`) in Chromium,
 * and the Electron smoke test when Electron's binary is installed. `npm run test:e2e` builds first.
 * Offline machines have no Playwright browser download, so a system Chromium is used when there is one.
 */
const PORT = Number(process.env.THREATWRIGHT_E2E_PORT ?? 47831)
// A fresh data folder per run: a test that ends with unsaved work leaves a crash-recovery copy there, and
// the recovery offer it brings up would take canvas space from the next run's tests (or another checkout's
// run on the same machine). Kept in the environment, so workers that load this file again reuse it.
const DATA_DIR = (process.env.THREATWRIGHT_E2E_DATA_DIR ??= mkdtempSync(join(tmpdir(), 'threatwright-e2e-')))
// A fixed token only for this test server on the loopback; the real app mints a random one per run.
const TOKEN = 'e2e-test-token-0123456789abcdef-0123456789'
const APP_URL = `http://127.0.0.1:${PORT}/${TOKEN}/`

function chromiumExecutable(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium']
  for (const candidate of candidates) if (candidate && existsSync(candidate)) return candidate
  if (existsSync(chromium.executablePath())) return undefined // Playwright's own browser
  throw new Error(
    'No Chromium for the end-to-end tests. Install one with `apt-get install chromium` (or set CHROMIUM_PATH ' +
      'to a Chromium binary), or download Playwright\'s with `npx playwright install chromium`.'
  )
}

const executablePath = chromiumExecutable()

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  timeout: 20_000,
  expect: { timeout: 5_000 },
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: APP_URL,
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    viewport: { width: 1280, height: 800 },
    launchOptions: {
      ...(executablePath ? { executablePath } : {}),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync'
      ]
    }
  },
  projects: [{ name: 'chromium' }],
  webServer: {
    command: 'node out/main/browser-mode.js',
    url: APP_URL,
    env: {
      THREATWRIGHT_PORT: String(PORT),
      THREATWRIGHT_TOKEN: TOKEN,
      // Recent files of the test run stay out of the user's own data folder.
      THREATWRIGHT_DATA_DIR: DATA_DIR
    },
    reuseExistingServer: false,
    timeout: 20_000,
    stdout: 'pipe'
  }
})
