import type { Threat, ThreatModel } from '../../model/model'

/**
 * One row of `threats --json`. Fixed shape (README, "Command line"): optional keys appear only when they
 * apply. Ids are as in the source file (TMT GUIDs stay GUIDs). `state` is the canonical state, except for
 * Threagile's engine, whose rows speak Threagile's own vocabulary (`unchecked`, `in-discussion`, …) so
 * they can be compared with Threagile's output and its risk_tracking.
 */
export interface ThreatRow {
  readonly key: string
  readonly ruleId: string
  readonly engine: string
  readonly category: string
  readonly title: string
  readonly state: string
  readonly severity?: string
  readonly likelihood?: string
  readonly impact?: string
  readonly elementId?: string
  readonly flowId?: string
  readonly sourceId?: string
  readonly targetId?: string
  readonly boundaryId?: string
  readonly dataAssetId?: string
  /** The name of what the threat is against (pytm compares findings by target name). */
  readonly targetName?: string
  readonly obsolete?: true
}

export function threatRow(threat: Threat, names: ReadonlyMap<string, string>, obsolete: boolean): ThreatRow {
  const engine = threat.origin.kind === 'generated' ? threat.origin.engine : 'user'
  const spelled = (value: { value: string | null; raw: string | null } | null): string | undefined =>
    value === null ? undefined : engine === 'threagile' ? (value.raw ?? value.value ?? undefined) : (value.value ?? value.raw ?? undefined)
  const row: Record<string, string | true> = {
    key: threat.id,
    ruleId: threat.origin.kind === 'generated' ? threat.origin.ruleId : (threat.definitionId ?? ''),
    engine,
    category: threat.category.value ?? threat.category.raw ?? '',
    title: threat.title,
    state: engine === 'threagile' ? (threat.state.raw ?? 'unchecked') : (threat.state.value ?? threat.state.raw ?? '')
  }
  // Optional keys appear only when they apply (the row's fixed shape), so they are set one by one.
  const optional: Record<string, string | undefined> = {
    severity: spelled(threat.severity),
    likelihood: spelled(threat.likelihood),
    impact: spelled(threat.impact),
    ...targetFields(threat, names)
  }
  for (const key in optional) {
    const value = optional[key]
    if (value !== undefined) row[key] = value
  }
  if (obsolete) row.obsolete = true
  return row as unknown as ThreatRow
}

function targetFields(threat: Threat, names: ReadonlyMap<string, string>): Record<string, string | undefined> {
  const target = threat.target
  switch (target.kind) {
    case 'element':
      return { elementId: target.elementId, targetName: names.get(target.elementId) }
    case 'flow':
      return { flowId: target.flowId, targetName: names.get(target.flowId) }
    case 'interaction': {
      const against = (threat.extensions.stride as { against?: string } | undefined)?.against
      const named = against === 'source' ? target.sourceId : against === 'target' ? target.targetId : target.flowId
      return {
        sourceId: target.sourceId ?? undefined,
        flowId: target.flowId,
        targetId: target.targetId ?? undefined,
        targetName: named === null ? undefined : names.get(named)
      }
    }
    case 'boundary':
      return { boundaryId: target.boundaryId, targetName: names.get(target.boundaryId) }
    case 'dataAsset':
      return { dataAssetId: target.dataAssetId, targetName: names.get(target.dataAssetId) }
    case 'model':
      return {}
  }
}

/** Names of everything a threat can be against, by id. */
export function namesById(model: ThreatModel): ReadonlyMap<string, string> {
  const names = new Map<string, string>()
  for (const diagram of model.diagrams) {
    for (const item of [...diagram.elements, ...diagram.flows, ...diagram.boundaries]) names.set(item.id, item.name)
  }
  for (const asset of model.dataAssets) names.set(asset.id, asset.name)
  return names
}
