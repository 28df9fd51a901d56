import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import {
  createElectronPdfPrinter,
  isPrintRequestAllowed,
  MAX_DATA_URL_CHARS,
  PRINT_PARTITION,
  PRINT_TO_PDF_OPTIONS,
  type ElectronPrintApi,
  type PrintSession,
  type PrintWindow
} from '../../../src-main/electron-pdf-printer'
import { hardenWebContents, type HardenableContents, type HardenableSession } from '../../../src-main/window/harden-web-contents'

const PDF = new Uint8Array([...new TextEncoder().encode('%PDF-1.7\n'), 0, 200, 255])
const HTML = '<!DOCTYPE html><html><head><title>Web shop</title></head><body><h1>Web shop</h1></body></html>'

type RequestFilter = (details: { url: string }, callback: (response: { cancel?: boolean }) => void) => void

interface FakeBehaviour {
  loadURL?: (url: string) => Promise<void>
  printToPDF?: () => Promise<Uint8Array>
}

/**
 * A fake Electron: records the window's options, the session's handlers and the window's life. Like the real
 * app, constructing a window runs the app's web-contents hardening on it (app.on('web-contents-created') →
 * hardenWebContents), which would install the app's looser rules on a session nobody locked first.
 */
function fakeElectron(behaviour: FakeBehaviour = {}) {
  const log: string[] = []
  let filter: RequestFilter | null = null
  let permissionRequest: ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void) | null = null
  let permissionCheck: (() => boolean) | null = null
  const partitions: string[] = []
  const windows: { options: Parameters<ElectronPrintApi['createWindow']>[0]; destroyed: boolean; loaded: string | null; reportAllowedAtLoad: boolean | null }[] = []
  const session = {
    webRequest: {
      onBeforeRequest: ((handler: RequestFilter) => {
        filter = handler
        log.push('filter')
      }) as unknown as PrintSession['webRequest']['onBeforeRequest'],
      onHeadersReceived: () => log.push('app headers')
    },
    setPermissionRequestHandler: ((handler: typeof permissionRequest) => {
      permissionRequest = handler
    }) as unknown as PrintSession['setPermissionRequestHandler'],
    setPermissionCheckHandler: ((handler: typeof permissionCheck) => {
      permissionCheck = handler
    }) as unknown as PrintSession['setPermissionCheckHandler']
  } as unknown as PrintSession & HardenableSession
  const api: ElectronPrintApi = {
    printSession(partition) {
      partitions.push(partition)
      return session
    },
    createWindow(options) {
      const contents = { on: () => contents, setWindowOpenHandler: () => undefined } as unknown as HardenableContents
      hardenWebContents(contents, session, { trustedRendererUrl: 'app://threatwright/index.html', devServerUrl: null })
      const record = { options, destroyed: false, loaded: null as string | null, reportAllowedAtLoad: null as boolean | null }
      windows.push(record)
      log.push('window')
      const window: PrintWindow = {
        async loadURL(url) {
          record.loaded = url
          record.reportAllowedAtLoad = cancels(url) === false
          log.push('load')
          await behaviour.loadURL?.(url)
        },
        webContents: {
          async printToPDF(printOptions) {
            expect(printOptions).toEqual({ printBackground: true, pageSize: 'A4', preferCSSPageSize: true })
            log.push('print')
            return behaviour.printToPDF ? behaviour.printToPDF() : PDF
          }
        },
        isDestroyed: () => record.destroyed,
        destroy() {
          record.destroyed = true
          log.push('destroy')
        }
      }
      return window
    }
  }
  const cancels = (url: string): boolean | undefined => {
    let answer: boolean | undefined
    filter?.({ url }, (response) => (answer = response.cancel))
    return answer
  }
  return {
    api,
    log,
    windows,
    partitions,
    cancels,
    permissionGranted(permission: string): boolean | undefined {
      let granted: boolean | undefined
      permissionRequest?.({}, permission, (answer) => (granted = answer))
      return granted
    },
    permissionCheck: () => permissionCheck?.()
  }
}

