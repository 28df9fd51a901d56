import { asId, type DataAssetId, type DiagramId, type ElementId, type FlowId } from '../model/ids'
import { emptyModel, newBoxBoundary, newDiagram, newElement, newFlow, newUserThreat } from '../model/factory'
import type { DataAsset, Diagram, ThreatModel } from '../model/model'

/**
 * A small valid model with readable ids, built from the factory:
 * diagram "d1" holds process "p1" at (0,0), store "s1" at (300,0), flow "f1" p1 → s1, box boundary "b1";
 * diagram "d2" holds interactor "e2". One data asset "a1", one user threat "t1" on f1.
 */
export function sampleModel(): ThreatModel {
  const process = { ...newElement('process', { x: 0, y: 0 }, 'Web app'), id: asId<ElementId>('p1') }
  const store = { ...newElement('dataStore', { x: 300, y: 0 }), id: asId<ElementId>('s1') }
  const flow = {
    ...newFlow(process.id, store.id, { sourcePoint: { x: 100, y: 50 }, targetPoint: { x: 300, y: 50 } }),
    id: asId<FlowId>('f1')
  }
  const first: Diagram = {
    ...newDiagram('Main'),
    id: asId<DiagramId>('d1'),
    elements: [process, store],
    flows: [flow],
    boundaries: [{ ...newBoxBoundary({ x: -10, y: -10, width: 200, height: 200 }), id: asId('b1') }]
  }
  const second: Diagram = {
    ...newDiagram('Second'),
    id: asId<DiagramId>('d2'),
    elements: [{ ...newElement('externalInteractor', { x: 0, y: 0 }), id: asId<ElementId>('e2') }]
  }
  const asset: DataAsset = {
    id: asId<DataAssetId>('a1'),
    name: 'Customer records',
    description: '',
    classification: { value: 'confidential', raw: null },
    confidentiality: null,
    integrity: null,
    availability: null,
    extensions: {}
  }
  return {
    ...emptyModel('Sample'),
    diagrams: [first, second],
    dataAssets: [asset],
    threats: [{ ...newUserThreat({ kind: 'flow', flowId: flow.id }, 'Tampering with f1'), id: asId('t1') }]
  }
}
