import type { Boundary, CommunicationLink, SharedRuntime, TechnicalAsset, ThreagileView } from './threagile-view'
import { isNetworkBoundary } from './threagile-vocabulary'

/**
 * Threagile v1's model queries (`model/types.go` at tag `stable`), one function each, named as there so a
 * rule reads like its Go original. Ratings are ordinals (threagile-vocabulary.ts `C` and `I`).
 */

type Rating = 'confidentiality' | 'integrity' | 'availability'

/** Own rating raised by the data assets processed and stored (v1 `HighestConfidentiality()` etc.). */
export function highest(view: ThreagileView, asset: TechnicalAsset, rating: Rating): number {
  let result = asset[rating]
  for (const id of [...asset.dataProcessed, ...asset.dataStored]) result = Math.max(result, view.data(id)[rating])
  return result
}

/** Highest rating of the data sent and received on a link (zero when it carries none). */
export function linkHighest(view: ThreagileView, link: CommunicationLink, rating: Rating): number {
  let result = 0
  for (const id of [...link.dataSent, ...link.dataReceived]) result = Math.max(result, view.data(id)[rating])
  return result
}

/** v1 `HighestSensitivityScore`: attacker attractiveness of the asset's own C/I/A. */
export function highestSensitivityScore(asset: TechnicalAsset): number {
  return ASSET_CONFIDENTIALITY_WEIGHTS[asset.confidentiality]! + ASSET_CRITICALITY_WEIGHTS[asset.integrity]! + ASSET_CRITICALITY_WEIGHTS[asset.availability]!
}

/** Fibonacci weights of v1 `AttackerAttractivenessForAsset`. */
export const ASSET_CONFIDENTIALITY_WEIGHTS = [8, 13, 21, 34, 55]
export const ASSET_CRITICALITY_WEIGHTS = [5, 8, 13, 21, 34]

/** Resolves an execution-environment boundary to its parent, as v1's "network only" checks do. */
function networkBoundaryOf(view: ThreagileView, assetId: string): Boundary {
  const direct = view.directBoundary(assetId)
  return isNetworkBoundary(direct.type) ? direct : view.boundary(view.parentBoundaryId(direct.id))
}

/** v1 `IsAcrossTrustBoundaryNetworkOnly`: outside-of-all counts as its own network zone (id ""). */
export function isAcrossTrustBoundaryNetworkOnly(view: ThreagileView, link: CommunicationLink): boolean {
  const source = networkBoundaryOf(view, link.sourceId)
  const target = networkBoundaryOf(view, link.targetId)
  return source.id !== target.id && isNetworkBoundary(target.type)
}

export function isSameTrustBoundaryNetworkOnly(view: ThreagileView, asset: TechnicalAsset, otherId: string): boolean {
  return networkBoundaryOf(view, asset.id).id === networkBoundaryOf(view, otherId).id
}

export function isSameExecutionEnvironment(view: ThreagileView, asset: TechnicalAsset, otherId: string): boolean {
  const mine = view.directBoundary(asset.id)
  const other = view.directBoundary(otherId)
  return mine.type === 'execution-environment' && other.type === 'execution-environment' && mine.id === other.id
}

/** v1 `AllParentTrustBoundaryIDs`: the boundary itself and its ancestors. */
function boundaryAndParents(view: ThreagileView, boundaryId: string): string[] {
  const result: string[] = []
  for (let id = boundaryId; id !== '' && !result.includes(id); id = view.parentBoundaryId(id)) result.push(id)
  return result
}

export function isSharingSameParentTrustBoundary(view: ThreagileView, left: TechnicalAsset, right: TechnicalAsset): boolean {
  const leftId = view.directBoundary(left.id).id
  const rightId = view.directBoundary(right.id).id
  if (leftId === '' || rightId === '') return leftId === rightId
  if (leftId === rightId) return true
  const rightParents = boundaryAndParents(view, rightId)
  return boundaryAndParents(view, leftId).some((id) => rightParents.includes(id))
}

export function hasDirectConnection(view: ThreagileView, asset: TechnicalAsset, otherId: string): boolean {
  return view.incoming(asset.id).some((link) => link.sourceId === otherId) || view.incoming(otherId).some((link) => link.sourceId === asset.id)
}

export function processesOrStores(asset: TechnicalAsset, dataId: string): boolean {
  return asset.dataProcessed.includes(dataId) || asset.dataStored.includes(dataId)
}

/** v1 `ContainsCaseInsensitiveAny`: trimmed, lower-cased equality. */
export function isTaggedWithAny(tags: readonly string[], wanted: readonly string[]): boolean {
  const normal = (tag: string): string => tag.trim().toLowerCase()
  const wantedSet = new Set(wanted.map(normal))
  return tags.some((tag) => wantedSet.has(normal(tag)))
}

/** v1 `IsTaggedWithBaseTag`: `aws` matches `aws` and `aws:ec2`. */
export function isTaggedWithBaseTag(tags: readonly string[], baseTag: string): boolean {
  const base = baseTag.trim().toLowerCase()
  return tags.some((tag) => {
    const normal = tag.trim().toLowerCase()
    return normal === base || normal.startsWith(`${base}:`)
  })
}

/** The asset's tags, then its boundaries' up the tree, then any shared runtime running it. */
export function isTaggedWithAnyTraversingUp(view: ThreagileView, asset: TechnicalAsset, wanted: readonly string[]): boolean {
  if (isTaggedWithAny(asset.tags, wanted)) return true
  const direct = view.directBoundary(asset.id)
  if (direct.id !== '' && boundaryAndParents(view, direct.id).some((id) => isTaggedWithAny(view.boundary(id).tags, wanted))) return true
  return [...view.sharedRuntimes.values()].some((runtime) => runtime.running.includes(asset.id) && isTaggedWithAny(runtime.tags, wanted))
}

/** v1 `RecursivelyAllTechnicalAssetIDsInside` (duplicates kept, as in Go). */
export function allAssetIdsInside(view: ThreagileView, boundary: Boundary, seen: Set<string> = new Set()): string[] {
  if (seen.has(boundary.id)) return []
  seen.add(boundary.id)
  return [...boundary.inside, ...boundary.nested.flatMap((id) => allAssetIdsInside(view, view.boundary(id), seen))]
}

/** Highest rating over assets (boundary contents, shared runtime), starting from public/archive. */
export function highestOver(view: ThreagileView, assetIds: readonly string[], rating: Rating): number {
  return assetIds.reduce((max, id) => Math.max(max, highest(view, view.asset(id), rating)), 0)
}

export function runtimeHighest(view: ThreagileView, runtime: SharedRuntime, rating: Rating): number {
  return highestOver(view, runtime.running, rating)
}
