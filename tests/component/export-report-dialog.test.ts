import { fireEvent, render, screen, waitFor } from '@testing-library/svelte'
import { describe, expect, it, vi } from 'vitest'
import type { ReportContext } from '../../reports/report-types'
import App from '../../src-renderer/src/components/App.svelte'
import ExportReportDialog from '../../src-renderer/src/components/ExportReportDialog.svelte'
import type { PdfPrintOutcome } from '../../src-shared/ipc-contract'
import { base64ToBytes, bytesToBase64 } from '../../src-renderer/src/document/base64'
import { inAppReportContext, UNSAVED_MODEL_HASH_DESCRIPTION } from '../../src-renderer/src/report/report-context'
import { FakeBackend, shopModel } from './fake-backend'

const context: ReportContext = {
  modelFileName: 'web-shop.twm',
  modelSha256: '0'.repeat(64),
  generatedAt: '2026-01-02T03:04:05.000Z',
  generator: { name: 'Threatwright', version: 'test' }
}

type PrintPdf = (html: string) => Promise<PdfPrintOutcome>

/** Bytes a PDF printer might answer: the magic, then every byte value, so any text round trip would show. */
const FAKE_PDF = new Uint8Array([...new TextEncoder().encode('%PDF-1.7\n'), ...Array.from({ length: 256 }, (_, byte) => byte)])

function renderDialog(
  ondownload = vi.fn(),
  reportContext: ReportContext = context,
  printPdf: PrintPdf = vi.fn<PrintPdf>(async () => ({ kind: 'printed', base64: bytesToBase64(FAKE_PDF) }))
) {
  render(ExportReportDialog, {
    props: { model: shopModel(), documentFileName: 'web-shop.twm', context: reportContext, mode: 'browser', printPdf, ondownload, onclose: vi.fn() }
  })
  return ondownload
}

async function choose(testId: string, value: string): Promise<void> {
  const select = screen.getByTestId(testId) as HTMLSelectElement
  select.value = value
  await fireEvent.change(select)
}

function preview(): string {
  return screen.queryByTestId('report-preview')?.getAttribute('srcdoc') ?? ''
}

function downloadButton(): HTMLButtonElement {
  return screen.getByRole('button', { name: /^Download / }) as HTMLButtonElement
}

/** The build after an option change is debounced and runs after a paint: wait until it is done. */
async function settled(): Promise<void> {
  await waitFor(() => expect(screen.queryByTestId('report-status')).toBeNull())
  expect(downloadButton().disabled).toBe(false)
}

