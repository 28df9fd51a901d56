import { describe, expect, it } from 'vitest'
import { newBoxBoundary, newDiagram, newElement, newFlow } from '../../../model/factory'
import { asId, type BoundaryId, type ElementId, type FlowId } from '../../../model/ids'
import type { Diagram, Property } from '../../../model/model'
import { selectedItems, sharedFields } from '../../../src-renderer/src/editor/selected-items'

function twoElementsAndAFlow(): Diagram {
  const process = { ...newElement('process', { x: 0, y: 0 }), id: asId<ElementId>('p1') }
  const store = { ...newElement('dataStore', { x: 300, y: 0 }), id: asId<ElementId>('s1') }
  const flow = { ...newFlow(process.id, store.id, { sourcePoint: { x: 50, y: 50 }, targetPoint: { x: 350, y: 50 } }), id: asId<FlowId>('f1') }
  const boundary = { ...newBoxBoundary({ x: 0, y: 0, width: 10, height: 10 }), id: asId<BoundaryId>('b1') }
  return { ...newDiagram('D'), elements: [process, store], flows: [flow], boundaries: [boundary] }
}

const auth: Property = { kind: 'list', key: 'auth', label: 'Auth', options: ['Not Selected', 'Yes'], selected: 0, editable: true }

describe('selected items and their shared fields', () => {
  const diagram = twoElementsAndAFlow()

  it('resolves ids of any kind in selection order, skipping unknown ones', () => {
    expect(selectedItems(diagram, ['f1', 'nope', 'p1', 'b1']).map((item) => item.kind)).toEqual(['flow', 'element', 'boundary'])
  })

  it('shows the template fields every selected item has, flagging differing values', () => {
    const items = selectedItems(diagram, ['p1', 's1'])
    const [first] = items
    const withOwn = items.map((item) => (item === first ? { ...item, item: { ...item.item, properties: [{ ...auth, selected: 1 }] } } : item))
    const fields = sharedFields(withOwn as typeof items, () => [auth])
    expect(fields).toEqual([{ property: { ...auth, selected: 1 }, definition: auth, mixed: true }])
    // A field only one item has is not shared.
    expect(sharedFields(items, (item) => (item.item.id === 'p1' ? [auth] : []))).toEqual([])
  })
})
