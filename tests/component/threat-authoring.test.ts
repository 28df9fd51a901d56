import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte'
import { tick } from 'svelte'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { asId, type ElementId, type ThreatId } from '../../model/ids'
import { newUserThreat } from '../../model/factory'
import type { ThreatModel } from '../../model/model'
import App from '../../src-renderer/src/components/App.svelte'
import { LIBRARY_KEY } from '../../src-renderer/src/threats/threat-library'
import ThreatsPanel from '../../src-renderer/src/threats/ThreatsPanel.svelte'
import { sampleModel } from '../small-model'
import { FakeBackend } from './fake-backend'

/**
 * Issue "Threat triage" item 5: writing a threat by hand, copying and moving it to the canvas selection,
 * and the reviewer's library of reusable threats. Every change is one `edit` (one undo step).
 */

/** The fixture (diagram d1: process p1 → flow f1 → store s1; t1 on f1) plus t2 on p1. */
function model(): ThreatModel {
  const base = sampleModel()
  const onProcess = {
    ...newUserThreat({ kind: 'element', elementId: asId<ElementId>('p1') }, 'Spoofing the web app'),
    id: asId<ThreatId>('t2'),
    description: 'Someone poses as the web app.',
    mitigations: [{ description: 'Mutual TLS', status: 'implemented' }]
  }
  return { ...base, threats: [...base.threats, onProcess] }
}

function renderPanel(canvasSelection: readonly string[]) {
  const edits: { label: string; model: ThreatModel }[] = []
  let current = model()
  const view = render(ThreatsPanel, {
    props: {
      model: current,
      diagramId: 'd1',
      canvasSelection,
      edit: (label: string, change: (model: ThreatModel) => ThreatModel) => {
        const next = change(current)
        if (next === current) return
        current = next
        edits.push({ label, model: next })
        void view.rerender({ model: next })
      }
    }
  })
  return { view, edits, model: () => current }
}

const rowIds = (): string[] => screen.queryAllByTestId('threat-row').map((row) => row.getAttribute('data-threat-id') ?? '')
const currentRowId = (): string | null => document.querySelector('[data-testid="threat-row"].current')?.getAttribute('data-threat-id') ?? null

async function openDetails(id: string): Promise<void> {
  const row = screen.getAllByTestId('threat-row').find((each) => each.getAttribute('data-threat-id') === id)
  await fireEvent.dblClick(row as HTMLElement)
  await screen.findByTestId('threat-details')
}

beforeEach(() => {
  localStorage.clear()
  localStorage.setItem('threatwright.reviewer', 'Priya Shah')
})

afterEach(() => {
  delete window.__threatwrightCanvas
})

describe('Add threat', () => {
  it('offers the flow or its interaction, requires a title, adds one threat and makes it current', async () => {
    const { view, edits } = renderPanel(['f1'])
    view.component.openAddThreat()
    const dialog = await screen.findByTestId('add-threat-dialog')
    const choices = within(dialog).getAllByRole('radio') as HTMLInputElement[]
    expect(choices.map((choice) => choice.parentElement?.textContent?.trim())).toEqual([
      'the flow Generic Data Flow',
      'the interaction Web app → Generic Data Flow → Generic Data Store'
    ])

    await fireEvent.submit(dialog)
    expect(within(dialog).getByRole('alert').textContent).toBe('A threat needs a title.')
    expect(edits).toEqual([])

    await fireEvent.click(choices[1] as HTMLInputElement)
    await fireEvent.input(screen.getByTestId('add-threat-title'), { target: { value: ' Replay of orders ' } })
    await fireEvent.change(screen.getByTestId('add-threat-category'), { target: { value: 'tampering' } })
    await fireEvent.input(screen.getByTestId('add-threat-description'), { target: { value: 'An old request is sent again.' } })
    await fireEvent.click(screen.getByTestId('add-threat-apply'))

    expect(edits.map((edit) => edit.label)).toEqual(['Add threat'])
    const added = edits[0]?.model.threats.at(-1)
    expect(added).toMatchObject({
      title: 'Replay of orders',
      category: { value: 'tampering' },
      description: 'An old request is sent again.',
      target: { kind: 'interaction', sourceId: 'p1', flowId: 'f1', targetId: 's1' },
      diagramId: 'd1',
      origin: { kind: 'user' },
      changedBy: 'Priya Shah'
    })
    expect(edits[0]?.model.triageHistory.at(-1)).toMatchObject({ threatId: added?.id, field: 'created', by: 'Priya Shah' })
    await waitFor(() => expect(screen.queryByTestId('add-threat-dialog')).toBeNull())
    expect(rowIds()).toContain(added?.id)
    expect(currentRowId()).toBe(added?.id)
  })

  it('explains an empty selection instead of opening, and refuses without a reviewer name', async () => {
    const first = renderPanel([])
    first.view.component.openAddThreat()
    await tick()
    expect(screen.queryByTestId('add-threat-dialog')).toBeNull()
    expect(screen.getByRole('status').textContent).toContain('Select one element or flow')
    first.view.unmount()

    localStorage.removeItem('threatwright.reviewer')
    const { view, edits } = renderPanel(['p1'])
    view.component.openAddThreat()
    await fireEvent.input(await screen.findByTestId('add-threat-title'), { target: { value: 'Anything' } })
    await fireEvent.click(screen.getByTestId('add-threat-apply'))
    expect(edits).toEqual([])
    expect(screen.getByRole('alert').textContent).toContain('Reviewing as')
  })
})

