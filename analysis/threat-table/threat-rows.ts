import { obsoleteChecker } from '../obsolete-threats'
import { boundariesCrossed } from '../../model/boundary-geometry'
import type { ThreatState } from '../../model/enums'
import type { DataAsset, Diagram, Threat, ThreatModel, ThreatTarget, TriageRecord } from '../../model/model'

/**
 * analysis/threat-table/: the threat table's rows, filter, sort and progress counts as pure functions over
 * the model. They live in the analysis layer, not the renderer, so the benchmark (bench/triage.ts) and any
 * CLI listing run exactly the code the app's table runs (src-renderer/src/threats/).
 *
 * One row of the threat table: the threat plus what the table shows and filters on, computed once per
 * model so that filtering 20,000 rows is a plain scan of strings and booleans.
 */
export interface ThreatRow {
  readonly threat: Threat
  readonly id: string
  readonly title: string
  /** Canonical category, else the source's spelling, else ''. */
  readonly category: string
  /** "Browser → Web app (Login)" for an interaction, the element or flow name otherwise. */
  readonly targetName: string
  /** Model ids of everything the target touches (element, flow, both ends): for "threats of this item". */
  readonly itemIds: readonly string[]
  readonly diagramId: string | null
  readonly diagramName: string
  /** Null when the source's state has no canonical meaning. */
  readonly state: ThreatState | null
  readonly stateText: string
  readonly priority: string
  readonly severity: string
  readonly owner: string
  readonly changedAt: string
  readonly crossesBoundary: boolean
  readonly obsolete: boolean
  /** Nobody has triaged it: not started and never in the triage history. */
  readonly unreviewed: boolean
  /** Lower-cased text the search box matches against. */
  readonly searchText: string
}

interface ItemInfo {
  readonly name: string
  readonly diagram: Diagram
  readonly crosses: boolean
}

/**
 * What a row needs besides its threat: names, diagrams and crossings of the items. It depends only on the
 * diagrams and data assets, which a triage edit leaves untouched (structural sharing), so it and the rows
 * built in it are kept per (diagrams, data assets) pair: after a triage step on a 20,000-threat model only the
 * edited threats' rows are built again.
 */
interface RowContext {
  readonly items: ReadonlyMap<string, ItemInfo>
  readonly diagramNames: ReadonlyMap<string, string>
  readonly assetNames: ReadonlyMap<string, string>
  readonly isObsolete: (threat: Threat) => boolean
  readonly rows: WeakMap<Threat, ThreatRow>
}

const contexts = new WeakMap<readonly Diagram[], WeakMap<readonly DataAsset[], RowContext>>()
const triagedSets = new WeakMap<readonly TriageRecord[], ReadonlySet<string>>()

export function buildThreatRows(model: ThreatModel): readonly ThreatRow[] {
  const context = rowContext(model)
  const triaged = triagedIds(model.triageHistory)
  return model.threats.map((threat) => {
    let row = context.rows.get(threat)
    if (row === undefined) {
      row = buildRow(threat, context, triaged)
      context.rows.set(threat, row)
    }
    // The one field that depends on the history rather than the threat: undo can take a record away.
    const unreviewed = row.state === 'notStarted' && !triaged.has(threat.id)
    return row.unreviewed === unreviewed ? row : { ...row, unreviewed }
  })
}

function rowContext(model: ThreatModel): RowContext {
  let byAssets = contexts.get(model.diagrams)
  if (byAssets === undefined) {
    byAssets = new WeakMap()
    contexts.set(model.diagrams, byAssets)
  }
  let context = byAssets.get(model.dataAssets)
  if (context === undefined) {
    context = newRowContext(model)
    byAssets.set(model.dataAssets, context)
  }
  return context
}

function newRowContext(model: ThreatModel): RowContext {
  const items = new Map<string, ItemInfo>()
  for (const diagram of model.diagrams) {
    for (const element of diagram.elements) items.set(element.id, { name: element.name, diagram, crosses: false })
    for (const boundary of diagram.boundaries) items.set(boundary.id, { name: boundary.name, diagram, crosses: false })
    for (const flow of diagram.flows) {
      items.set(flow.id, { name: flow.name, diagram, crosses: boundariesCrossed(diagram, flow).length > 0 })
    }
  }
  return {
    items,
    diagramNames: new Map<string, string>(model.diagrams.map((diagram) => [diagram.id, diagram.name])),
    assetNames: new Map<string, string>(model.dataAssets.map((asset) => [asset.id, asset.name])),
    // The checker reads only diagrams and data assets: the context's own key.
    isObsolete: obsoleteChecker(model),
    rows: new WeakMap()
  }
}

