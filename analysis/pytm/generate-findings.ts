import type { Diagnostic } from '../../model/diagnostics'
import { diagnostic } from '../../model/diagnostics'
import type { Threat, ThreatModel, ThreatTarget } from '../../model/model'
import { targetKey } from '../../model/threat-target'
import { asObject, bagStrings, pytmBag } from './model-bag'
import { pytmItems, type PytmItem } from './pytm-items'
import { PytmThreatMaker } from './pytm-threat'
import { PytmViews } from './pytm-views'
import { TargetGroup } from './condition-lanes'
import type { PytmThreat, PytmThreatLibrary } from './threat-library'

export interface PytmFindings {
  readonly threats: readonly Threat[]
  readonly diagnostics: readonly Diagnostic[]
}

/**
 * pytm's `resolve()` over a model (pytm.md §6): every in-scope item, every enabled threat whose target
 * classes include the item's class, fires when its condition holds or the item's own override forces it.
 * SIDs the TM excludes (`threatsExcluded`) are skipped; SIDs an item or TM assumption excludes give a
 * not-applicable threat naming the assumption (pytm's `excluded_findings`). Pure and total.
 */
export function generatePytmFindings(model: ThreatModel, library: PytmThreatLibrary): PytmFindings {
  const diagnostics: Diagnostic[] = []
  const views = new PytmViews(model)
  const excludedSids = new Set(bagStrings(asObject(pytmBag(model.extensions).tm), 'threatsExcluded'))
  const exclusionFor = exclusions(model)
  const previous = previousThreats(model)
  const known = new Set(library.threats.map((threat) => threat.sid))
  const enabled = library.threats.filter((threat) => threat.applies !== null && !excludedSids.has(threat.sid))
  const forClass = threatsByLineage(enabled)
  const items = pytmItems(model, views)
  const holds = classConditions(items, forClass)
  const maker = new PytmThreatMaker()
  const threats: Threat[] = []
  for (const item of items) {
    for (const sid of item.forced) {
      if (!known.has(sid)) {
        diagnostics.push(
          diagnostic('pytm.override.unknown-threat', 'warning', `"${item.name}" overrides ${sid}, which is not in the threat library`)
        )
      }
    }
    if (!item.inScope) continue
    const fire = (threat: PytmThreat): void => {
      threats.push(
        maker.make(
          threat,
          item,
          exclusionFor(item, threat.sid),
          previous.size === 0 ? undefined : previous.get(findingKey(threat.sid, item.target))
        )
      )
    }
    const evaluated = holds.get(item)
    if (evaluated !== undefined) {
      const candidates = forClass(item.lineage)
      for (let index = 0; index < candidates.length; index++) {
        if (evaluated.results[index]?.[evaluated.position] === 1) fire(candidates[index] as PytmThreat)
      }
      continue
    }
    // An override forces its threat whatever the item's class, so such items look at every threat.
    for (const threat of enabled) {
      if (item.forced.has(threat.sid) || (matchesClass(threat, item.lineage) && threat.applies?.(item.view) === true)) fire(threat)
    }
  }
  return { threats, diagnostics }
}

/** Which of its class's threats hold for an item: `results[i][position]` is 1 when the i-th of them does. */
interface ItemConditions {
  readonly results: readonly Uint8Array[]
  readonly position: number
}

/**
 * The conditions of every in-scope item that no override forces, evaluated class by class over all the
 * class's items at once (condition-lanes.ts); items with overrides are left to the caller.
 */
function classConditions(
  items: readonly PytmItem[],
  forClass: (lineage: readonly string[]) => readonly PytmThreat[]
): ReadonlyMap<PytmItem, ItemConditions> {
  const groups = new Map<readonly PytmThreat[], PytmItem[]>()
  for (const item of items) {
    if (!item.inScope || item.forced.size > 0) continue
    const threats = forClass(item.lineage)
    const group = groups.get(threats)
    if (group === undefined) groups.set(threats, [item])
    else group.push(item)
  }
  const conditions = new Map<PytmItem, ItemConditions>()
  for (const [threats, members] of groups) {
    const group = new TargetGroup(members.map((item) => item.view))
    const results = threats.map((threat) => threat.applies?.forAll(group) ?? new Uint8Array(members.length))
    members.forEach((item, position) => conditions.set(item, { results, position }))
  }
  return conditions
}

/** isinstance: a threat targets the item's class or one of its ancestors. */
function matchesClass(threat: PytmThreat, lineage: readonly string[]): boolean {
  return threat.targets.some((target) => lineage.includes(target))
}

/** The threats that can apply to items of a class, in library order, worked out once per class. */
function threatsByLineage(threats: readonly PytmThreat[]): (lineage: readonly string[]) => readonly PytmThreat[] {
  const byLineage = new Map<string, readonly PytmThreat[]>()
  return (lineage) => {
    const key = lineage.join('\u0000')
    let found = byLineage.get(key)
    if (found === undefined) {
      found = threats.filter((threat) => matchesClass(threat, lineage))
      byLineage.set(key, found)
    }
    return found
  }
}

/**
 * The assumption that excludes a SID on an item: one stated on the item, else a TM-level one with a
 * non-empty `exclude` (pytm.md §6 step 4). Assumptions read from pytm say where they apply in their bag.
 */
function exclusions(model: ThreatModel): (item: PytmItem, sid: string) => string | null {
  const stated = model.assumptions.map((assumption) => {
    const bag = pytmBag(assumption.extensions)
    const appliesTo = typeof bag.appliesTo === 'string' ? bag.appliesTo : null
    return { title: assumption.title, appliesTo, exclude: new Set(bagStrings(bag, 'exclude')) }
  })
  if (stated.every((entry) => entry.exclude.size === 0)) return () => null
  return (item, sid) =>
    (
      stated.find((entry) => entry.appliesTo === item.targetId && entry.exclude.has(sid)) ??
      stated.find((entry) => entry.appliesTo === null && entry.exclude.has(sid))
    )?.title ?? null
}

/** Threats pytm made before (read from a dump, or generated and triaged), by (SID, target). */
function previousThreats(model: ThreatModel): ReadonlyMap<string, Threat> {
  const found = new Map<string, Threat>()
  for (const threat of model.threats) {
    if (threat.origin.kind !== 'generated' || threat.origin.engine !== 'pytm') continue
    const key = findingKey(threat.origin.ruleId, threat.target)
    if (!found.has(key)) found.set(key, threat)
  }
  return found
}

function findingKey(sid: string, target: ThreatTarget): string {
  return `${sid}\u0000${targetKey(target)}`
}
