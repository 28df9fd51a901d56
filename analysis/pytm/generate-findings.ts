import type { Diagnostic } from '../../model/diagnostics'
import { diagnostic } from '../../model/diagnostics'
import type { Threat, ThreatModel, ThreatTarget } from '../../model/model'
import { asObject, bagStrings, pytmBag } from './model-bag'
import { pytmItems, type PytmItem } from './pytm-items'
import { pytmThreat } from './pytm-threat'
import { PytmViews } from './pytm-views'
import type { PytmThreatLibrary } from './threat-library'

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
  const threats: Threat[] = []
  for (const item of pytmItems(model, views)) {
    for (const sid of item.forced) {
      if (!known.has(sid)) {
        diagnostics.push(
          diagnostic('pytm.override.unknown-threat', 'warning', `"${item.name}" overrides ${sid}, which is not in the threat library`)
        )
      }
    }
    if (!item.inScope) continue
    for (const threat of library.threats) {
      if (threat.applies === null || excludedSids.has(threat.sid)) continue
      const matchesClass = threat.targets.some((target) => item.lineage.includes(target))
      const fires = item.forced.has(threat.sid) || (matchesClass && threat.applies(item.view))
      if (!fires) continue
      threats.push(
        pytmThreat(
          threat,
          item,
          exclusionFor(item, threat.sid),
          previous.size === 0 ? undefined : previous.get(targetKey(threat.sid, item.target))
        )
      )
    }
  }
  return { threats, diagnostics }
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
    const key = targetKey(threat.origin.ruleId, threat.target)
    if (!found.has(key)) found.set(key, threat)
  }
  return found
}

function targetKey(sid: string, target: ThreatTarget): string {
  return `${sid}\u0000${target.kind}\u0000${targetIds(target)}`
}

function targetIds(target: ThreatTarget): string {
  switch (target.kind) {
    case 'element':
      return target.elementId
    case 'flow':
      return target.flowId
    case 'interaction':
      return `${target.sourceId ?? ''}\u0000${target.flowId}\u0000${target.targetId ?? ''}`
    case 'boundary':
      return target.boundaryId
    case 'dataAsset':
      return target.dataAssetId
    case 'model':
      return ''
  }
}
