import { describe, expect, it } from 'vitest'
import { newBoxBoundary, newElement, newFlow, newLineBoundary } from '../../../../model/factory'
import { crossesBoundary } from '../../../../model/geometry'
import { asId, type DiagramId, type ElementId, type FlowId } from '../../../../model/ids'
import type { Diagram, Flow, Property, ThreatModel } from '../../../../model/model'
import { validateModel } from '../../../../model/validate'
import {
  addBendPoint,
  addBoundary,
  addElement,
  addFlow,
  createElement,
  deleteItems,
  moveItems,
  patchItems,
  reconnectFlowEnd,
  removeBendPoint,
  renameItem,
  setItemRect,
  setOutOfScope,
  setPropertyValue
} from '../../../../model/edits/diagram-edits'
import { sampleModel } from '../model-fixture'

const d1 = asId<DiagramId>('d1')
const p1 = asId<ElementId>('p1')
const s1 = asId<ElementId>('s1')
const f1 = asId<FlowId>('f1')

function diagram(model: ThreatModel, id: DiagramId = d1): Diagram {
  const found = model.diagrams.find((each) => each.id === id)
  if (!found) throw new Error(`no diagram ${id}`)
  return found
}

function flow(model: ThreatModel, id: FlowId = f1): Flow {
  const found = diagram(model).flows.find((each) => each.id === id)
  if (!found) throw new Error(`no flow ${id}`)
  return found
}

/** Every edit's result must still be a valid model: no errors from the validator. */
function expectValid(model: ThreatModel): ThreatModel {
  const errors = validateModel(model).diagnostics.filter((entry) => entry.severity === 'error')
  expect(errors).toEqual([])
  return model
}

describe('adding', () => {
  it('adds a typed element centred on the drop point, with its properties', () => {
    const properties: Property[] = [{ kind: 'string', key: 'stack', label: 'Stack', value: '' }]
    const element = createElement('process', 'SE.P.TW.Azure.AppService', { x: 500, y: 400 }, 'Orders API', properties)
    const model = expectValid(addElement(sampleModel(), d1, element))
    const added = diagram(model).elements.at(-1)
    expect(added?.layout).toEqual({ x: 450, y: 350, width: 100, height: 100 })
    expect(added?.typeId).toBe('SE.P.TW.Azure.AppService')
    expect(added?.properties).toEqual(properties)
  })

  it('adds a flow whose attached ends snap to the element centres, and a flow with loose ends', () => {
    const attached = newFlow(s1, p1, { sourcePoint: { x: 0, y: 0 }, targetPoint: { x: 0, y: 0 } })
    const loose = newFlow(null, null, { sourcePoint: { x: 5, y: 6 }, targetPoint: { x: 70, y: 80 } })
    const model = expectValid(addFlow(addFlow(sampleModel(), d1, attached), d1, loose))
    expect(flow(model, attached.id)).toMatchObject({ sourcePoint: { x: 350, y: 50 }, targetPoint: { x: 50, y: 50 } })
    expect(flow(model, loose.id)).toMatchObject({ sourcePoint: { x: 5, y: 6 }, targetPoint: { x: 70, y: 80 } })
  })

  it('adds box and line boundaries', () => {
    const box = newBoxBoundary({ x: 280, y: -20, width: 200, height: 200 })
    const line = newLineBoundary([{ x: 200, y: -100 }, { x: 200, y: 300 }])
    const model = expectValid(addBoundary(addBoundary(sampleModel(), d1, box), d1, line))
    expect(diagram(model).boundaries.map((each) => each.shape.kind)).toEqual(['box', 'box', 'line'])
    expect(crossesBoundary(flow(model), box)).toBe(true)
  })
})