describe('Copy and move to the canvas selection', () => {
  it('copies, then moves, the open threat to the selected element, each as one edit', async () => {
    const { view, edits, model: current } = renderPanel([])
    await openDetails('t2')
    const copy = screen.getByTestId('details-copy') as HTMLButtonElement
    expect(copy.disabled).toBe(true)

    // A canvas click while the details are open picks the destination and keeps the threat in view.
    await view.rerender({ canvasSelection: ['s1'] })
    expect((screen.getByTestId('details-copy') as HTMLButtonElement).disabled).toBe(false)
    await fireEvent.click(screen.getByTestId('details-copy'))
    expect(edits.map((edit) => edit.label)).toEqual(['Copy threat'])
    const copied = current().threats.filter((threat) => threat.title === 'Spoofing the web app')
    expect(copied.map((threat) => threat.target)).toEqual([
      { kind: 'element', elementId: 'p1' },
      { kind: 'element', elementId: 's1' }
    ])
    expect(copied[1]?.mitigations).toEqual([{ description: 'Mutual TLS', status: 'implemented' }])

    await fireEvent.click(screen.getByTestId('details-move'))
    expect(edits.map((edit) => edit.label)).toEqual(['Copy threat', 'Move threat'])
    expect(current().threats.find((threat) => threat.id === 't2')?.target).toEqual({ kind: 'element', elementId: 's1' })
    expect(current().triageHistory.at(-1)).toMatchObject({ threatId: 't2', field: 'moved', to: expect.stringContaining('s1') })
    // Now on the selected element: nothing more to copy or move to.
    await waitFor(() => expect((screen.getByTestId('details-move') as HTMLButtonElement).disabled).toBe(true))
  })
})

describe('Threat library', () => {
  it('saves a threat as reusable (title, category, description, mitigations) and inserts it on the selection', async () => {
    const { view, edits, model: current } = renderPanel([])
    await openDetails('t2')
    await fireEvent.click(screen.getByTestId('details-save-reusable'))
    expect(JSON.parse(localStorage.getItem(LIBRARY_KEY) ?? '[]')).toEqual([
      { title: 'Spoofing the web app', category: null, description: 'Someone poses as the web app.', mitigations: ['Mutual TLS'] }
    ])
    expect(edits).toEqual([])

    await view.rerender({ canvasSelection: ['s1'] })
    view.component.openLibrary()
    const dialog = await screen.findByTestId('threat-library-dialog')
    await fireEvent.input(within(dialog).getByTestId('library-search'), { target: { value: 'nothing like it' } })
    expect(within(dialog).queryAllByTestId('library-entry')).toEqual([])
    await fireEvent.input(within(dialog).getByTestId('library-search'), { target: { value: 'spoofing web' } })
    await fireEvent.click(within(dialog).getByTestId('library-entry'))

    expect(edits.map((edit) => edit.label)).toEqual(['Insert threat from library'])
    const inserted = current().threats.at(-1)
    expect(inserted).toMatchObject({
      title: 'Spoofing the web app',
      description: 'Someone poses as the web app.',
      target: { kind: 'element', elementId: 's1' },
      origin: { kind: 'user' },
      state: { value: 'notStarted' },
      mitigations: [{ description: 'Mutual TLS', status: 'proposed' }]
    })
    expect(inserted?.id).not.toBe('t2')
    await waitFor(() => expect(screen.queryByTestId('threat-library-dialog')).toBeNull())
  })
})

describe('Add threat in the app', () => {
  it('runs from the Threats menu on the canvas selection, and Undo removes the threat', async () => {
    const api = new FakeBackend()
    render(App, { props: { backend: { mode: 'electron', api }, headless: true, host: { confirm: () => true, download: vi.fn(), close: vi.fn() } } })
    await waitFor(() => expect(screen.getByTestId('model-threats').textContent).toBe('3'))

    // Choosing the "Spoofing" threat selects its element (web) on the canvas: two-way focus.
    const spoofing = screen.getAllByTestId('threat-row').find((row) => row.textContent?.includes('Spoofing'))
    await fireEvent.click(spoofing as HTMLElement)
    await waitFor(() => expect(window.__threatwrightCanvas?.selectedIds()).toEqual(['web']))

    api.emit('menu:command', { commandId: 'threats.add' })
    const dialog = await screen.findByTestId('add-threat-dialog')
    expect(dialog.textContent).toContain('Web app')
    await fireEvent.input(screen.getByTestId('add-threat-title'), { target: { value: 'Session fixation' } })
    await fireEvent.click(screen.getByTestId('add-threat-apply'))

    await waitFor(() => expect(screen.getByTestId('model-threats').textContent).toBe('4'))
    expect(screen.getAllByTestId('threat-row').some((row) => row.textContent?.includes('Session fixation'))).toBe(true)

    api.emit('menu:command', { commandId: 'edit.undo' })
    await waitFor(() => expect(screen.getByTestId('model-threats').textContent).toBe('3'))
    expect(screen.getAllByTestId('threat-row').some((row) => row.textContent?.includes('Session fixation'))).toBe(false)
  })
})
