import type { Threat } from '../model/model'

/**
 * A threat's identity across regenerations: which engine and rule produced it, against what
 * (rule, source, flow, target for interactions, like TMT's keys). Two threats with the same key are the
 * same threat, whatever ids a file gave them; user-written threats have no key (null) and are never
 * merged with anything.
 */
export function threatKey(threat: Threat): string | null {
  if (threat.origin.kind !== 'generated') return null
  const { engine, ruleId } = threat.origin
  const target = threat.target
  switch (target.kind) {
    case 'interaction':
      return [engine, ruleId, target.sourceId ?? '', target.flowId, target.targetId ?? ''].join('|')
    case 'element':
      return [engine, ruleId, target.elementId].join('|')
    case 'flow':
      return [engine, ruleId, target.flowId].join('|')
    case 'boundary':
      return [engine, ruleId, target.boundaryId].join('|')
    case 'dataAsset':
      return [engine, ruleId, target.dataAssetId].join('|')
    case 'model':
      return [engine, ruleId].join('|')
  }
}
