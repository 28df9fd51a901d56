/**
 * `node out/main/browser-mode.js`: Threatwright in a local browser, for machines without Electron's
 * binary (scripts/start.mjs runs this when the binary is missing). Environment:
 * - THREATWRIGHT_PORT: the port (default 0, a free one);
 * - THREATWRIGHT_DATA_DIR: the data folder for recent files (default: see data-folder.ts);
 * - THREATWRIGHT_TOKEN: FOR THE END-TO-END TESTS ONLY, a fixed token instead of a fresh random one.
 *   A fixed token is a standing password to the models on this machine; never set it for real use.
 * Prints exactly one line, the URL to open, and runs until SIGINT/SIGTERM.
 */
import { randomBytes } from 'node:crypto'
import { readFile, stat } from 'node:fs/promises'
import { homedir } from 'node:os'
import { join } from 'node:path'
import { chromiumPdfPrinter } from '../../node-io/chromium-pdf'
import { createCommandHandlers, defaultFormatRegistry } from '../handlers/command-handlers'
import { createRecoveryStorage } from '../recovery/recovery-storage'
import { createRecoveryStore } from '../recovery/recovery-store'
import { createRecentFilesStore } from '../handlers/recent-files'
import { cancelledDialogs, noDiskAccess } from './browser-ports'
import { browserModeDataFolder } from './data-folder'
import { createBrowserModeServer } from './server'

/** What the user can do without Chromium, said in the page (the CLI's advice names `--format html`). */
const BROWSER_MODE_PDF_ALTERNATIVE =
  'or choose HTML in Export report and print the downloaded file to PDF from your browser ' +
  '(CHROMIUM_PATH is read when browser mode starts)'

function fail(message: string): never {
  process.stderr.write(`threatwright browser mode: ${message}\n`)
  process.exit(1)
}

function portFrom(raw: string | undefined): number {
  if (raw === undefined || raw === '') return 0
  const port = Number(raw)
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`THREATWRIGHT_PORT=${raw} is not a port number`)
  return port
}

async function appVersion(): Promise<string> {
  try {
    const manifest: unknown = JSON.parse(await readFile(join(__dirname, '..', '..', 'package.json'), 'utf8'))
    const version = (manifest as { version?: unknown }).version
    return typeof version === 'string' ? version : '0.0.0'
  } catch {
    return '0.0.0'
  }
}

async function main(): Promise<void> {
  // The bundle is out/main/browser-mode.js; the renderer is built next to it.
  const rendererDir = join(__dirname, '..', 'renderer')
  if (!(await stat(join(rendererDir, 'index.html')).catch(() => null))) {
    fail(`the renderer is not built (${rendererDir} has no index.html); run \`npm run build\``)
  }
  const dataFolder = browserModeDataFolder(process.env, homedir(), process.platform)
  // Recovery copies go to browser mode's own data folder; the user's files stay untouched (noDiskAccess),
  // so every copy is offered on the next start (there is no file on disk to compare it with).
  const recovery = createRecoveryStore({ storage: createRecoveryStorage(dataFolder), registry: defaultFormatRegistry, files: noDiskAccess })
  const handlers = createCommandHandlers({
    mode: 'browser',
    appVersion: await appVersion(),
    dialogs: cancelledDialogs,
    files: noDiskAccess,
    recentFiles: createRecentFilesStore({ folder: dataFolder }),
    recovery,
    // The page warns on unload itself (beforeunload); there is no window for main to keep open.
    setDirty: () => undefined,
    // No Electron, so no printToPDF: the report's PDF comes from headless Chromium, as in the CLI.
    printPdf: chromiumPdfPrinter(process.env, { alternative: BROWSER_MODE_PDF_ALTERNATIVE })
  })
  const server = await createBrowserModeServer({
    rendererDir,
    handlers,
    token: process.env.THREATWRIGHT_TOKEN ?? randomBytes(24).toString('hex'),
    host: '127.0.0.1',
    port: portFrom(process.env.THREATWRIGHT_PORT)
  }).catch((error: unknown) => fail(error instanceof Error ? error.message : String(error)))

  process.stdout.write(`Threatwright (browser mode): ${server.url}\n`)
  const stop = (): void => {
    void server.close().finally(() => process.exit(0))
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

void main()
