import { describe, expect, it } from 'vitest'
import { validationMessages } from '../../../analysis/validation-messages'
import { newBoxBoundary, newDiagram, newElement, newFlow } from '../../../model/factory'
import { asId, type BoundaryId, type ElementId, type FlowId } from '../../../model/ids'
import type { Diagram } from '../../../model/model'

function diagram(): Diagram {
  const a = { ...newElement('process', { x: 0, y: 0 }, 'A'), id: asId<ElementId>('a') }
  const b = { ...newElement('dataStore', { x: 300, y: 0 }, 'B'), id: asId<ElementId>('b') }
  const flow = { ...newFlow(a.id, b.id, { sourcePoint: { x: 50, y: 50 }, targetPoint: { x: 350, y: 50 } }), id: asId<FlowId>('f'), name: 'writes' }
  return { ...newDiagram('D'), elements: [a, b], flows: [flow] }
}

const codes = (source: Diagram): string[] => validationMessages(source).map((message) => `${message.code} ${message.itemId}`)

describe('validationMessages', () => {
  it('says nothing about a clean diagram', () => {
    expect(validationMessages(diagram())).toEqual([])
  })

  it('flags unattached ends, unnamed items and out of scope without a reason', () => {
    const base = diagram()
    const [a, b] = base.elements
    const loose = { ...newFlow(null, null, { sourcePoint: { x: 0, y: 0 }, targetPoint: { x: 9, y: 9 } }), id: asId<FlowId>('loose'), name: '' }
    const source: Diagram = {
      ...base,
      elements: [{ ...a!, name: ' ' }, { ...b!, outOfScope: true }],
      flows: [...base.flows, loose]
    }
    expect(codes(source)).toEqual([
      'item.unnamed a',
      'item.out-of-scope-without-reason b',
      'flow.unattached-source loose',
      'flow.unattached-target loose',
      'item.unnamed loose'
    ])
  })

  it('flags a flow between trust zones that crosses no boundary, not one that does', () => {
    const base = diagram()
    // Two boxes, one per element; the flow's drawn ends lie outside both (a stale drawing), so it crosses none.
    const zoneA = { ...newBoxBoundary({ x: -10, y: -10, width: 120, height: 120 }), id: asId<BoundaryId>('za') }
    const zoneB = { ...newBoxBoundary({ x: 290, y: -10, width: 120, height: 120 }), id: asId<BoundaryId>('zb') }
    const stale = { ...base, boundaries: [zoneA, zoneB], flows: base.flows.map((f) => ({ ...f, sourcePoint: { x: 200, y: 0 }, targetPoint: { x: 250, y: 0 } })) }
    expect(codes(stale)).toEqual(['flow.crosses-no-boundary f'])
    expect(codes({ ...base, boundaries: [zoneA, zoneB] })).toEqual([])
  })
})
