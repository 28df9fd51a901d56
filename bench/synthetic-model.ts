/** A synthetic model for benchmarks: 5,000 elements, 10,000 flows and 20,000 threats on one diagram. */
import { emptyModel, newDiagram, newElement, newFlow, newUserThreat } from '../model/factory'
import { asId, type ElementId, type FlowId, type ThreatId } from '../model/ids'
import type { ThreatModel } from '../model/model'

// Larger than the biggest TMT model in the corpus by an order of magnitude.
export function largeModel(): ThreatModel {
  const elements = Array.from({ length: 5000 }, (_, i) => ({
    ...newElement('process', { x: (i % 100) * 150, y: Math.floor(i / 100) * 150 }),
    id: asId<ElementId>(`e${i}`)
  }))
  const flows = Array.from({ length: 10000 }, (_, i) => ({
    ...newFlow(asId(`e${i % 5000}`), asId(`e${(i + 1) % 5000}`), {
      sourcePoint: { x: 0, y: 0 },
      targetPoint: { x: 10, y: 10 },
      bendPoints: [{ x: 5, y: 3 }]
    }),
    id: asId<FlowId>(`f${i}`)
  }))
  const diagram = { ...newDiagram('Big'), elements, flows }
  const threats = Array.from({ length: 20000 }, (_, i) => ({
    ...newUserThreat(
      { kind: 'interaction', sourceId: asId(`e${i % 5000}`), flowId: asId(`f${i % 10000}`), targetId: null },
      `Threat ${i}`,
      { diagramId: diagram.id }
    ),
    id: asId<ThreatId>(`t${i}`)
  }))
  return { ...emptyModel('Big'), diagrams: [diagram], threats }
}

