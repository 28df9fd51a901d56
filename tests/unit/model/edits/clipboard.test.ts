import { describe, expect, it } from 'vitest'
import { newElement, newFlow } from '../../../../model/factory'
import { asId, type DiagramId, type ElementId, type FlowId } from '../../../../model/ids'
import { validateModel } from '../../../../model/validate'
import { cloneItems, clipboardIds, copyItems, pasteItems } from '../../../../model/edits/clipboard'
import { addElement, addFlow } from '../../../../model/edits/diagram-edits'
import { sampleModel } from '../model-fixture'

const d1 = asId<DiagramId>('d1')

function model() {
  // p1 → s1 (f1) from the fixture, plus e1 and a flow s1 → e1 that leaves a p1+s1 selection.
  const extra = { ...newElement('externalInteractor', { x: 600, y: 0 }), id: asId<ElementId>('e1') }
  const outward = { ...newFlow(asId('s1'), extra.id, { sourcePoint: { x: 0, y: 0 }, targetPoint: { x: 0, y: 0 } }), id: asId<FlowId>('out') }
  return addFlow(addElement(sampleModel(), d1, extra), d1, outward)
}

describe('copy and paste', () => {
  it('copies the selection with the flows internal to it only', () => {
    const diagram = model().diagrams[0]!
    const copied = copyItems(diagram, [asId('p1'), asId('s1'), asId('b1')])
    expect(copied.elements.map((element) => element.id)).toEqual(['p1', 's1'])
    expect(copied.flows.map((flow) => flow.id)).toEqual(['f1'])
    expect(copied.boundaries.map((boundary) => boundary.id)).toEqual(['b1'])
  })

  it('pastes with an offset and new ids, and the pasted flow joins the pasted elements', () => {
    const source = model()
    const copied = copyItems(source.diagrams[0]!, [asId('p1'), asId('s1')])
    let counter = 0
    const clones = cloneItems(copied, { x: 32, y: 32 }, () => `new-${++counter}`)
    const pasted = pasteItems(source, d1, clones)
    expect(validateModel(pasted).diagnostics.filter((entry) => entry.severity === 'error')).toEqual([])
    expect(clipboardIds(clones)).toEqual(['new-1', 'new-2', 'new-3'])
    const diagram = pasted.diagrams[0]!
    expect(diagram.elements.find((element) => element.id === 'new-1')?.layout).toMatchObject({ x: 32, y: 32 })
    expect(diagram.flows.find((flow) => flow.id === 'new-3')).toMatchObject({
      source: 'new-1',
      target: 'new-2',
      sourcePoint: { x: 132, y: 82 }
    })
  })

  it('pasting twice gives distinct ids; pasting nothing changes nothing', () => {
    const source = model()
    const copied = copyItems(source.diagrams[0]!, [asId('p1')])
    const twice = pasteItems(pasteItems(source, d1, cloneItems(copied, { x: 10, y: 10 })), d1, cloneItems(copied, { x: 20, y: 20 }))
    expect(validateModel(twice).diagnostics.filter((entry) => entry.severity === 'error')).toEqual([])
    expect(pasteItems(source, d1, { elements: [], flows: [], boundaries: [] })).toBe(source)
  })
})