describe('ExportReportDialog', () => {
  it('previews the HTML report in a frame that may run nothing', async () => {
    renderDialog()
    await settled()
    const frame = screen.getByTestId('report-preview')
    expect(frame.getAttribute('sandbox')).toBe('')
    expect(preview()).toContain('Web shop')
    expect(preview()).toContain('Disclosure')
  })

  it('follows the options: leaving mitigated threats out drops them from the preview', async () => {
    renderDialog()
    await settled()
    expect(preview()).toContain('Disclosure')
    await fireEvent.click(screen.getByLabelText(/Mitigated threats/))
    await settled()
    expect(preview()).not.toContain('Disclosure')
    expect(preview()).toContain('Spoofing')
  })

  it('follows the diagram filter and the summary-only switch', async () => {
    renderDialog()
    await settled()
    expect(preview()).toContain('Back office')
    await choose('report-diagram', 'shop')
    await settled()
    expect(preview()).not.toContain('Back office')
    const before = preview().length
    await fireEvent.click(screen.getByLabelText(/Executive summary only/))
    await settled()
    expect(preview().length).toBeLessThan(before)
  })

  it('says it is preparing the report, and offers no download, until the first build is done', async () => {
    renderDialog()
    expect(screen.getByRole('status').textContent).toBe('Preparing the report…')
    expect(screen.queryByTestId('report-preview')).toBeNull()
    expect(downloadButton().disabled).toBe(true)
    await settled()
    expect(preview()).toContain('Web shop')
  })

  it('keeps the previous preview, marked out of date, and disables Download while a change rebuilds', async () => {
    renderDialog()
    await settled()
    await fireEvent.click(screen.getByLabelText(/Mitigated threats/))
    // Debounced: right after the click the old report is still shown, marked stale, with the status beside it.
    expect(screen.getByRole('status').textContent).toBe('Preparing the report…')
    expect(screen.getByTestId('report-preview').getAttribute('data-stale')).toBe('true')
    expect(screen.getByTestId('report-preview').getAttribute('aria-busy')).toBe('true')
    expect(preview()).toContain('Disclosure')
    expect(downloadButton().disabled).toBe(true)
    await settled()
    expect(screen.getByTestId('report-preview').getAttribute('data-stale')).toBe('false')
    expect(preview()).not.toContain('Disclosure')
  })

  it('builds once for a burst of option changes', async () => {
    renderDialog()
    await settled()
    const frame = screen.getByTestId('report-preview')
    const versions: string[] = []
    const watcher = new MutationObserver(() => versions.push(frame.getAttribute('srcdoc') ?? ''))
    watcher.observe(frame, { attributes: true, attributeFilter: ['srcdoc'] })
    await fireEvent.click(screen.getByLabelText(/Mitigated threats/))
    await fireEvent.click(screen.getByLabelText(/Not applicable threats/))
    await fireEvent.click(screen.getByLabelText(/Diagram drawings/))
    await settled()
    watcher.disconnect()
    expect(versions).toHaveLength(1)
    expect(versions[0]).not.toContain('Disclosure')
  })

  it('downloads the chosen format under <name>-report.<ext>', async () => {
    const ondownload = renderDialog()
    await settled()
    await choose('report-format', 'markdown')
    await settled()
    await fireEvent.click(screen.getByRole('button', { name: /Download web-shop-report\.md/ }))
    expect(ondownload).toHaveBeenCalledTimes(1)
    const [fileName, bytes] = ondownload.mock.calls[0] as [string, Uint8Array]
    expect(fileName).toBe('web-shop-report.md')
    const text = new TextDecoder().decode(bytes)
    expect(text).toContain('# ')
    expect(text).toContain('Web shop')
    expect(text).not.toContain('<!DOCTYPE')
  })

  it('CSV and SARIF have no summary-only form', async () => {
    renderDialog()
    await choose('report-format', 'csv')
    expect((screen.getByLabelText(/Executive summary only/) as HTMLInputElement).disabled).toBe(true)
  })

  it('PDF: sends the HTML report with the chosen options to be printed and downloads the bytes unchanged', async () => {
    const printPdf = vi.fn<PrintPdf>(async () => ({ kind: 'printed', base64: bytesToBase64(FAKE_PDF) }))
    const ondownload = renderDialog(vi.fn(), context, printPdf)
    await settled()
    await fireEvent.click(screen.getByLabelText(/Mitigated threats/))
    await choose('report-format', 'pdf')
    await settled()
    await fireEvent.click(screen.getByRole('button', { name: /Download web-shop-report\.pdf/ }))
    await waitFor(() => expect(ondownload).toHaveBeenCalledTimes(1))
    expect(printPdf).toHaveBeenCalledTimes(1)
    const [html] = printPdf.mock.calls[0] as [string]
    expect(html).toMatch(/^<!DOCTYPE html>/)
    expect(html).toContain('Web shop')
    expect(html).not.toContain('Disclosure')
    // The preview stays the HTML report, and it is what was printed.
    expect(html).toBe(preview())
    const [fileName, bytes] = ondownload.mock.calls[0] as [string, Uint8Array]
    expect(fileName).toBe('web-shop-report.pdf')
    expect(new TextDecoder().decode(bytes.subarray(0, 5))).toBe('%PDF-')
    expect(Array.from(bytes)).toEqual(Array.from(FAKE_PDF))
    expect(screen.queryByTestId('report-pdf-problem')).toBeNull()
  })

  it('PDF: while printing, says so and disables Download', async () => {
    let finish: (outcome: PdfPrintOutcome) => void = () => undefined
    const printPdf = vi.fn<PrintPdf>(() => new Promise((resolve) => (finish = resolve)))
    const ondownload = renderDialog(vi.fn(), context, printPdf)
    await choose('report-format', 'pdf')
    await settled()
    await fireEvent.click(downloadButton())
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Printing the PDF…'))
    expect(downloadButton().disabled).toBe(true)
    finish({ kind: 'printed', base64: bytesToBase64(FAKE_PDF) })
    await waitFor(() => expect(ondownload).toHaveBeenCalledTimes(1))
    await settled()
  })

  it('PDF unavailable: shows main\'s message on how to get a printer, and downloads nothing', async () => {
    const message = 'no Chromium found to print the PDF (looked in /usr/bin/chromium and other usual places); install Chromium (Debian/Ubuntu: apt-get install chromium) or set CHROMIUM_PATH'
    const printPdf = vi.fn<PrintPdf>(async () => ({ kind: 'unavailable', message }))
    const ondownload = renderDialog(vi.fn(), context, printPdf)
    await choose('report-format', 'pdf')
    await settled()
    await fireEvent.click(downloadButton())
    const problem = await screen.findByRole('alert')
    expect(problem.textContent).toContain('PDF is not available here')
    expect(problem.textContent).toContain('apt-get install chromium')
    expect(problem.textContent).toContain('CHROMIUM_PATH')
    expect(ondownload).not.toHaveBeenCalled()
    expect(downloadButton().disabled).toBe(false)
  })

  it('PDF failed: shows the failure, downloads nothing', async () => {
    const printPdf = vi.fn<PrintPdf>(async () => ({ kind: 'failed', message: 'The PDF could not be printed: loading the report took longer than 120 s' }))
    const ondownload = renderDialog(vi.fn(), context, printPdf)
    await choose('report-format', 'pdf')
    await settled()
    await fireEvent.click(downloadButton())
    expect((await screen.findByRole('alert')).textContent).toContain('took longer than 120 s')
    expect(ondownload).not.toHaveBeenCalled()
  })
})