describe('moving and resizing', () => {
  it('moves an element and keeps the attached flow end on it', () => {
    const model = expectValid(moveItems(sampleModel(), d1, [s1], { x: 40, y: 100 }))
    expect(diagram(model).elements.find((each) => each.id === s1)?.layout).toMatchObject({ x: 340, y: 100 })
    // The moved end is at the store's new centre; the other end is untouched.
    expect(flow(model)).toMatchObject({ sourcePoint: { x: 100, y: 50 }, targetPoint: { x: 390, y: 150 } })
  })

  it('moves a flow with its bends when both ends move, and moving a box moves only the box', () => {
    const base = addBendPoint(sampleModel(), d1, f1, { x: 200, y: 120 })
    const moved = expectValid(moveItems(base, d1, [p1, s1, asId('b1')], { x: 10, y: -10 }))
    expect(flow(moved).bendPoints).toEqual([{ x: 210, y: 110 }])
    const box = diagram(moved).boundaries[0]
    expect(box?.shape).toEqual({ kind: 'box', rect: { x: 0, y: -20, width: 200, height: 200 } })
  })

  it('a zero move changes nothing, so the history records nothing', () => {
    const model = sampleModel()
    expect(moveItems(model, d1, [p1], { x: 0, y: 0 })).toBe(model)
    expect(moveItems(model, d1, [asId('nothing')], { x: 5, y: 0 })).toBe(model)
  })

  it('resizes an element (re-centring its flow end) and a box, never below the minimum', () => {
    const resized = expectValid(setItemRect(sampleModel(), d1, p1, { x: 0, y: 0, width: 200, height: 40 }))
    expect(flow(resized).sourcePoint).toEqual({ x: 100, y: 20 })
    const tiny = expectValid(setItemRect(resized, d1, asId('b1'), { x: 0, y: 0, width: 3, height: 400 }))
    expect(diagram(tiny).boundaries[0]?.shape).toEqual({ kind: 'box', rect: { x: 0, y: 0, width: 20, height: 400 } })
  })
})

describe('fields and properties', () => {
  it('renames, describes and scopes several items at once; boundaries take no scope', () => {
    let model = renameItem(sampleModel(), d1, p1, 'Shop')
    model = patchItems(model, d1, [p1, f1, asId('b1')], { description: 'reviewed' })
    model = expectValid(setOutOfScope(model, d1, [p1, asId('b1')], true, 'Vendor hosted'))
    const [element] = diagram(model).elements
    expect(element).toMatchObject({ name: 'Shop', description: 'reviewed', outOfScope: true, outOfScopeReason: 'Vendor hosted' })
    expect(flow(model).description).toBe('reviewed')
    expect(diagram(model).boundaries[0]).not.toHaveProperty('outOfScope')
  })

  it('sets string, boolean and list values; adds a template property an item lacks', () => {
    const properties: Property[] = [
      { kind: 'string', key: 'owner', label: 'Owner', value: '' },
      { kind: 'boolean', key: 'tls', label: 'TLS', value: false },
      { kind: 'list', key: 'auth', label: 'Auth', options: ['Not Selected', 'Yes', 'No'], selected: 0, editable: true },
      { kind: 'list', key: 'fixed', label: 'Fixed', options: ['A', 'B'], selected: 0, editable: false }
    ]
    let model = patchFirstElementProperties(sampleModel(), properties)
    model = setPropertyValue(model, d1, [p1], 'owner', 'Team A')
    model = setPropertyValue(model, d1, [p1], 'tls', true)
    model = setPropertyValue(model, d1, [p1], 'auth', 2)
    const unchanged = setPropertyValue(model, d1, [p1], 'fixed', 1)
    expect(unchanged).toBe(model)
    expect(setPropertyValue(model, d1, [p1], 'auth', 7)).toBe(model)
    expect(setPropertyValue(model, d1, [p1], 'tls', 'yes')).toBe(model)
    const definition: Property = { kind: 'list', key: 'encrypted', label: 'Encrypted', options: ['Not Selected', 'Yes'], selected: 0, editable: true }
    model = expectValid(setPropertyValue(model, d1, [f1], 'encrypted', 1, definition))
    expect(diagram(model).elements[0]?.properties.map((p) => (p.kind === 'list' ? p.selected : p.value))).toEqual(['Team A', true, 2, 0])
    expect(flow(model).properties).toEqual([{ ...definition, selected: 1 }])
  })
})

