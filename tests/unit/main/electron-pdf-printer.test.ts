import { readFile, readdir, mkdtemp } from 'node:fs/promises'
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
  type PrintWindowOptions,
  type PrintSession,
  type PrintWindow
} from '../../../src-main/electron-pdf-printer'

const PDF = new Uint8Array([...new TextEncoder().encode('%PDF-1.7\n'), 0, 200, 255])
const HTML = '<!DOCTYPE html><html><head><title>Web shop</title></head><body><h1>Web shop</h1></body></html>'

type RequestFilter = (details: { url: string }, callback: (response: { cancel?: boolean }) => void) => void

interface FakeBehaviour {
  loadURL?: (url: string) => Promise<void>
  printToPDF?: () => Promise<Uint8Array>
}

/**
 * A fake Electron: records the window's options, the session's handlers and the window's life. Like the real
 * app, constructing a window installs a permissive request filter on its session first (what
 * app.on('web-contents-created') → hardenWebContents does), so the test sees whose filter is in place.
 */
function fakeElectron(behaviour: FakeBehaviour = {}) {
  const log: string[] = []
  let filter: RequestFilter | null = null
  let permissionRequest: ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void) | null = null
  let permissionCheck: (() => boolean) | null = null
  const partitions: string[] = []
  const windows: { options: PrintWindowOptions; destroyed: boolean; loaded: string | null; filterAtLoad: RequestFilter | null }[] = []
  const session: PrintSession = {
    webRequest: {
      onBeforeRequest: ((handler: RequestFilter) => {
        filter = handler
        log.push('filter')
      }) as unknown as PrintSession['webRequest']['onBeforeRequest']
    },
    setPermissionRequestHandler: ((handler: typeof permissionRequest) => {
      permissionRequest = handler
    }) as unknown as PrintSession['setPermissionRequestHandler'],
    setPermissionCheckHandler: ((handler: typeof permissionCheck) => {
      permissionCheck = handler
    }) as unknown as PrintSession['setPermissionCheckHandler']
  }
  const api: ElectronPrintApi = {
    printSession(partition) {
      partitions.push(partition)
      return session
    },
    createWindow(options) {
      // The app's generic hardening: allows data:, blob:, app://… Ours must replace it.
      filter = (_details, callback) => callback({ cancel: false })
      const record = { options, destroyed: false, loaded: null as string | null, filterAtLoad: null as RequestFilter | null }
      windows.push(record)
      log.push('window')
      const window: PrintWindow = {
        async loadURL(url) {
          record.loaded = url
          record.filterAtLoad = filter
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
    expect(electron.log).toEqual(['window', 'filter', 'load', 'print', 'destroy'])
    expect(electron.windows[0]?.destroyed).toBe(true)
  })

  it('cancels every request but the report, data: and about: — with its own filter in place before the load', async () => {
    const electron = fakeElectron()
    await createElectronPdfPrinter(electron.api)(HTML)
    const window = electron.windows[0]
    // The filter at load time is ours, not the permissive one the window's creation installed.
    expect(window?.filterAtLoad).not.toBeNull()
    let cancelledAtLoad: boolean | undefined
    window?.filterAtLoad?.({ url: 'https://evil.example/x.png' }, (response) => (cancelledAtLoad = response.cancel))
    expect(cancelledAtLoad).toBe(true)
    for (const url of [
      'https://evil.example/',
      'http://127.0.0.1:8080/',
      'file:///etc/passwd',
      'app://threatwright/index.html',
      'blob:null/1234',
      'ws://localhost/',
      'devtools://devtools/bundled/inspector.html',
      'ftp://example.com/',
      'not a url'
    ]) {
      expect(electron.cancels(url), url).toBe(true)
    }
    expect(electron.cancels(window?.loaded ?? '')).toBe(false)
    expect(electron.cancels('data:image/png;base64,AAAA')).toBe(false)
    expect(electron.cancels('about:blank')).toBe(false)
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
    const large = `<!DOCTYPE html><p>${'threat '.repeat(Math.ceil(MAX_DATA_URL_CHARS / 7))}</p>`
    let onDisk = ''
    const electron = fakeElectron({
      loadURL: async (url) => {
        onDisk = await readFile(fileURLToPath(url), 'utf8')
      }
    })
    const outcome = await createElectronPdfPrinter(electron.api, { tempDir })(large)
    expect(outcome.kind).toBe('printed')
    const loaded = electron.windows[0]?.loaded ?? ''
    expect(loaded.startsWith('file://')).toBe(true)
    expect(onDisk).toBe(large)
    expect(electron.cancels(loaded)).toBe(false)
    expect(electron.cancels(`${loaded.slice(0, loaded.lastIndexOf('/'))}/other.html`)).toBe(true)
    expect(electron.cancels('file:///etc/passwd')).toBe(true)
    expect(await readdir(tempDir)).toEqual([])
    expect(electron.windows[0]?.destroyed).toBe(true)
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
