import { fireEvent, render, screen, waitFor } from '@testing-library/svelte'
import { describe, expect, it, vi } from 'vitest'
import type { ReportContext } from '../../reports/report-types'
import App from '../../src-renderer/src/components/App.svelte'
import ExportReportDialog from '../../src-renderer/src/components/ExportReportDialog.svelte'
import { base64ToBytes } from '../../src-renderer/src/document/base64'
import { inAppReportContext, sha256Hex } from '../../src-renderer/src/report/report-context'
import { FakeBackend, shopModel } from './fake-backend'

const context: ReportContext = {
  modelFileName: 'web-shop.twm',
  modelSha256: '0'.repeat(64),
  generatedAt: '2026-01-02T03:04:05.000Z',
  generator: { name: 'Threatwright', version: 'test' }
}

function renderDialog(ondownload = vi.fn()) {
  render(ExportReportDialog, {
    props: { model: shopModel(), documentFileName: 'web-shop.twm', context, mode: 'browser', ondownload, onclose: vi.fn() }
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
  it('hashes the serialised model with SHA-256 and says that it did', async () => {
    expect(await sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad')
    const made = await inAppReportContext(shopModel(), 'web-shop.twm', '1.2.3', new Date('2026-01-02T03:04:05Z'))
    expect(made.modelSha256).toMatch(/^[0-9a-f]{64}$/)
    expect(made.generatedAt).toBe('2026-01-02T03:04:05.000Z')
    expect(made.generator).toEqual({ name: 'Threatwright', version: '1.2.3' })
    expect(made.diagnostics?.[0]?.message).toMatch(/not over the bytes of the file/)
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
