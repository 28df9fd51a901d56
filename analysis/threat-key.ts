import type { Threat } from '../model/model'

/**
 * A threat's identity across regenerations, beyond its id. Generated threats carry their engine's stable
 * key as their id (Threagile's synthetic id, pytm's SID and target, our STRIDE keys), so ids match. TMT is
 * the exception: a file numbers its threats, while TMT itself identifies one by (TypeId, source, flow,
 * target) (tmt-format.md §8), so for TMT interaction threats that tuple is the key. Null: match by id only.
 */
export function threatKey(threat: Threat): string | null {
  if (threat.origin.kind !== 'generated' || threat.origin.engine !== 'tmt') return null
  const target = threat.target
  if (target.kind !== 'interaction') return null
  return [threat.origin.ruleId, target.sourceId ?? '', target.flowId, target.targetId ?? ''].join('|')
}
