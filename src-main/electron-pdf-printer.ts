/**
 * Report HTML → PDF in the desktop app with Electron's own printToPDF (issue 9). The HTML is untrusted
 * (every name in it came from a model file), so it is shown only in a window that is never shown, runs no
 * script, has no preload, and lives in its own in-memory session whose every request is cancelled except
 * the report itself. The window is destroyed whatever happens. Electron is injected: this runs in plain
 * Node under vitest (tests/unit/main/electron-pdf-printer.test.ts).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { BrowserWindowConstructorOptions } from 'electron'
import { lockSession, type LockableSession } from './window/harden-web-contents'
import { failedPrint, startsWithPdfMagic, type PdfOutcome, type PdfPrinter } from '../node-io/chromium-pdf'

/** No `persist:` prefix: Electron keeps this session in memory only, apart from the app's own. */
export const PRINT_PARTITION = 'threatwright-print'

export const PRINT_TO_PDF_OPTIONS = { printBackground: true, pageSize: 'A4', preferCSSPageSize: true } as const

/**
 * Chromium refuses to navigate to a URL longer than 2 MiB characters (content's kMaxURLChars), so a
 * large report (thousands of threats) cannot travel as a data: URL; it goes through a private temp file,
 * and exactly that file's URL is allowed. Kept below the limit with room for the data: prefix.
 */
export const MAX_DATA_URL_CHARS = 2 * 1024 * 1024 - 1024

const PRINT_TIMEOUT_MS = 120_000

export type PrintSession = LockableSession

export interface PrintWindow {
  loadURL(url: string): Promise<void>
  readonly webContents: { printToPDF(options: typeof PRINT_TO_PDF_OPTIONS): Promise<Uint8Array> }
  isDestroyed(): boolean
  destroy(): void
}

/** What the printer needs of Electron: index.ts passes `session.fromPartition` and `new BrowserWindow`. */
export interface ElectronPrintApi {
  printSession(partition: string): PrintSession
  createWindow(options: BrowserWindowConstructorOptions): PrintWindow
}

export interface ElectronPdfPrinterOptions {
  /** Tests shorten it; a print that hangs must not leave the dialog waiting forever. */
  readonly timeoutMs?: number
  /** Where large reports are written for the window to load (a private folder is made inside). */
  readonly tempDir?: string
}

/** The hidden print window: the main window's hardened preferences, no preload, and no JavaScript at all. */
export function printWindowOptions(): BrowserWindowConstructorOptions {
  return {
    show: false,
    focusable: false,
    skipTaskbar: true,
    webPreferences: {
      partition: PRINT_PARTITION,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      // The report needs no script (reports/render-html.ts); switching JavaScript off means a hostile name that
      // slipped past escaping still could not run.
      javascript: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      navigateOnDragDrop: false
    }
  }
}

/** The report's own URL, in-memory data (the report's images may only be data:) and about:blank; nothing else. */
export function isPrintRequestAllowed(url: string, reportUrl: string): boolean {
  if (url === reportUrl) return true
  let protocol: string
  try {
    protocol = new URL(url).protocol
  } catch {
    return false
  }
  return protocol === 'data:' || protocol === 'about:'
}

/**
 * One print at a time: they share the print session, whose request filter names the report being printed.
 * The user prints from a modal dialog, so waiting costs nothing in practice.
 */
export function createElectronPdfPrinter(electron: ElectronPrintApi, options: ElectronPdfPrinterOptions = {}): PdfPrinter {
  let previous: Promise<unknown> = Promise.resolve()
  const print: PrintState = { reportUrl: null, session: null }
  return (html) => {
    const run = previous.then(() => printOnce(electron, html, options, print))
    previous = run.catch(() => undefined)
    return run
  }
}

/** The print session, locked once, and the report it may load now (none between prints). */
interface PrintState {
  reportUrl: string | null
  session: PrintSession | null
}

async function printOnce(electron: ElectronPrintApi, html: string, options: ElectronPdfPrinterOptions, print: PrintState): Promise<PdfOutcome> {
  let source: ReportSource | null = null
  let window: PrintWindow | null = null
  // Before its first window: the web-contents hook then leaves this session's stricter rules in place.
  print.session ??= lockedPrintSession(electron, print)
  try {
    source = await reportSource(html, options.tempDir ?? tmpdir())
    print.reportUrl = source.url
    window = electron.createWindow(printWindowOptions())
    const timeoutMs = options.timeoutMs ?? PRINT_TIMEOUT_MS
    await withTimeout(window.loadURL(source.url), timeoutMs, 'loading the report')
    const pdf = await withTimeout(window.webContents.printToPDF(PRINT_TO_PDF_OPTIONS), timeoutMs, 'printing')
    const bytes = new Uint8Array(pdf)
    if (!startsWithPdfMagic(bytes)) return { kind: 'failed', message: 'Electron did not produce a PDF.' }
    return { kind: 'printed', bytes }
  } catch (error) {
    return failedPrint(error)
  } finally {
    print.reportUrl = null
    if (window !== null && !window.isDestroyed()) window.destroy()
    await source?.dispose()
  }
}

function lockedPrintSession(electron: ElectronPrintApi, print: PrintState): PrintSession {
  const session = electron.printSession(PRINT_PARTITION)
  lockSession(session, (url) => print.reportUrl !== null && isPrintRequestAllowed(url, print.reportUrl))
  return session
}

interface ReportSource {
  readonly url: string
  dispose(): Promise<void>
}

async function reportSource(html: string, tempDir: string): Promise<ReportSource> {
  const dataUrl = `data:text/html;charset=utf-8;base64,${Buffer.from(html, 'utf8').toString('base64')}`
  if (dataUrl.length <= MAX_DATA_URL_CHARS) return { url: dataUrl, dispose: async () => undefined }
  const folder = await mkdtemp(join(tempDir, 'threatwright-print-'))
  const path = join(folder, 'report.html')
  await writeFile(path, html, { mode: 0o600 })
  return { url: pathToFileURL(path).href, dispose: () => rm(folder, { recursive: true, force: true }) }
}

function withTimeout<T>(pending: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined
  // Once the timeout has won, a late rejection (the destroyed window's load) must not go unhandled.
  pending.catch(() => undefined)
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${Math.round(ms / 1000)} s`)), ms)
  })
  return Promise.race([pending, timeout]).finally(() => clearTimeout(timer))
}
