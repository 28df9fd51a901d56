/**
 * Report HTML → PDF with headless Chromium, for the two Node hosts without Electron's printToPDF: the CLI
 * (`report --format pdf`) and browser mode (the app's Export report ▸ PDF). Only Node built-ins
 * (lint/layers.mjs).
 */
import { execFile } from 'node:child_process'
import { constants } from 'node:fs'
import { access, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

export type PdfOutcome =
  | { readonly kind: 'printed'; readonly bytes: Uint8Array }
  /** No browser to print with: the user must install one (the message says how). */
  | { readonly kind: 'unavailable'; readonly message: string }
  | { readonly kind: 'failed'; readonly message: string }

export type PdfPrinter = (html: string) => Promise<PdfOutcome>

/** Where Chromium or Chrome usually lives; CHROMIUM_PATH, when set, is used alone. */
const CHROMIUM_CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe'
]

const HOW_TO_GET_CHROMIUM =
  'install Chromium (Debian/Ubuntu: apt-get install chromium) or set CHROMIUM_PATH to a Chromium or Chrome binary'

/** What the CLI suggests instead of a PDF; browser mode passes its own words (the user is in a page, not a shell). */
export const CLI_PDF_ALTERNATIVE = 'or write --format html and print it to PDF from any browser'

export interface ChromiumPdfOptions {
  /** Appended to the "no Chromium" message: what else the user can do. Defaults to the CLI's advice. */
  readonly alternative?: string
}

/**
 * Prints report HTML to PDF with headless Chromium: the HTML goes to a private temp folder, Chromium
 * prints it with a throw-away profile, and the folder is removed whatever happens. Nothing is fetched:
 * the report loads nothing (its CSP forbids it) and background networking is switched off.
 */
export function chromiumPdfPrinter(env: NodeJS.ProcessEnv = process.env, options: ChromiumPdfOptions = {}): PdfPrinter {
  return async (html) => {
    const browser = await findChromium(env, options.alternative)
    if (browser.kind === 'missing') return { kind: 'unavailable', message: browser.message }
    const folder = await mkdtemp(join(tmpdir(), 'threatwright-pdf-'))
    try {
      const htmlPath = join(folder, 'report.html')
      const pdfPath = join(folder, 'report.pdf')
      await writeFile(htmlPath, html, { mode: 0o600 })
      const run = await runChromium(browser.path, [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--no-pdf-header-footer',
        `--print-to-pdf=${pdfPath}`,
        `--user-data-dir=${join(folder, 'profile')}`,
        '--no-first-run',
        '--no-default-browser-check',
        '--disable-extensions',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        pathToFileURL(htmlPath).href
      ])
      const bytes = await readFile(pdfPath).catch(() => null)
      if (bytes === null || !startsWithPdfMagic(bytes)) {
        return { kind: 'failed', message: `Chromium (${browser.path}) did not produce a PDF${run === '' ? '' : `: ${run}`}` }
      }
      return { kind: 'printed', bytes: new Uint8Array(bytes) }
    } finally {
      await rm(folder, { recursive: true, force: true })
    }
  }
}

export async function findChromium(
  env: NodeJS.ProcessEnv,
  alternative: string = CLI_PDF_ALTERNATIVE
): Promise<{ kind: 'found'; path: string } | { kind: 'missing'; message: string }> {
  const advice = `${HOW_TO_GET_CHROMIUM}; ${alternative}`
  const chosen = env.CHROMIUM_PATH?.trim()
  if (chosen !== undefined && chosen !== '') {
    if (await isExecutable(chosen)) return { kind: 'found', path: chosen }
    return { kind: 'missing', message: `CHROMIUM_PATH is set to ${chosen}, which is not an executable file; ${advice}` }
  }
  for (const candidate of CHROMIUM_CANDIDATES) if (await isExecutable(candidate)) return { kind: 'found', path: candidate }
  return { kind: 'missing', message: `no Chromium found to print the PDF (looked in ${CHROMIUM_CANDIDATES[0]} and other usual places); ${advice}` }
}

async function isExecutable(path: string): Promise<boolean> {
  try {
    await access(path, constants.X_OK)
    return true
  } catch {
    return false
  }
}

/** Runs Chromium and resolves with its last error line ('' when quiet); never rejects. */
function runChromium(path: string, args: readonly string[]): Promise<string> {
  return new Promise((resolve) => {
    execFile(path, args, { timeout: 120_000, windowsHide: true }, (error, _stdout, stderr) => {
      if (error === null) return resolve('')
      const lines = String(stderr).trim().split('\n')
      resolve(lines[lines.length - 1] || error.message)
    })
  })
}

/** Every PDF starts with `%PDF-`; anything else is not one, whatever a printer said. */
/** A print that threw (a crashed print window, a temp folder that cannot be made), as the outcome the user is told. */
export function failedPrint(error: unknown): Extract<PdfOutcome, { kind: 'failed' }> {
  return { kind: 'failed', message: `The PDF could not be printed: ${error instanceof Error ? error.message : String(error)}` }
}

export function startsWithPdfMagic(bytes: Uint8Array): boolean {
  return bytes.length > 5 && new TextDecoder().decode(bytes.subarray(0, 5)) === '%PDF-'
}
