import { fireEvent, render, screen, waitFor } from '@testing-library/svelte'
import { describe, expect, it, vi } from 'vitest'
import type { ReportContext } from '../../reports/report-types'
import App from '../../src-renderer/src/components/App.svelte'
import ExportReportDialog from '../../src-renderer/src/components/ExportReportDialog.svelte'
import { base64ToBytes } from '../../src-renderer/src/document/base64'
import { inAppReportContext, UNSAVED_MODEL_HASH_DESCRIPTION } from '../../src-renderer/src/report/report-context'
import { FakeBackend, shopModel } from './fake-backend'

const context: ReportContext = {
  modelFileName: 'web-shop.twm',
  modelSha256: '0'.repeat(64),
  generatedAt: '2026-01-02T03:04:05.000Z',
  generator: { name: 'Threatwright', version: 'test' }
}

function renderDialog(ondownload = vi.fn(), reportContext: ReportContext = context) {
  render(ExportReportDialog, {
    props: { model: shopModel(), documentFileName: 'web-shop.twm', context: reportContext, mode: 'browser', ondownload, onclose: vi.fn() }
  })
  return ondownload
}

async function choose(testId: string, value: string): Promise<void> {
  const select = screen.getByTestId(testId) as HTMLSelectElement
  select.value = value
  await fireEvent.change(select)
}

function preview(): string {
  return screen.getByTestId('report-preview').getAttribute('srcdoc') ?? ''
}

describe('ExportReportDialog', () => {
  it('previews the HTML report in a frame that may run nothing', () => {
    renderDialog()
    const frame = screen.getByTestId('report-preview')
    expect(frame.getAttribute('sandbox')).toBe('')
    expect(preview()).toContain('Web shop')
    expect(preview()).toContain('Disclosure')
  })

  it('follows the options: leaving mitigated threats out drops them from the preview', async () => {
    renderDialog()
    expect(preview()).toContain('Disclosure')
    await fireEvent.click(screen.getByLabelText(/Mitigated threats/))
    expect(preview()).not.toContain('Disclosure')
    expect(preview()).toContain('Spoofing')
  })

  it('follows the diagram filter and the summary-only switch', async () => {
    renderDialog()
    expect(preview()).toContain('Back office')
    await choose('report-diagram', 'shop')
    expect(preview()).not.toContain('Back office')
    const before = preview().length
    await fireEvent.click(screen.getByLabelText(/Executive summary only/))
    expect(preview().length).toBeLessThan(before)
  })

  it('downloads the chosen format under <name>-report.<ext>', async () => {
    const ondownload = renderDialog()
    await choose('report-format', 'markdown')
    await fireEvent.click(screen.getByRole('button', { name: /Download web-shop-report\.md/ }))
    expect(ondownload).toHaveBeenCalledTimes(1)
    const [fileName, text] = ondownload.mock.calls[0] as [string, string]
    expect(fileName).toBe('web-shop-report.md')
    expect(text).toContain('# ')
    expect(text).toContain('Web shop')
    expect(text).not.toContain('<!DOCTYPE')
  })

  it('CSV and SARIF have no summary-only form', async () => {
    renderDialog()
    await choose('report-format', 'csv')
    expect((screen.getByLabelText(/Executive summary only/) as HTMLInputElement).disabled).toBe(true)
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
})
