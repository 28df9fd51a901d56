import { render, screen, fireEvent } from '@testing-library/svelte'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import App from '../../src-renderer/src/components/App.svelte'
import RecoveryOffer from '../../src-renderer/src/components/RecoveryOffer.svelte'
import { AUTOSAVE_DELAY_MS } from '../../src-renderer/src/document/autosave'
import { DocumentStore } from '../../src-renderer/src/document/document-store.svelte'
import type { RecoveryEntry } from '../../src-shared/ipc-contract'
import { FakeBackend } from './fake-backend'

const host = { confirm: () => true, download: vi.fn(), close: vi.fn() }

describe('autosave from the document store', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('sends one recovery copy a few seconds after the last of several edits, and discards it on save', async () => {
    const api = new FakeBackend({
      'document:autosave': () => ({ kind: 'saved' }),
      'document:recovery-discard': () => null,
      'document:save': () => ({ kind: 'written', path: '/home/ana/shop.twm', backupPath: null })
    })
    const store = new DocumentStore(api, host)
    await store.openSample()
    for (const title of ['A', 'B', 'C']) {
      store.edit('Rename', (model) => ({ ...model, metadata: { ...model.metadata, title } }))
      vi.advanceTimersByTime(AUTOSAVE_DELAY_MS - 1)
    }
    expect(api.calls.filter((call) => call.name === 'document:autosave')).toEqual([])
    vi.advanceTimersByTime(1)
    const autosaves = api.calls.filter((call) => call.name === 'document:autosave')
    expect(autosaves).toHaveLength(1)
    expect(autosaves[0]?.request).toMatchObject({ fileName: 'web-shop.twm', formatId: 'native', model: { metadata: { title: 'C' } } })
    const key = (autosaves[0]?.request as { documentKey: string }).documentKey
    expect(key).toMatch(/^[A-Za-z0-9_-]{8,64}$/)

    await store.save()
    expect(api.calls.filter((call) => call.name === 'document:recovery-discard').map((call) => call.request)).toContainEqual({ id: key })
  })
})

describe('discarding the recovery copy', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  function recordingBackend(): FakeBackend {
    return new FakeBackend({ 'document:autosave': () => ({ kind: 'saved' }), 'document:recovery-discard': () => null })
  }

  const discarded = (api: FakeBackend): unknown[] =>
    api.calls.filter((call) => call.name === 'document:recovery-discard').map((call) => call.request)

  const autosaveKey = (api: FakeBackend): string =>
    (api.calls.find((call) => call.name === 'document:autosave')?.request as { documentKey: string }).documentKey

  it('when the user agrees to discard the changes and opens another model', async () => {
    const api = recordingBackend()
    const confirm = vi.fn(() => true)
    const store = new DocumentStore(api, { ...host, confirm })
    await store.openSample()
    store.edit('Rename', (model) => ({ ...model, metadata: { ...model.metadata, title: 'Edited' } }))
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS)
    const key = autosaveKey(api)

    store.newDocument()
    expect(confirm).toHaveBeenCalledTimes(1)
    expect(discarded(api)).toContainEqual({ id: key })
  })

  it('keeps the copy when the user declines to discard', async () => {
    const api = recordingBackend()
    const store = new DocumentStore(api, { ...host, confirm: () => false })
    await store.openSample()
    store.edit('Rename', (model) => ({ ...model, metadata: { ...model.metadata, title: 'Edited' } }))
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS)
    const key = autosaveKey(api)
    store.newDocument()
    expect(discarded(api)).not.toContainEqual({ id: key })
  })

  it('when an undo brings the model back to what is on disk, and when the window closes', async () => {
    const api = recordingBackend()
    const store = new DocumentStore(api, host)
    await store.openSample()
    store.edit('Rename', (model) => ({ ...model, metadata: { ...model.metadata, title: 'Edited' } }))
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS)
    const key = autosaveKey(api)
    store.undo()
    expect(store.dirty).toBe(false)
    expect(discarded(api)).toContainEqual({ id: key })

    const before = discarded(api).length
    store.windowClosing()
    expect(discarded(api).length).toBe(before + 1)
  })
})

describe('closing the window', () => {
  it('discards the recovery copy when a clean page hides, but not when it goes into the back/forward cache', async () => {
    const api = new FakeBackend({ 'document:recovery-discard': () => null, 'document:recovery-list': () => [] })
    render(App, { props: { backend: { mode: 'electron', api }, headless: true, host } })
    await screen.findByTestId('model-elements')
    const discards = (): number => api.calls.filter((call) => call.name === 'document:recovery-discard').length
    const before = discards()
    window.dispatchEvent(Object.assign(new Event('pagehide'), { persisted: true }))
    expect(discards()).toBe(before)
    window.dispatchEvent(Object.assign(new Event('pagehide'), { persisted: false }))
    expect(discards()).toBe(before + 1)
    delete window.__threatwrightCanvas
  })
})

describe('RecoveryOffer', () => {
  const entry: RecoveryEntry = { id: 'doc-0123456789', fileName: 'shop.twm', path: '/home/ana/shop.twm', formatId: 'native', savedAt: '2026-11-26T10:00:00.000Z', reason: 'differs-from-disk' }

  it('lists what main found and restores or discards only on the user\'s word', async () => {
    const api = new FakeBackend({ 'document:recovery-list': () => [entry, { ...entry, id: 'untitled-98765', fileName: 'Untitled.twm', path: null, reason: 'never-saved' }] })
    const onrestore = vi.fn(async () => undefined)
    const ondiscard = vi.fn(async () => null)
    render(RecoveryOffer, { api, onrestore, ondiscard })
    expect(await screen.findByText('shop.twm')).toBeTruthy()
    expect(screen.getByText(/has changes that were not saved/)).toBeTruthy()
    expect(onrestore).not.toHaveBeenCalled()
    await fireEvent.click(screen.getAllByRole('button', { name: 'Restore' })[0] as HTMLElement)
    expect(onrestore).toHaveBeenCalledWith('doc-0123456789')
    await fireEvent.click(screen.getByRole('button', { name: 'Discard' }))
    expect(ondiscard).toHaveBeenCalledWith('untitled-98765')
    expect(screen.queryByTestId('recovery-offer')).toBeNull()
  })

  it('shows nothing when there is nothing to recover', async () => {
    render(RecoveryOffer, { api: new FakeBackend({ 'document:recovery-list': () => [] }), onrestore: vi.fn(), ondiscard: vi.fn() })
    await Promise.resolve()
    expect(screen.queryByTestId('recovery-offer')).toBeNull()
  })
})
