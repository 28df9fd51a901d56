import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { _electron as electron, expect, test } from '@playwright/test'
import type { AppInfo } from '../src-shared/ipc-contract'
import { canvasCounts } from './support'

/**
 * Desktop smoke test: the real Electron app opens a window, draws the sample and answers over IPC.
 * Electron's binary is a separate download (scripts/postinstall.mjs) that offline machines do not have,
 * so the test is skipped, with the reason, when it is missing.
 */
const root = resolve(__dirname, '..')

/** Found without `require('electron')`, which would try to download the binary on first use. */
function electronBinary(): string | null {
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH
  if (override) {
    const binary = join(override, process.platform === 'win32' ? 'electron.exe' : 'electron')
    return existsSync(binary) ? binary : null
  }
  const pathFile = join(root, 'node_modules', 'electron', 'path.txt')
  if (!existsSync(pathFile)) return null
  const binary = join(root, 'node_modules', 'electron', 'dist', readFileSync(pathFile, 'utf8').trim())
  return existsSync(binary) ? binary : null
}

const binary = electronBinary()
const needsDisplay = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY

interface BridgeHost {
  readonly threatwright?: { invoke(name: 'app:info', request: null): Promise<AppInfo> }
}

test('the desktop app opens, draws the sample and answers over IPC', async () => {
  test.skip(
    binary === null,
    'Electron binary not installed (no node_modules/electron/path.txt and no ELECTRON_OVERRIDE_DIST_PATH); ' +
      'run `node node_modules/electron/install.js` with network access, or see README "Air-gapped install"'
  )
  test.skip(needsDisplay, 'No display for the Electron window: run the end-to-end tests under `xvfb-run -a`')

  const app = await electron.launch({
    executablePath: binary ?? undefined,
    args: ['--no-sandbox', root],
    cwd: root,
    timeout: 15_000
  })
  try {
    const window = await app.firstWindow()
    await expect(window.getByTestId('model-elements')).toBeVisible()
    await expect(window).toHaveTitle(/ — Threatwright$/)
    // The native menu replaces the page's own menu bar in the desktop app.
    await expect(window.getByRole('navigation', { name: 'Application menu' })).toHaveCount(0)
    await expect.poll(async () => (await canvasCounts(window)).nodes).toBeGreaterThan(0)

    const info = await window.evaluate(() => {
      const bridge = (globalThis as unknown as BridgeHost).threatwright
      return bridge ? bridge.invoke('app:info', null) : null
    })
    expect(info).toMatchObject({ name: expect.any(String), mode: 'electron' })
  } finally {
    await app.close()
  }
})