function patchFirstElementProperties(model: ThreatModel, properties: readonly Property[]): ThreatModel {
  return {
    ...model,
    diagrams: model.diagrams.map((each) =>
      each.id === d1 ? { ...each, elements: each.elements.map((e, i) => (i === 0 ? { ...e, properties } : e)) } : each
    )
  }
}

describe('deleting', () => {
  it('deletes an element with its attached flows and clears references to them', () => {
    const answer = { ...newFlow(s1, p1, { sourcePoint: { x: 0, y: 0 }, targetPoint: { x: 0, y: 0 } }), responseTo: f1 }
    const base = addFlow(sampleModel(), d1, answer)
    const stated = { ...newBoxBoundary({ x: 0, y: 0, width: 10, height: 10 }), statedMembers: [p1, s1] }
    const model = expectValid(deleteItems(addBoundary(base, d1, stated), d1, [s1]))
    expect(diagram(model).elements.map((each) => each.id)).toEqual([p1])
    expect(diagram(model).flows).toEqual([])
    expect(diagram(model).boundaries.at(-1)?.statedMembers).toEqual([p1])
  })

  it('deleting a flow clears responseTo of the flow that answered it', () => {
    const answer = { ...newFlow(s1, p1, { sourcePoint: { x: 0, y: 0 }, targetPoint: { x: 0, y: 0 } }), responseTo: f1 }
    const model = expectValid(deleteItems(addFlow(sampleModel(), d1, answer), d1, [f1]))
    expect(diagram(model).flows).toEqual([expect.objectContaining({ id: answer.id, responseTo: null })])
  })

  it('deleting nothing returns the same model', () => {
    const model = sampleModel()
    expect(deleteItems(model, d1, [asId('missing')])).toBe(model)
  })
})

describe('flow ends and bends', () => {
  it('detaches an end at a point and re-attaches it to another element', () => {
    const extra = { ...newElement('externalInteractor', { x: 0, y: 300 }), id: asId<ElementId>('e1') }
    let model = addElement(sampleModel(), d1, extra)
    model = expectValid(reconnectFlowEnd(model, d1, f1, 'target', null, { x: 600, y: 10 }))
    expect(flow(model)).toMatchObject({ target: null, targetPoint: { x: 600, y: 10 } })
    model = expectValid(reconnectFlowEnd(model, d1, f1, 'target', extra.id, { x: 1, y: 1 }))
    expect(flow(model)).toMatchObject({ target: 'e1', targetPoint: { x: 50, y: 350 } })
  })

  it('refuses a self-loop and an element from elsewhere', () => {
    const model = sampleModel()
    expect(reconnectFlowEnd(model, d1, f1, 'target', p1, { x: 0, y: 0 })).toBe(model)
    expect(reconnectFlowEnd(model, d1, f1, 'target', asId('e2'), { x: 0, y: 0 })).toBe(model)
  })

  it('inserts bends in polyline order and removes them by index', () => {
    let model = addBendPoint(sampleModel(), d1, f1, { x: 250, y: 90 })
    model = addBendPoint(model, d1, f1, { x: 150, y: 90 })
    model = expectValid(addBendPoint(model, d1, f1, { x: 200, y: 120 }))
    expect(flow(model).bendPoints).toEqual([{ x: 150, y: 90 }, { x: 200, y: 120 }, { x: 250, y: 90 }])
    model = expectValid(removeBendPoint(model, d1, f1, 1))
    expect(flow(model).bendPoints).toEqual([{ x: 150, y: 90 }, { x: 250, y: 90 }])
    expect(removeBendPoint(model, d1, f1, 9)).toBe(model)
  })
})
