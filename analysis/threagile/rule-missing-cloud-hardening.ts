import { createRisk, type RiskImpact, type ThreagileRisk } from './threagile-risk'
import type { ThreagileRule } from './threagile-rule'
import { allAssetIdsInside, highest, highestOver, highestSensitivityScore, isTaggedWithAny, isTaggedWithAnyTraversingUp, isTaggedWithBaseTag } from './threagile-queries'
import { compareGoStrings, type TechnicalAsset, type ThreagileView } from './threagile-view'
import { C, I, isWithinCloud } from './threagile-vocabulary'

/**
 * missing-cloud-hardening, ported from v1 `missing-cloud-hardening-rule.go` (threagile-rules.md §2 #13):
 * one risk per cloud-tagged shared runtime and per cloud boundary (by provider, or generic when the
 * boundary is a cloud type without a provider tag), a fallback risk on the most sensitive tagged asset of
 * a provider that got none, and extra asset risks for `aws:ec2` and `aws:s3`. Several paths can produce
 * the same id; v1 keeps every one, and so do we.
 */
const AWS_SUBTAGS = ['aws:vpc', 'aws:ec2', 'aws:s3', 'aws:ebs', 'aws:apigateway', 'aws:lambda', 'aws:dynamodb', 'aws:rds', 'aws:sqs', 'aws:iam']
const SUPPORTED_TAGS = ['aws', 'azure', 'gcp', 'ocp', ...AWS_SUBTAGS]
const PROVIDERS = [
  { base: 'aws', label: 'AWS', details: 'CIS Benchmark for AWS' },
  { base: 'azure', label: 'Azure', details: 'CIS Benchmark for Microsoft Azure' },
  { base: 'gcp', label: 'GCP', details: 'CIS Benchmark for Google Cloud Computing Platform' },
  { base: 'ocp', label: 'OCP', details: 'Vendor Best Practices for Oracle Cloud Platform' }
] as const

type Ratings = { readonly confidentiality: number; readonly integrity: number; readonly availability: number }

function impactFor(ratings: Ratings): RiskImpact {
  if (ratings.confidentiality === C.strictlyConfidential || ratings.integrity === I.missionCritical || ratings.availability === I.missionCritical) return 'very-high'
  if (ratings.confidentiality >= C.confidential || ratings.integrity >= I.critical || ratings.availability >= I.critical) return 'high'
  return 'medium'
}

function ratingsOver(view: ThreagileView, ids: readonly string[]): Ratings {
  return { confidentiality: highestOver(view, ids, 'confidentiality'), integrity: highestOver(view, ids, 'integrity'), availability: highestOver(view, ids, 'availability') }
}

