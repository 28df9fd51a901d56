// `npm start`: the desktop app when Electron's binary is installed, browser mode otherwise.
// Air-gapped machines often have node_modules without the binary (npm ci cannot download it there);
// they still get the full app, served on 127.0.0.1 (src-main/browser-mode/).
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const electronVite = join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js')
const browserModeBundle = join(root, 'out', 'main', 'browser-mode.js')

/** Mirrors how electron-vite finds Electron: ELECTRON_OVERRIDE_DIST_PATH, or path.txt naming a file in dist/. */
function electronBinaryPresent() {
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) return true
  const electronFolder = join(root, 'node_modules', 'electron')
  const pathFile = join(electronFolder, 'path.txt')
  if (!existsSync(pathFile)) return false
  const executable = readFileSync(pathFile, 'utf8').trim()
  return executable !== '' && existsSync(join(electronFolder, 'dist', executable))
}

/** Runs a child with our terminal, passes Ctrl+C / kill on to it, and exits with its status. */
function runForwardingSignals(command, args) {
  const child = spawn(command, args, { cwd: root, stdio: 'inherit' })
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => child.kill(signal))
  }
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
  child.on('error', (error) => {
    console.error(`npm start: could not run ${command}: ${error.message}`)
    process.exit(1)
  })
}

if (electronBinaryPresent()) {
  runForwardingSignals(process.execPath, [electronVite, 'preview'])
} else {
  // stderr, so stdout carries only browser mode's one line with the URL (scripts and e2e tests read it).
  console.error(
    "Electron's binary is not installed, so Threatwright starts in browser mode (see README, \"Air-gapped install\", to add the binary)."
  )
  if (!existsSync(browserModeBundle)) {
    // Build output to stderr as well, for the same reason.
    const build = spawnSync(process.execPath, [electronVite, 'build'], { cwd: root, stdio: ['inherit', 2, 2] })
    if (build.status !== 0) process.exit(build.status ?? 1)
  }
  runForwardingSignals(process.execPath, [browserModeBundle])
}
