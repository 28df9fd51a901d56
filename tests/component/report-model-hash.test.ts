/**
 * Issue 9 in the page: "The SHA-256 in the report equals `sha256sum` of the model file." Main sends the hash
 * of the bytes it read with the opened document and of the bytes it wrote with each save (proved against
 * the real handlers with node:crypto in tests/unit/main/model-hash.test.ts); here the backend answers as
 * main does, over the real sample file, and the test checks what the report's integrity section makes of
 * it. Expected hashes are computed here (WebCrypto: this project has no Node types) over
 * samples/web-shop.twm and over the bytes Save downloaded.
 */
import sampleText from '../../samples/web-shop.twm?raw'
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { ThreatModel } from '../../model/model'
import App from '../../src-renderer/src/components/App.svelte'
import { base64ToBytes, bytesToBase64 } from '../../src-renderer/src/document/base64'
import { FakeBackend, sha256Hex, shopDocument } from './fake-backend'

/** The sample file's bytes (vite reads the file as UTF-8; the file is UTF-8 without a BOM, so they round-trip). */
const SAMPLE_BYTES = new TextEncoder().encode(sampleText)
/** Stands in for main's native writer: any bytes do, as long as the save outcome's hash is theirs. */
const savedBytes = (model: ThreatModel): Uint8Array => new TextEncoder().encode(JSON.stringify({ saved: model }))

afterEach(() => {
  delete window.__threatwrightCanvas
})

/** The sample's model as the native reader gets it: the file is current-version native JSON. */
const sampleModel = (): ThreatModel => (JSON.parse(new TextDecoder().decode(SAMPLE_BYTES)) as { model: ThreatModel }).model

/** Answers as main does: the sample with the hash of its bytes, and saves (downloads) with the hash of theirs. */
function backend(): FakeBackend {
  return new FakeBackend({
    'document:open-sample': async () => ({
      kind: 'opened',
      document: {
        fileName: 'web-shop.twm',
        path: null,
        formatId: 'native',
        model: sampleModel(),
        diagnostics: [],
        fileSha256: await sha256Hex(SAMPLE_BYTES)
      }
    }),
    'document:native-sha256': () => ({ kind: 'hashed', sha256: 'e'.repeat(64) }),
    'document:save': async ({ model }) => {
      const bytes = savedBytes(model)
      return { kind: 'download', fileName: 'saved-shop.twm', base64: bytesToBase64(bytes), diagnostics: [], sha256: await sha256Hex(bytes) }
    }
  })
}

async function clickFileMenu(commandId: string): Promise<void> {
  await fireEvent.click(screen.getByRole('button', { name: 'File' }))
  const item = screen.getByRole('menu', { name: 'File' }).querySelector<HTMLElement>(`[data-command-id="${commandId}"]`)
  if (!item) throw new Error(`${commandId} is not in the File menu`)
  await fireEvent.click(item)
}

/**
 * Opens File ▸ Export Report… (from the page's menu bar, or from the native menu when `nativeMenu` is given),
 * reads the integrity section of the previewed HTML (label → text), and closes the dialog.
 */
async function reportIntegrity(nativeMenu?: FakeBackend): Promise<Map<string, string>> {
  if (nativeMenu) nativeMenu.emit('menu:command', { commandId: 'file.export-report' })
  else await clickFileMenu('file.export-report')
  const preview = await screen.findByTestId('report-preview')
  const html = new DOMParser().parseFromString(preview.getAttribute('srcdoc') ?? '', 'text/html')
  const section = html.querySelector('section#integrity')
  if (!section) throw new Error('the report has no integrity section')
  const fields = new Map(
    [...section.querySelectorAll('table.fields tr')].map((row) => [row.querySelector('th')?.textContent ?? '', (row.querySelector('td')?.textContent ?? '').trim()])
  )
  fields.set('(dialog note)', screen.getByTestId('report-model-hash').textContent ?? '')
  await fireEvent.click(screen.getByRole('button', { name: 'Close' }))
  await waitFor(() => expect(screen.queryByTestId('export-report-dialog')).toBeNull())
  return fields
}