export const missingCloudHardening: ThreagileRule = {
  id: 'missing-cloud-hardening', title: 'Missing Cloud Hardening', stride: 'tampering', function: 'operations', cwe: 1008, modelFailurePossibleReason: false,
  generate: (view) => {
    const runtimesUnspecific = new Set<string>()
    const boundariesUnspecific = new Set<string>()
    const assetsWithSubtagRisks = new Set<string>()
    const byProvider = new Map<string, { runtimes: Set<string>; boundaries: Set<string>; assets: Set<string> }>(
      PROVIDERS.map((provider) => [provider.base, { runtimes: new Set<string>(), boundaries: new Set<string>(), assets: new Set<string>() }])
    )
    const providerSets = (base: string): { runtimes: Set<string>; boundaries: Set<string>; assets: Set<string> } => byProvider.get(base)!

    const addAsset = (asset: TechnicalAsset, tags: readonly string[]): void => {
      if (isTaggedWithAny(asset.tags, AWS_SUBTAGS)) assetsWithSubtagRisks.add(asset.id)
      for (const provider of PROVIDERS) if (isTaggedWithBaseTag(tags, provider.base)) providerSets(provider.base).assets.add(asset.id)
    }
    const addTagged = (id: string, tags: readonly string[], unspecific: Set<string>, kind: 'runtimes' | 'boundaries'): void => {
      if (!isTaggedWithAny(tags, SUPPORTED_TAGS)) {
        unspecific.add(id)
        return
      }
      for (const provider of PROVIDERS) if (isTaggedWithBaseTag(tags, provider.base)) providerSets(provider.base)[kind].add(id)
    }

    for (const boundary of view.boundaries.values()) {
      const taggedOuter = isTaggedWithAny(boundary.tags, SUPPORTED_TAGS)
      if (!taggedOuter && !isWithinCloud(boundary.type)) continue
      addTagged(boundary.id, boundary.tags, boundariesUnspecific, 'boundaries')
      for (const id of allAssetIdsInside(view, boundary)) {
        const asset = view.asset(id)
        if (isTaggedWithAny(asset.tags, SUPPORTED_TAGS)) addAsset(asset, asset.tags)
        else if (taggedOuter) addAsset(asset, boundary.tags)
      }
    }
    for (const asset of view.assets.values()) if (isTaggedWithAny(asset.tags, SUPPORTED_TAGS)) addAsset(asset, asset.tags)
    for (const boundary of view.boundaries.values()) {
      if (!isTaggedWithAny(boundary.tags, SUPPORTED_TAGS)) continue
      for (const id of allAssetIdsInside(view, boundary)) {
        const asset = view.asset(id)
        addAsset(asset, isTaggedWithAny(asset.tags, SUPPORTED_TAGS) ? asset.tags : boundary.tags)
      }
    }
    for (const runtime of view.sharedRuntimes.values()) {
      if (!isTaggedWithAny(runtime.tags, SUPPORTED_TAGS)) continue
      addTagged(runtime.id, runtime.tags, runtimesUnspecific, 'runtimes')
      for (const id of runtime.running) addAsset(view.asset(id), runtime.tags)
    }
    for (const sets of byProvider.values()) {
      for (const id of sets.runtimes) runtimesUnspecific.delete(id)
      for (const id of sets.boundaries) boundariesUnspecific.delete(id)
    }

    const risks: ThreagileRisk[] = []
    const risk = (prefix: string, details: string, name: string, impact: RiskImpact, mostRelevant: ThreagileRisk['mostRelevant'], breached: readonly string[], id: string): ThreagileRisk =>
      createRisk('missing-cloud-hardening', {
        title: `<b>Missing Cloud Hardening${prefix === '' ? '' : ` (${prefix})`}</b> risk at <b>${name}</b>${details === '' ? '' : `: <u>${details}</u>`}`,
        likelihood: 'unlikely', impact, mostRelevant, dataBreachProbability: 'probable', dataBreachTechnicalAssets: breached, idParts: [id]
      })
    const runtimeRisk = (id: string, prefix: string, details: string): ThreagileRisk => {
      const runtime = view.sharedRuntimes.get(id)!
      return risk(prefix, details, runtime.title, impactFor(ratingsOver(view, runtime.running)), { sharedRuntime: id }, runtime.running, id)
    }
    const boundaryRisk = (id: string, prefix: string, details: string): ThreagileRisk => {
      const inside = allAssetIdsInside(view, view.boundary(id))
      return risk(prefix, details, view.boundary(id).title, impactFor(ratingsOver(view, inside)), { trustBoundary: id }, inside, id)
    }
    const assetRisk = (asset: TechnicalAsset, prefix: string, details: string): ThreagileRisk => {
      const ratings = { confidentiality: highest(view, asset, 'confidentiality'), integrity: highest(view, asset, 'integrity'), availability: highest(view, asset, 'availability') }
      return risk(prefix, details, asset.title, impactFor(ratings), { technicalAsset: asset.id }, [asset.id], asset.id)
    }

    const added = new Set<string>()
    for (const provider of PROVIDERS) {
      for (const id of providerSets(provider.base).runtimes) {
        risks.push(runtimeRisk(id, provider.label, provider.details))
        added.add(provider.base)
      }
    }
    for (const id of runtimesUnspecific) risks.push(runtimeRisk(id, '', ''))
    for (const provider of PROVIDERS) {
      for (const id of providerSets(provider.base).boundaries) {
        risks.push(boundaryRisk(id, provider.label, provider.details))
        added.add(provider.base)
      }
    }
    for (const id of boundariesUnspecific) risks.push(boundaryRisk(id, '', ''))
    for (const provider of PROVIDERS) {
      if (added.has(provider.base)) continue
      const example = mostSensitive(view, providerSets(provider.base).assets)
      if (example !== null) risks.push(assetRisk(example, provider.label, provider.details))
    }
    for (const id of assetsWithSubtagRisks) {
      const asset = view.asset(id)
      if (isTaggedWithAnyTraversingUp(view, asset, ['aws:ec2'])) risks.push(assetRisk(asset, 'EC2', 'CIS Benchmark for Amazon Linux'))
      if (isTaggedWithAnyTraversingUp(view, asset, ['aws:s3'])) risks.push(assetRisk(asset, 'S3', 'Security Best Practices for AWS S3'))
    }
    return risks
  }
}

/** v1 `findMostSensitiveTechnicalAsset`: sorted ids, the first strictly higher sensitivity score wins. */
function mostSensitive(view: ThreagileView, ids: ReadonlySet<string>): TechnicalAsset | null {
  let best: TechnicalAsset | null = null
  for (const id of [...ids].sort(compareGoStrings)) {
    const asset = view.asset(id)
    if (best === null || highestSensitivityScore(asset) > highestSensitivityScore(best)) best = asset
  }
  return best
}
