import type { Threat, ThreatModel } from '../model/model'

/** Looks up, once per model, whether each threat's target still exists as it was when generated. */
export function obsoleteChecker(model: ThreatModel): (threat: Threat) => boolean {
  const elements = new Set<string>()
  const boundaries = new Set<string>()
  const flowEnds = new Map<string, { source: string | null; target: string | null }>()
  for (const diagram of model.diagrams) {
    for (const element of diagram.elements) elements.add(element.id)
    for (const boundary of diagram.boundaries) boundaries.add(boundary.id)
    for (const flow of diagram.flows) flowEnds.set(flow.id, { source: flow.source, target: flow.target })
  }
  const dataAssets = new Set<string>(model.dataAssets.map((asset) => asset.id))
  return (threat) => {
    const target = threat.target
    switch (target.kind) {
      case 'element':
        return !elements.has(target.elementId)
      case 'flow':
        return !flowEnds.has(target.flowId)
      case 'interaction': {
        // An interaction is gone when its flow is gone or now joins other elements (re-attached after generation).
        const ends = flowEnds.get(target.flowId)
        return ends === undefined || ends.source !== target.sourceId || ends.target !== target.targetId
      }
      case 'boundary':
        return !boundaries.has(target.boundaryId)
      case 'dataAsset':
        return !dataAssets.has(target.dataAssetId)
      case 'model':
        return false
    }
  }
}