describe('the in-app report context', () => {
  const hash = 'ab'.repeat(32)

  it('passes the hash main computed, as the file\'s when the document is unmodified', () => {
    const made = inAppReportContext('web-shop.twm', { kind: 'file', sha256: hash }, '1.2.3', new Date('2026-01-02T03:04:05Z'))
    expect(made).toEqual({
      modelFileName: 'web-shop.twm',
      modelSha256: hash,
      modelHash: { kind: 'file' },
      generatedAt: '2026-01-02T03:04:05.000Z',
      generator: { name: 'Threatwright', version: '1.2.3' }
    })
  })

  it('names what it hashed when the model has unsaved changes', () => {
    const made = inAppReportContext('web-shop.twm', { kind: 'unsaved', sha256: hash }, '1.2.3')
    expect(made.modelSha256).toBe(hash)
    expect(made.modelHash).toEqual({ kind: 'unsaved', description: UNSAVED_MODEL_HASH_DESCRIPTION })
    expect(UNSAVED_MODEL_HASH_DESCRIPTION).toMatch(/serialised as a Threatwright \.twm file/)
  })

  it('says beside the options which hash the report carries', () => {
    renderDialog()
    expect(screen.getByTestId('report-model-hash').textContent).toMatch(/SHA-256 of web-shop\.twm as opened or last saved/)
  })

  it('warns beside the options when the report is of unsaved changes', () => {
    renderDialog(vi.fn(), { ...context, modelHash: { kind: 'unsaved', description: UNSAVED_MODEL_HASH_DESCRIPTION } })
    expect(screen.getByTestId('report-model-hash').textContent).toMatch(/Unsaved changes: no file on disk holds this model/)
  })
})

describe('File ▸ Export Report… in the app', () => {
  it('opens from the menu and downloads the report through the host', async () => {
    const download = vi.fn()
    render(App, { props: { backend: { mode: 'browser', api: new FakeBackend() }, headless: true, host: { confirm: () => true, download, close: vi.fn() } } })
    await waitFor(() => expect(screen.getByTestId('model-elements').textContent).toBe('4'))
    await fireEvent.click(screen.getByRole('button', { name: 'File' }))
    await fireEvent.click(screen.getByRole('menuitem', { name: /Export Report/ }))
    await waitFor(() => expect(preview()).toContain('Web shop'))
    expect(preview()).toContain('0.1.0')
    await fireEvent.click(screen.getByRole('button', { name: /Download web-shop-report\.html/ }))
    expect(download).toHaveBeenCalledTimes(1)
    const [fileName, base64] = download.mock.calls[0] as [string, string]
    expect(fileName).toBe('web-shop-report.html')
    expect(new TextDecoder().decode(base64ToBytes(base64))).toContain('<!DOCTYPE html>')
  })

  it('PDF goes to main as report:print-pdf and the printed bytes are downloaded through the host', async () => {
    const download = vi.fn()
    const api = new FakeBackend({ 'report:print-pdf': () => ({ kind: 'printed', base64: bytesToBase64(FAKE_PDF) }) })
    render(App, { props: { backend: { mode: 'browser', api }, headless: true, host: { confirm: () => true, download, close: vi.fn() } } })
    await waitFor(() => expect(screen.getByTestId('model-elements').textContent).toBe('4'))
    await fireEvent.click(screen.getByRole('button', { name: 'File' }))
    await fireEvent.click(screen.getByRole('menuitem', { name: /Export Report/ }))
    await waitFor(() => expect(preview()).toContain('Web shop'))
    await choose('report-format', 'pdf')
    await settled()
    await fireEvent.click(screen.getByRole('button', { name: /Download web-shop-report\.pdf/ }))
    await waitFor(() => expect(download).toHaveBeenCalledTimes(1))
    const printed = api.calls.filter((call) => call.name === 'report:print-pdf')
    expect(printed).toHaveLength(1)
    expect((printed[0]?.request as { html: string }).html).toBe(preview())
    const [fileName, base64] = download.mock.calls[0] as [string, string]
    expect(fileName).toBe('web-shop-report.pdf')
    expect(Array.from(base64ToBytes(base64))).toEqual(Array.from(FAKE_PDF))
  })
})
