import { ASSET_CONFIDENTIALITY_WEIGHTS, ASSET_CRITICALITY_WEIGHTS } from './threagile-queries'
import type { TechnicalAsset, ThreagileView } from './threagile-view'

/** Fibonacci weights of v1 `AttackerAttractivenessFor…` for processed/stored and transferred data. */
const STORED_CONFIDENTIALITY = [5, 8, 13, 21, 34]
const STORED_CRITICALITY = [3, 5, 8, 13, 21]
const TRANSFERRED = [2, 3, 5, 8, 13]

/**
 * Relative attacker attractiveness in percent per asset, v1 `raa/raa/raa.go` (threagile-rules.md §0.2):
 * each asset's score is normalised between the lowest and highest score of all assets, then raised by a
 * third of the largest positive difference to an outgoing neighbour ("pivoting"). The sum is normalised
 * once more, as v1 does.
 */
export function relativeAttackerAttractiveness(view: ThreagileView): Map<string, number> {
  const scores = new Map([...view.assets.values()].map((asset) => [asset.id, attackerAttractiveness(view, asset)]))
  const values = [...scores.values()]
  const minimum = values.length === 0 ? 0 : Math.min(...values)
  let maximum = values.length === 0 ? 0 : Math.max(...values)
  if (!(minimum < maximum)) maximum = minimum + 1
  const spread = maximum - minimum
  const relative = (score: number): number => {
    const percent = ((score - minimum) / spread) * 100
    return percent <= 0 ? 1 : percent
  }
  const result = new Map<string, number>()
  for (const asset of view.assets.values()) {
    const own = scores.get(asset.id) ?? 0
    let adjustment = 0
    if (!asset.outOfScope) {
      for (const link of asset.links) {
        const delta = relative(scores.get(link.targetId) ?? 0) - relative(own)
        if (delta > 0) adjustment = Math.max(adjustment, delta / 3)
      }
    }
    result.set(asset.id, relative(own + adjustment))
  }
  return result
}

function attackerAttractiveness(view: ThreagileView, asset: TechnicalAsset): number {
  if (asset.outOfScope) return 0
  let score = ASSET_CONFIDENTIALITY_WEIGHTS[asset.confidentiality]! + ASSET_CRITICALITY_WEIGHTS[asset.integrity]! + ASSET_CRITICALITY_WEIGHTS[asset.availability]!
  for (const id of [...asset.dataProcessed, ...asset.dataStored]) {
    const data = view.data(id)
    score += STORED_CONFIDENTIALITY[data.confidentiality]! * data.quantityFactor
    score += STORED_CRITICALITY[data.integrity]! * data.quantityFactor
    score += STORED_CRITICALITY[data.availability]!
  }
  for (const link of asset.links) {
    for (const id of [...link.dataSent, ...link.dataReceived]) {
      const data = view.data(id)
      score += TRANSFERRED[data.confidentiality]! * data.quantityFactor
      score += TRANSFERRED[data.integrity]! * data.quantityFactor
      score += TRANSFERRED[data.availability]!
    }
  }
  const technology = asset.technology
  if (technology === 'load-balancer' || technology === 'reverse-proxy') score /= 5.5
  if (technology === 'monitoring') score /= 5
  if (technology === 'container-platform') score *= 5
  if (technology === 'vault') score *= 2
  if (technology === 'build-pipeline' || technology === 'sourcecode-repository' || technology === 'artifact-registry') score *= 2
  if (technology === 'identity-provider' || technology === 'identity-store-database' || technology === 'identity-store-ldap') score *= 2.5
  else if (asset.type === 'datastore') score *= 2
  if (asset.multiTenant) score *= 1.5
  return score
}