describe('the model hash in a report made in the app', () => {
  it('is sha256sum of the opened file while unmodified, "unsaved changes" after an edit, the written bytes\' after Save', async () => {
    const api = backend()
    const download = vi.fn()
    render(App, { props: { backend: { mode: 'browser', api }, headless: true, host: { confirm: () => true, download, close: vi.fn() } } })
    await waitFor(() => expect(document.title).toBe('web-shop.twm — Threatwright'))

    const opened = await reportIntegrity()
    expect(opened.get('Model file')).toBe('web-shop.twm')
    expect(opened.get('Model file SHA-256')).toBe(await sha256Hex(SAMPLE_BYTES))
    expect(opened.get('Check the model')).toBe('sha256sum web-shop.twm')
    expect(opened.has('Model state')).toBe(false)
    expect(opened.get('(dialog note)')).toMatch(/SHA-256 of web-shop\.twm as opened or last saved/)
    // Nothing was re-serialised to get it.
    expect(api.calls.map((call) => call.name)).not.toContain('document:native-sha256')

    await fireEvent.click(screen.getByRole('button', { name: 'Add diagram' }))
    await waitFor(() => expect(document.title).toBe('● web-shop.twm — Threatwright'))
    const edited = await reportIntegrity()
    expect(edited.get('Model')).toBe('web-shop.twm')
    expect(edited.get('Model state')).toMatch(/^UNSAVED CHANGES .*not a file on disk/)
    expect(edited.get('Model SHA-256')).toBe('e'.repeat(64))
    expect(edited.get('What the model hash covers')).toMatch(/serialised as a Threatwright \.twm file: the bytes File ▸ Save would write now/)
    expect(edited.has('Model file SHA-256')).toBe(false)
    expect(edited.has('Check the model')).toBe(false)
    expect(edited.get('(dialog note)')).toMatch(/Unsaved changes: no file on disk holds this model/)
    const asked = api.calls.filter((call) => call.name === 'document:native-sha256')
    expect(asked).toHaveLength(1)
    // The edited model, with the diagram just added.
    expect((asked[0]?.request as { model: ThreatModel }).model.diagrams).toHaveLength(sampleModel().diagrams.length + 1)

    await clickFileMenu('file.save')
    await waitFor(() => expect(download).toHaveBeenCalledTimes(1))
    const [savedName, base64] = download.mock.calls[0] as [string, string]
    await waitFor(() => expect(document.title).toBe(`${savedName} — Threatwright`))
    const saved = await reportIntegrity()
    expect(saved.get('Model file')).toBe(savedName)
    expect(saved.get('Model file SHA-256')).toBe(await sha256Hex(base64ToBytes(base64)))
    expect(saved.get('Check the model')).toBe(`sha256sum ${savedName}`)
  })

  it('stops calling it the file\'s hash once the file changed on disk, even when the user keeps theirs', async () => {
    const path = '/models/web-shop.twm'
    const api = new FakeBackend({
      'document:open-sample': () => ({ kind: 'opened', document: { ...shopDocument(), path, fileSha256: 'a'.repeat(64) } }),
      'document:check-changed': () => ({ kind: 'changed', size: 10, modifiedAt: '2026-01-01T00:00:00.000Z' })
    })
    render(App, { props: { backend: { mode: 'electron', api }, headless: true, host: { confirm: () => true, download: vi.fn(), close: vi.fn() } } })
    await waitFor(() => expect(document.title).toBe('web-shop.twm — Threatwright'))
    expect((await reportIntegrity(api)).get('Model file SHA-256')).toBe('a'.repeat(64))

    window.dispatchEvent(new FocusEvent('focus'))
    await fireEvent.click(await screen.findByRole('button', { name: 'Keep mine' }))
    const kept = await reportIntegrity(api)
    expect(kept.has('Model file SHA-256')).toBe(false)
    expect(kept.get('Model state')).toMatch(/not a file on disk/)
    expect(kept.get('Model SHA-256')).toMatch(/^[0-9a-f]{64}$/)
    expect(kept.get('Model SHA-256')).not.toBe('a'.repeat(64))
  })

  it('does not offer a report when main cannot serialise the model, and says why', async () => {
    const api = new FakeBackend({
      'document:native-sha256': () => ({ kind: 'failed', diagnostics: [{ code: 'model.invalid', severity: 'error', message: 'diagrams[0].name must be a string', location: {} }] })
    })
    render(App, { props: { backend: { mode: 'browser', api }, headless: true, host: { confirm: () => true, download: vi.fn(), close: vi.fn() } } })
    await waitFor(() => expect(document.title).toBe('web-shop.twm — Threatwright'))
    // The fake's sample carries no file hash, like a model main read no bytes for.
    await clickFileMenu('file.export-report')
    await waitFor(() => expect(screen.queryByTestId('export-report-dialog')).toBeNull())
    const panel = await screen.findByTestId('error-panel')
    expect(panel.textContent).toContain('Could not prepare the report of web-shop.twm')
    expect(panel.textContent).toContain('diagrams[0].name must be a string')
  })
})