describe('the Electron PDF printer', () => {
  it('prints in a hidden, sandboxed window without JavaScript, in its own in-memory session', async () => {
    const electron = fakeElectron()
    const outcome = await createElectronPdfPrinter(electron.api)(HTML)
    expect(outcome).toEqual({ kind: 'printed', bytes: PDF })
    expect(electron.windows).toHaveLength(1)
    const options = electron.windows[0]?.options
    expect(options?.show).toBe(false)
    expect(options?.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      javascript: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      partition: PRINT_PARTITION
    })
    expect(options?.webPreferences?.preload).toBeUndefined()
    // No `persist:` prefix: Electron keeps the session in memory; and it is the session the window uses.
    expect(PRINT_PARTITION.startsWith('persist:')).toBe(false)
    expect(electron.partitions).toEqual([PRINT_PARTITION])
    expect(PRINT_TO_PDF_OPTIONS).toEqual({ printBackground: true, pageSize: 'A4', preferCSSPageSize: true })
  })

  it('loads the report as a data: URL and destroys the window after printing', async () => {
    const electron = fakeElectron()
    await createElectronPdfPrinter(electron.api)(HTML)
    const loaded = electron.windows[0]?.loaded ?? ''
    expect(loaded.startsWith('data:text/html;charset=utf-8;base64,')).toBe(true)
    expect(Buffer.from(loaded.slice(loaded.indexOf(',') + 1), 'base64').toString('utf8')).toBe(HTML)
    // The session is locked before its first window, so the app's hardening leaves it (no 'app headers').
    expect(electron.log).toEqual(['filter', 'window', 'load', 'print', 'destroy'])
    expect(electron.windows[0]?.destroyed).toBe(true)
  })

  it('cancels every request but the report while it prints, data: and about: — its own rules, not the app window\'s', async () => {
    const refused = [
      'https://evil.example/',
      'http://127.0.0.1:8080/',
      'file:///etc/passwd',
      'app://threatwright/index.html',
      'blob:null/1234',
      'ws://localhost/',
      'devtools://devtools/bundled/inspector.html',
      'ftp://example.com/',
      'not a url'
    ]
    const allowed = ['data:image/png;base64,AAAA', 'about:blank']
    const atLoad = new Map<string, boolean | undefined>()
    const electron: ReturnType<typeof fakeElectron> = fakeElectron({
      loadURL: async (url) => {
        for (const probe of [url, ...refused, ...allowed]) atLoad.set(probe, electron.cancels(probe))
      }
    })
    await createElectronPdfPrinter(electron.api)(HTML)
    const report = electron.windows[0]?.loaded ?? ''
    expect(atLoad.get(report)).toBe(false)
    for (const url of refused) expect(atLoad.get(url), url).toBe(true)
    for (const url of allowed) expect(atLoad.get(url), url).toBe(false)
    // Between prints nothing may load, not even the last report.
    expect(electron.cancels(report)).toBe(true)
    expect(electron.cancels('data:image/png;base64,AAAA')).toBe(true)
    expect(electron.permissionGranted('media')).toBe(false)
    expect(electron.permissionGranted('notifications')).toBe(false)
    expect(electron.permissionCheck()).toBe(false)
  })

  it('destroys the window when loading fails, and says the print failed', async () => {
    const electron = fakeElectron({ loadURL: async () => Promise.reject(new Error('ERR_INVALID_URL (-300)')) })
    const outcome = await createElectronPdfPrinter(electron.api)(HTML)
    expect(outcome).toEqual({ kind: 'failed', message: 'The PDF could not be printed: ERR_INVALID_URL (-300)' })
    expect(electron.windows[0]?.destroyed).toBe(true)
    expect(electron.log).not.toContain('print')
  })

  it('destroys the window when printToPDF fails or answers something that is not a PDF', async () => {
    const failing = fakeElectron({ printToPDF: async () => Promise.reject(new Error('Printing failed')) })
    expect(await createElectronPdfPrinter(failing.api)(HTML)).toEqual({ kind: 'failed', message: 'The PDF could not be printed: Printing failed' })
    expect(failing.windows[0]?.destroyed).toBe(true)
    const garbage = fakeElectron({ printToPDF: async () => new TextEncoder().encode('<html>') })
    expect(await createElectronPdfPrinter(garbage.api)(HTML)).toEqual({ kind: 'failed', message: 'Electron did not produce a PDF.' })
    expect(garbage.windows[0]?.destroyed).toBe(true)
  })

  it('gives up on a print that hangs, and destroys the window', async () => {
    const electron = fakeElectron({ loadURL: () => new Promise<void>(() => undefined) })
    const outcome = await createElectronPdfPrinter(electron.api, { timeoutMs: 20 })(HTML)
    expect(outcome).toMatchObject({ kind: 'failed', message: expect.stringMatching(/loading the report took longer than/) })
    expect(electron.windows[0]?.destroyed).toBe(true)
  })

  it('loads a report too long for a data: URL from a private temp file, allows only that file, and removes it', async () => {
    const tempDir = await mkdtemp(join(tmpdir(), 'threatwright-print-test-'))
    try {
      const large = `<!DOCTYPE html><p>${'threat '.repeat(Math.ceil(MAX_DATA_URL_CHARS / 7))}</p>`
      let onDisk = ''
      const decisions: (boolean | undefined)[] = []
      const electron: ReturnType<typeof fakeElectron> = fakeElectron({
        loadURL: async (url) => {
          onDisk = await readFile(fileURLToPath(url), 'utf8')
          const sibling = `${url.slice(0, url.lastIndexOf('/'))}/other.html`
          decisions.push(electron.cancels(url), electron.cancels(sibling), electron.cancels('file:///etc/passwd'))
        }
      })
      const outcome = await createElectronPdfPrinter(electron.api, { tempDir })(large)
      expect(outcome.kind).toBe('printed')
      expect(electron.windows[0]?.loaded?.startsWith('file://')).toBe(true)
      expect(onDisk).toBe(large)
      expect(decisions).toEqual([false, true, true])
      expect(await readdir(tempDir)).toEqual([])
      expect(electron.windows[0]?.destroyed).toBe(true)
    } finally {
      await rm(tempDir, { recursive: true, force: true })
    }
  })

  it('prints one report at a time', async () => {
    let release: () => void = () => undefined
    let first = true
    const electron = fakeElectron({
      loadURL: () => {
        if (!first) return Promise.resolve()
        first = false
        return new Promise<void>((resolve) => (release = resolve))
      }
    })
    const print = createElectronPdfPrinter(electron.api)
    const one = print(HTML)
    const two = print(HTML)
    await new Promise((resolve) => setTimeout(resolve, 10))
    expect(electron.windows).toHaveLength(1)
    release()
    expect((await one).kind).toBe('printed')
    expect((await two).kind).toBe('printed')
    expect(electron.windows).toHaveLength(2)
    expect(electron.windows.every((window) => window.destroyed)).toBe(true)
  })
})

describe('isPrintRequestAllowed', () => {
  it('allows the report itself, data: and about: only', () => {
    expect(isPrintRequestAllowed('file:///tmp/x/report.html', 'file:///tmp/x/report.html')).toBe(true)
    expect(isPrintRequestAllowed('file:///tmp/x/other.html', 'file:///tmp/x/report.html')).toBe(false)
    expect(isPrintRequestAllowed('data:text/html,hi', 'data:text/html,hi')).toBe(true)
    expect(isPrintRequestAllowed('about:blank', 'data:text/html,hi')).toBe(true)
    expect(isPrintRequestAllowed('https://example.com/', 'data:text/html,hi')).toBe(false)
    expect(isPrintRequestAllowed('', 'data:text/html,hi')).toBe(false)
  })
})
