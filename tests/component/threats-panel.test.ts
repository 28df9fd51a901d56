import { fireEvent, render, screen, waitFor } from '@testing-library/svelte'
import { tick } from 'svelte'
import { beforeEach, describe, expect, it } from 'vitest'
import { asId, type ElementId, type ThreatId } from '../../model/ids'
import { newUserThreat } from '../../model/factory'
import type { ThreatModel } from '../../model/model'
import ThreatsPanel from '../../src-renderer/src/threats/ThreatsPanel.svelte'
import { sampleModel } from '../small-model'

/** The fixture's t1 (flow f1) plus t2 and t3 on process p1. */
function model(): ThreatModel {
  const base = sampleModel()
  const onProcess = (id: string, title: string) => ({
    ...newUserThreat({ kind: 'element', elementId: asId<ElementId>('p1') }, title),
    id: asId<ThreatId>(id)
  })
  return { ...base, threats: [...base.threats, onProcess('t2', 'Spoofing the web app'), onProcess('t3', 'Web app crash')] }
}

/** Renders the panel with an `edit` that applies the change and re-renders, as the document store does. */
function renderPanel(props: { canvasSelection?: readonly string[] } = {}) {
  const edits: { label: string; model: ThreatModel }[] = []
  const focused: (readonly string[])[] = []
  let current = model()
  const view = render(ThreatsPanel, {
    props: {
      model: current,
      edit: (label: string, change: (model: ThreatModel) => ThreatModel) => {
        const next = change(current)
        if (next === current) return
        current = next
        edits.push({ label, model: next })
        void view.rerender({ model: next })
      },
      onfocusthreat: (ids: readonly string[]) => focused.push(ids),
      ...props
    }
  })
  return { view, edits, focused, model: () => current }
}

const rowIds = (): string[] => screen.queryAllByTestId('threat-row').map((row) => row.getAttribute('data-threat-id') ?? '')
const key = (key: string, extra: Partial<KeyboardEventInit> = {}) => fireEvent.keyDown(screen.getByTestId('threat-table'), { key, ...extra })

beforeEach(() => localStorage.setItem('threatwright.reviewer', 'Priya Shah'))

describe('ThreatsPanel', () => {
  it('lists every threat and narrows by search', async () => {
    renderPanel()
    expect(rowIds()).toEqual(['t1', 't2', 't3'])
    await fireEvent.input(screen.getByTestId('threat-search'), { target: { value: 'web crash' } })
    expect(rowIds()).toEqual(['t3'])
    expect(screen.getByTestId('threats-shown').textContent).toBe('1')
  })

  it('triages by keyboard: the state key asks for the justification, Ctrl+Enter applies it as one edit', async () => {
    const { edits, focused } = renderPanel()
    await key('ArrowDown')
    expect(focused).toEqual([['f1']])
    await key('4')
    const field = (await screen.findByTestId('details-justification')) as HTMLTextAreaElement
    expect(document.activeElement).toBe(field)
    await fireEvent.input(field, { target: { value: 'Signed and encrypted.' } })
    await fireEvent.keyDown(field, { key: 'Enter', ctrlKey: true })
    expect(edits.map((edit) => edit.label)).toEqual(['Set state to Mitigated'])
    const after = edits[0]?.model
    expect(after?.threats[0]).toMatchObject({ state: { value: 'mitigated' }, justification: 'Signed and encrypted.', changedBy: 'Priya Shah' })
    expect(after?.triageHistory.map((record) => record.field)).toEqual(['state', 'justification'])
    await waitFor(() => expect(screen.queryByTestId('threat-details')).toBeNull())
  })

  it('applies a state needing no justification at once, and refuses to record without a reviewer name', async () => {
    const { edits } = renderPanel()
    await key('ArrowDown')
    await key('2')
    expect(edits.map((edit) => edit.model.threats[0]?.state.value)).toEqual(['needsInvestigation'])
    await fireEvent.input(screen.getByTestId('reviewer-name'), { target: { value: ' ' } })
    await key('1')
    expect(edits).toHaveLength(1)
    expect(screen.getByRole('status').textContent).toContain('Enter your name')
  })

  it('bulk edits a Shift range as one edit', async () => {
    const { edits } = renderPanel()
    const rows = screen.getAllByTestId('threat-row')
    await fireEvent.click(rows[0] as HTMLElement)
    await fireEvent.click(rows[2] as HTMLElement, { shiftKey: true })
    expect(screen.getByTestId('bulk-edit').textContent).toContain('3 selected')
    await fireEvent.input(screen.getByTestId('bulk-owner'), { target: { value: 'Marta Jensen' } })
    await fireEvent.click(screen.getByTestId('bulk-apply'))
    expect(edits).toHaveLength(1)
    expect(edits[0]?.model.threats.map((threat) => threat.owner)).toEqual(['Marta Jensen', 'Marta Jensen', 'Marta Jensen'])
  })

  it('narrows to the threats of the item selected on the canvas, and ignores its own focus echo', async () => {
    const { view } = renderPanel()
    await view.rerender({ canvasSelection: ['p1'] })
    await tick()
    expect(rowIds()).toEqual(['t2', 't3'])
    expect(screen.getByTestId('filter-item').textContent).toContain('Web app')
    // Moving to t2 selects p1 on the canvas: the same item, so the table keeps both rows.
    await key('ArrowDown')
    await view.rerender({ canvasSelection: ['p1'] })
    expect(rowIds()).toEqual(['t2', 't3'])
    await view.rerender({ canvasSelection: [] })
    await tick()
    expect(rowIds()).toEqual(['t1', 't2', 't3'])
  })
})