function triagedIds(history: readonly TriageRecord[]): ReadonlySet<string> {
  let ids = triagedSets.get(history)
  if (ids === undefined) {
    ids = new Set(history.map((record) => record.threatId))
    triagedSets.set(history, ids)
  }
  return ids
}

function buildRow(threat: Threat, context: RowContext, triaged: ReadonlySet<string>): ThreatRow {
  const { items, diagramNames, assetNames } = context
  const nameOf = (id: string | null): string => (id === null ? '(unattached)' : (items.get(id)?.name ?? id))
  const { targetName, itemIds, crosses } = describeTarget(threat.target, items, assetNames, nameOf)
  // Readers do not always say the diagram; any item the target still touches tells it (a gone flow's ends do).
  const diagramId = threat.diagramId ?? itemIds.map((id) => items.get(id)?.diagram.id).find((id) => id !== undefined) ?? null
  const state = threat.state.value
  const category = threat.category.value ?? threat.category.raw ?? ''
  const stateText = state ?? threat.state.raw ?? ''
  const diagramName = diagramId === null ? '' : (diagramNames.get(diagramId) ?? diagramId)
  return {
    threat,
    id: threat.id,
    title: threat.title,
    category,
    targetName,
    itemIds,
    diagramId,
    diagramName,
    state,
    stateText,
    priority: threat.priority?.value ?? threat.priority?.raw ?? '',
    severity: threat.severity?.value ?? threat.severity?.raw ?? '',
    owner: threat.owner,
    changedAt: threat.changedAt ?? '',
    crossesBoundary: crosses,
    obsolete: context.isObsolete(threat),
    unreviewed: state === 'notStarted' && !triaged.has(threat.id),
    searchText: `${ownText(threat)}\n${targetName.toLowerCase()}\n${diagramName.toLowerCase()}`
  }
}

/**
 * A threat's own searchable text, lower-cased once per threat object. Edits replace only the threats they
 * change (structural sharing), so after a triage step on a 20,000-threat model the other rows reuse theirs.
 */
const ownTexts = new WeakMap<Threat, string>()

function ownText(threat: Threat): string {
  let text = ownTexts.get(threat)
  if (text === undefined) {
    const category = threat.category.value ?? threat.category.raw ?? ''
    text = [threat.id, threat.title, threat.description, category, threat.owner, threat.justification, threat.ticket].join('\n').toLowerCase()
    ownTexts.set(threat, text)
  }
  return text
}

function describeTarget(
  target: ThreatTarget,
  items: ReadonlyMap<string, ItemInfo>,
  assetNames: ReadonlyMap<string, string>,
  nameOf: (id: string | null) => string
): { targetName: string; itemIds: readonly string[]; crosses: boolean } {
  switch (target.kind) {
    case 'element':
      return { targetName: nameOf(target.elementId), itemIds: [target.elementId], crosses: false }
    case 'flow':
      return { targetName: nameOf(target.flowId), itemIds: [target.flowId], crosses: items.get(target.flowId)?.crosses ?? false }
    case 'interaction': {
      const ends = [target.sourceId, target.targetId].filter((id): id is NonNullable<typeof id> => id !== null)
      return {
        targetName: `${nameOf(target.sourceId)} → ${nameOf(target.targetId)} (${nameOf(target.flowId)})`,
        itemIds: [target.flowId, ...ends],
        crosses: items.get(target.flowId)?.crosses ?? false
      }
    }
    case 'boundary':
      return { targetName: nameOf(target.boundaryId), itemIds: [target.boundaryId], crosses: false }
    case 'dataAsset':
      return { targetName: assetNames.get(target.dataAssetId) ?? target.dataAssetId, itemIds: [], crosses: false }
    case 'model':
      return { targetName: 'Whole model', itemIds: [], crosses: false }
  }
}
