import { render, screen, waitFor } from '@testing-library/svelte'
import { afterEach, describe, expect, it, vi } from 'vitest'
import App from '../../src-renderer/src/components/App.svelte'
import BusyOverlay from '../../src-renderer/src/components/BusyOverlay.svelte'
import { DocumentStore } from '../../src-renderer/src/document/document-store.svelte'
import type { OpenOutcome } from '../../src-shared/ipc-contract'
import { FakeBackend, shopDocument } from './fake-backend'

afterEach(() => {
  vi.useRealTimers()
  delete window.__threatwrightCanvas
})

const opening = { action: 'Opening', fileName: 'big.tm7', bytes: 21_100_000 } as const

describe('BusyOverlay', () => {
  it('says what it waits for, with the size, once the wait outlasts 150 ms', async () => {
    vi.useFakeTimers()
    const view = render(BusyOverlay, { props: { busy: opening } })
    const status = screen.getByRole('status')
    expect(status.getAttribute('aria-live')).toBe('polite')
    await vi.advanceTimersByTimeAsync(149)
    expect(status.textContent?.trim()).toBe('')
    await vi.advanceTimersByTimeAsync(1)
    expect(status.textContent).toContain('Opening big.tm7 (21.1 MB)…')

    await view.rerender({ busy: null })
    expect(status.textContent?.trim()).toBe('')
  })

  it('never flashes for a quick request', async () => {
    vi.useFakeTimers()
    const view = render(BusyOverlay, { props: { busy: opening } })
    await vi.advanceTimersByTimeAsync(100)
    await view.rerender({ busy: null })
    await vi.advanceTimersByTimeAsync(500)
    expect(screen.getByRole('status').textContent?.trim()).toBe('')
  })

  it('leaves out the size when the page does not know it', async () => {
    vi.useFakeTimers()
    render(BusyOverlay, { props: { busy: { action: 'Saving', fileName: 'web-shop.twm', bytes: null } } })
    await vi.advanceTimersByTimeAsync(150)
    expect(screen.getByRole('status').textContent).toContain('Saving web-shop.twm…')
  })
})

describe('DocumentStore.busy', () => {
  it('is set while a picked file opens and cleared after, even when the open fails', async () => {
    let answer: (outcome: OpenOutcome) => void = () => {}
    const api = new FakeBackend({ 'document:open-bytes': () => new Promise<OpenOutcome>((resolve) => (answer = resolve)) })
    const store = new DocumentStore(api, { confirm: () => true, download: vi.fn(), close: vi.fn() })
    const opened = store.openBytes('big.tm7', btoa('x'.repeat(30)))
    expect(store.busy).toEqual({ action: 'Opening', fileName: 'big.tm7', bytes: 30 })
    answer({ kind: 'opened', document: shopDocument() })
    await opened
    expect(store.busy).toBeNull()

    const failing = new DocumentStore(new FakeBackend({ 'document:open-bytes': () => Promise.reject(new Error('boom')) }), {
      confirm: () => true,
      download: vi.fn(),
      close: vi.fn()
    })
    await failing.openBytes('bad.tm7', btoa('y'))
    expect(failing.busy).toBeNull()
    expect(failing.report?.tone).toBe('error')
  })

  it('shows in the app while a slow open is in flight', async () => {
    let answer: (outcome: OpenOutcome) => void = () => {}
    const api = new FakeBackend({ 'document:open-sample': () => new Promise<OpenOutcome>((resolve) => (answer = resolve)) })
    render(App, { props: { backend: { mode: 'browser', api }, headless: true, host: { confirm: () => true, download: vi.fn(), close: vi.fn() } } })
    await waitFor(() => expect(screen.getByTestId('busy-overlay').textContent).toContain('Opening the sample model…'))
    answer({ kind: 'opened', document: shopDocument() })
    await waitFor(() => expect(screen.getByTestId('busy-overlay').textContent?.trim()).toBe(''))
  })
})
