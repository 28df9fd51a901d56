import { describe, expect, it } from 'vitest'
import { asId, type DataAssetId, type ElementId, type FlowId, type ThreatId } from '../../../model/ids'
import type { Threat, ThreatModel, ThreatTarget } from '../../../model/model'
import { newUserThreat } from '../../../model/factory'
import {
  allElements,
  allFlows,
  elementsStoring,
  findBoundary,
  findElement,
  findFlow,
  flowsCarrying,
  threatsTargeting
} from '../../../model/queries'
import { sampleModel } from './model-fixture'

const a1 = asId<DataAssetId>('a1')

/** The sample model with a1 stored by s1, sent on f1, and a few threats with known targets. */
function modelWithData(): ThreatModel {
  const model = sampleModel()
  const [main, second] = model.diagrams
  if (main === undefined || second === undefined) throw new Error('sample model changed')
  const [process, store] = main.elements
  const [flow] = main.flows
  if (process === undefined || store === undefined || flow === undefined) throw new Error('sample model changed')
  const threat = (id: string, target: ThreatTarget): Threat => ({ ...newUserThreat(target, id), id: asId<ThreatId>(id) })
  return {
    ...model,
    diagrams: [
      {
        ...main,
        elements: [process, { ...store, dataStored: [a1] }],
        flows: [flow, { ...flow, id: asId<FlowId>('f2'), dataSent: [], dataReceived: [a1] }, { ...flow, id: asId('f3') }]
      },
      second
    ],
    threats: [
      threat('on-p1', { kind: 'element', elementId: asId('p1') }),
      threat('on-f1', { kind: 'flow', flowId: asId('f1') }),
      threat('p1-f2-s1', { kind: 'interaction', sourceId: asId('p1'), flowId: asId('f2'), targetId: asId('s1') }),
      threat('x-f3-e2', { kind: 'interaction', sourceId: null, flowId: asId('f3'), targetId: asId('e2') }),
      threat('on-model', { kind: 'model' })
    ]
  }
}

describe('find', () => {
  it('finds items with the diagram they are on', () => {
    const model = sampleModel()
    const element = findElement(model, asId<ElementId>('e2'))
    expect(element?.diagram.id).toBe('d2')
    expect(element?.element.kind).toBe('externalInteractor')
    expect(findFlow(model, asId('f1'))?.flow.source).toBe('p1')
    expect(findBoundary(model, asId('b1'))?.diagram.id).toBe('d1')
  })

  it('returns null for an unknown id, and does not confuse kinds', () => {
    const model = sampleModel()
    expect(findElement(model, asId('nope'))).toBeNull()
    expect(findElement(model, asId('f1'))).toBeNull()
    expect(findFlow(model, asId('p1'))).toBeNull()
    expect(findBoundary(model, asId('p1'))).toBeNull()
  })
})

describe('collections', () => {
  it('lists elements and flows across diagrams in order', () => {
    const model = modelWithData()
    expect(allElements(model).map((element) => element.id)).toEqual(['p1', 's1', 'e2'])
    expect(allFlows(model).map((flow) => flow.id)).toEqual(['f1', 'f2', 'f3'])
  })

  it('finds where a data asset travels and is stored', () => {
    const model = modelWithData()
    expect(flowsCarrying(model, a1).map((flow) => flow.id)).toEqual(['f2'])
    expect(elementsStoring(model, a1).map((element) => element.id)).toEqual(['s1'])
    expect(flowsCarrying(model, asId('a9'))).toEqual([])
  })
})

describe('threatsTargeting', () => {
  it('finds threats on an item and on interactions it takes part in', () => {
    const model = modelWithData()
    const titles = (id: string): string[] => threatsTargeting(model, asId(id)).map((threat) => threat.title)
    expect(titles('p1')).toEqual(['on-p1', 'p1-f2-s1'])
    expect(titles('s1')).toEqual(['p1-f2-s1'])
    expect(titles('f1')).toEqual(['on-f1'])
    expect(titles('f3')).toEqual(['x-f3-e2'])
    expect(titles('e2')).toEqual(['x-f3-e2'])
    expect(titles('b1')).toEqual([])
  })
})
