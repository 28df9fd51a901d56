// Root postinstall: (1) fetch Electron's binary for developers who can, (2) build, so that
// `npx threatwright` and `npm start` work right after `npm ci`.
// electron >= 42 has no install script of its own and downloads lazily on first `require('electron')`;
// electron-vite only looks at node_modules/electron/path.txt, so we trigger the download here.
// Offline (air-gapped, CI) the download fails fast and we carry on: the app then runs in browser mode.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

const require = createRequire(import.meta.url)
const root = join(dirname(new URL(import.meta.url).pathname), '..')

function ensureElectron() {
  if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
    console.log('[postinstall] ELECTRON_SKIP_BINARY_DOWNLOAD is set: not downloading the Electron binary')
    return
  }
  let installScript
  try {
    installScript = require.resolve('electron/install.js')
  } catch {
    return // electron is a devDependency; a production install has none
  }
  if (existsSync(join(dirname(installScript), 'path.txt'))) return
  const result = spawnSync(process.execPath, [installScript], { stdio: 'ignore', timeout: 300_000 })
  if (result.status === 0 && existsSync(join(dirname(installScript), 'path.txt'))) {
    console.log('[postinstall] Electron binary ready')
  } else {
    console.log(
      '[postinstall] Electron binary not available (offline?): `npm start` will serve browser mode. ' +
        'See README, "Air-gapped install", to add the binary later.'
    )
  }
}

function build() {
  const cli = join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js')
  if (!existsSync(cli)) return // production install without dev tools: nothing to build with
  const result = spawnSync(process.execPath, [cli, 'build'], { cwd: root, stdio: 'inherit' })
  if (result.status !== 0) process.exit(result.status ?? 1)
}

ensureElectron()
build()
