import type { ThreatId } from '../model/ids'
import type { Threat, ThreatDefinition, ThreatModel } from '../model/model'
import { obsoleteChecker } from './obsolete-threats'
import { threatKey } from './threat-key'

export interface RegenerationReport {
  /** The model with new threats appended; nothing existing is changed or removed. */
  readonly model: ThreatModel
  readonly added: readonly ThreatId[]
  /** Kept threats (triaged or not) whose interaction no longer exists: shown as obsolete, never deleted. */
  readonly obsolete: readonly ThreatId[]
}

/**
 * Merges a fresh generation into the model without losing work: a generated threat whose key
 * (threat-key.ts: engine, rule and target) or id already exists keeps the existing threat untouched (its state, justification, owner… are the reviewer's);
 * new keys are appended in generation order; threats no longer generated stay. Running it twice with
 * the same generation changes nothing the second time (idempotent).
 */
export function regenerateThreats(
  model: ThreatModel,
  generated: readonly Threat[],
  definitions: readonly ThreatDefinition[] = []
): RegenerationReport {
  const existingIds = new Set<string>(model.threats.map((threat) => threat.id))
  const existingKeys = new Set(model.threats.map(threatKey).filter((key): key is string => key !== null))
  const additions: Threat[] = []
  for (const threat of generated) {
    const key = threatKey(threat)
    if (existingIds.has(threat.id) || (key !== null && existingKeys.has(key))) continue
    existingIds.add(threat.id)
    if (key !== null) existingKeys.add(key)
    additions.push(threat)
  }
  const knownDefinitions = new Set<string>(model.threatDefinitions.map((definition) => definition.id))
  const usedDefinitions = new Set<string>(additions.map((threat) => threat.definitionId ?? ''))
  const newDefinitions = definitions.filter((definition) => usedDefinitions.has(definition.id) && !knownDefinitions.has(definition.id))
  const merged: ThreatModel = {
    ...model,
    threatDefinitions: [...model.threatDefinitions, ...newDefinitions],
    threats: [...model.threats, ...additions]
  }
  const isObsolete = obsoleteChecker(merged)
  return {
    model: merged,
    added: additions.map((threat) => threat.id),
    obsolete: merged.threats.filter(isObsolete).map((threat) => threat.id)
  }
}
