import { fireEvent, render, screen, waitFor } from '@testing-library/svelte'
import { afterEach, describe, expect, it, vi } from 'vitest'
import App from '../../src-renderer/src/components/App.svelte'
import { FOCUS_DEBOUNCE_MS } from '../../src-renderer/src/document/file-change-watch.svelte'
import { asId, type ThreatId } from '../../model/ids'
import type { ChangeCheck, OpenOutcome } from '../../src-shared/ipc-contract'
import { FakeBackend, shopDocument, shopModel } from './fake-backend'

afterEach(() => {
  vi.useRealTimers()
  delete window.__threatwrightCanvas
})

const PATH = '/models/web-shop.twm'

/** The sample opened from a path, and a file on disk that gained a threat and lost the Admin diagram. */
function onDisk(): OpenOutcome {
  const model = shopModel()
  return {
    kind: 'opened',
    document: { ...shopDocument(), path: PATH, model: { ...model, diagrams: model.diagrams.slice(0, 1), threats: [...model.threats, { ...model.threats[0]!, id: asId<ThreatId>('added-on-disk') }] } }
  }
}

function setup(check: () => ChangeCheck, confirm = vi.fn(() => true)) {
  const api = new FakeBackend({
    'document:open-sample': () => ({ kind: 'opened', document: { ...shopDocument(), path: PATH } }),
    'document:check-changed': check,
    'document:open-recent': () => onDisk(),
    'document:autosave': () => ({ kind: 'saved' })
  })
  render(App, { props: { backend: { mode: 'electron', api }, headless: true, host: { confirm, download: vi.fn(), close: vi.fn() } } })
  return { api, confirm }
}

async function focusWindow(): Promise<void> {
  // Three focus events in a burst: one check.
  window.dispatchEvent(new FocusEvent('focus'))
  window.dispatchEvent(new FocusEvent('focus'))
  window.dispatchEvent(new FocusEvent('focus'))
  await new Promise((resolve) => setTimeout(resolve, FOCUS_DEBOUNCE_MS + 50))
}

const changed = (): ChangeCheck => ({ kind: 'changed', size: 10, modifiedAt: '2026-01-01T00:00:00.000Z' })

describe('FileChangedBanner', () => {
  it('checks once per burst of focus events, and shows nothing while the file is unchanged', async () => {
    const { api } = setup(() => ({ kind: 'unchanged' }))
    await waitFor(() => expect(screen.getByTestId('model-elements').textContent).toBe('4'))
    await focusWindow()
    expect(api.calls.filter((call) => call.name === 'document:check-changed')).toEqual([
      { name: 'document:check-changed', request: { path: PATH, acknowledge: false } }
    ])
    expect(screen.queryByTestId('file-changed-banner')).toBeNull()
  })

  it('Compare counts yours against the file on disk without replacing the open model', async () => {
    setup(changed)
    await waitFor(() => expect(screen.getByTestId('model-elements').textContent).toBe('4'))
    await focusWindow()
    await fireEvent.click(await screen.findByRole('button', { name: 'Compare' }))
    await screen.findByTestId('file-comparison')
    expect(screen.getByTestId('yours-threats').textContent).toBe('3')
    expect(screen.getByTestId('disk-threats').textContent).toBe('4')
    expect(screen.getByTestId('yours-diagrams').textContent).toBe('2')
    expect(screen.getByTestId('disk-diagrams').textContent).toBe('1')
    // Still the model we had.
    expect(screen.getByTestId('model-diagrams').textContent).toBe('2')
  })

  it('Keep mine acknowledges the change and dismisses the banner', async () => {
    const { api } = setup(changed)
    await waitFor(() => expect(screen.getByTestId('model-elements').textContent).toBe('4'))
    await focusWindow()
    await fireEvent.click(await screen.findByRole('button', { name: 'Keep mine' }))
    expect(screen.queryByTestId('file-changed-banner')).toBeNull()
    expect(api.calls.at(-1)).toEqual({ name: 'document:check-changed', request: { path: PATH, acknowledge: true } })
  })

  it('Reload re-opens the path, asking first when there is unsaved work', async () => {
    const confirm = vi.fn(() => false)
    const { api } = setup(changed, confirm)
    await waitFor(() => expect(screen.getByTestId('model-elements').textContent).toBe('4'))
    // Make the document dirty through the one edit path: undoable Add Diagram.
    await fireEvent.click(screen.getByRole('button', { name: 'Add diagram' }))
    await waitFor(() => expect(screen.getByTestId('model-diagrams').textContent).toBe('3'))
    await focusWindow()
    await fireEvent.click(await screen.findByRole('button', { name: 'Reload' }))
    expect(confirm).toHaveBeenCalledTimes(1)
    expect(api.calls.some((call) => call.name === 'document:open-recent')).toBe(false)
    expect(screen.getByTestId('file-changed-banner')).toBeTruthy()

    confirm.mockReturnValue(true)
    await fireEvent.click(screen.getByRole('button', { name: 'Reload' }))
    await waitFor(() => expect(screen.getByTestId('model-diagrams').textContent).toBe('1'))
    expect(api.calls.filter((call) => call.name === 'document:open-recent').at(-1)?.request).toEqual({ path: PATH })
    expect(screen.queryByTestId('file-changed-banner')).toBeNull()
  })

  it('says when the file is gone', async () => {
    setup(() => ({ kind: 'missing' }))
    await waitFor(() => expect(screen.getByTestId('model-elements').textContent).toBe('4'))
    await focusWindow()
    expect((await screen.findByTestId('file-changed-banner')).textContent).toContain('no longer on disk')
  })
})
