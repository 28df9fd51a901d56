import { createRisk, type RiskImpact } from './threagile-risk'
import type { ThreagileRule } from './threagile-rule'
import { highest, highestSensitivityScore, linkHighest } from './threagile-queries'
import type { TechnicalAsset } from './threagile-view'
import { C, EXCLUSIVELY_BACKEND, EXCLUSIVELY_FRONTEND, I } from './threagile-vocabulary'
import { strictImpact } from './rules-network'

/** Hardening, vault, registry and shared-runtime rules, ported from v1 (threagile-rules.md §2 #15, #20, #23, #28). */

export const missingHardening: ThreagileRule = {
  id: 'missing-hardening', title: 'Missing Hardening', stride: 'tampering', function: 'operations', cwe: 16, modelFailurePossibleReason: false,
  generate: (view) => view.sortedAssetIds.map((id) => view.asset(id)).filter((asset) => {
    const raa = view.raa(asset.id)
    const reducedLimit = asset.type === 'datastore' || ['application-server', 'identity-provider', 'erp'].includes(asset.technology)
    return !asset.outOfScope && (raa >= 55 || (raa >= 40 && reducedLimit))
  }).map((asset) => createRisk('missing-hardening', {
    title: `<b>Missing Hardening</b> risk at <b>${asset.title}</b>`, likelihood: 'likely', impact: strictImpact(view, asset, false),
    mostRelevant: { technicalAsset: asset.id }, dataBreachProbability: 'improbable', dataBreachTechnicalAssets: [asset.id], idParts: [asset.id]
  }))
}

export const missingVault: ThreagileRule = {
  id: 'missing-vault', title: 'Missing Vault (Secret Storage)', stride: 'information-disclosure', function: 'architecture', cwe: 522, modelFailurePossibleReason: true,
  generate: (view) => {
    let hasVault = false
    let impact: RiskImpact = 'low'
    // v1 starts from a zero-valued asset (id "", score of public/archive/archive = 18) and keeps strictly higher scores.
    let mostRelevant: TechnicalAsset | null = null
    let bestScore = 8 + 5 + 5
    for (const id of view.sortedAssetIds) {
      const asset = view.asset(id)
      if (asset.technology === 'vault') hasVault = true
      if (highest(view, asset, 'confidentiality') >= C.confidential || highest(view, asset, 'integrity') >= I.critical || highest(view, asset, 'availability') >= I.critical) impact = 'medium'
      if (highestSensitivityScore(asset) > bestScore) {
        mostRelevant = asset
        bestScore = highestSensitivityScore(asset)
      }
    }
    if (hasVault) return []
    const example = mostRelevant?.id ?? ''
    return [createRisk('missing-vault', {
      title: `<b>Missing Vault (Secret Storage)</b> in the threat model (referencing asset <b>${mostRelevant?.title ?? ''}</b> as an example)`,
      likelihood: 'unlikely', impact, mostRelevant: { technicalAsset: example },
      dataBreachProbability: 'improbable', dataBreachTechnicalAssets: [], idParts: [example]
    })]
  }
}

export const mixedTargetsOnSharedRuntime: ThreagileRule = {
  id: 'mixed-targets-on-shared-runtime', title: 'Mixed Targets on Shared Runtime', stride: 'elevation-of-privilege', function: 'operations', cwe: 1008, modelFailurePossibleReason: false,
  generate: (view) => [...view.sharedRuntimes.values()].sort((left, right) => (left.id < right.id ? -1 : left.id > right.id ? 1 : 0)).filter((runtime) => {
    let currentBoundary = ''
    let hasFrontend = false
    let hasBackend = false
    for (const id of runtime.running) {
      const asset = view.asset(id)
      const boundary = view.directBoundary(id).id
      if (currentBoundary !== '' && currentBoundary !== boundary) return true
      currentBoundary = boundary
      if (EXCLUSIVELY_FRONTEND.has(asset.technology)) hasFrontend = true
      if (EXCLUSIVELY_BACKEND.has(asset.technology)) hasBackend = true
    }
    return hasFrontend && hasBackend
  }).map((runtime) => {
    const moreRisky = runtime.running.some((id) => {
      const asset = view.asset(id)
      return asset.confidentiality === C.strictlyConfidential || asset.integrity === I.missionCritical || asset.availability === I.missionCritical
    })
    return createRisk('mixed-targets-on-shared-runtime', {
      title: `<b>Mixed Targets on Shared Runtime</b> named <b>${runtime.title}</b> might enable attackers moving from one less valuable target to a more valuable one`,
      likelihood: 'unlikely', impact: moreRisky ? 'medium' : 'low', mostRelevant: { sharedRuntime: runtime.id },
      dataBreachProbability: 'improbable', dataBreachTechnicalAssets: runtime.running, idParts: [runtime.id]
    })
  })
}

export const serviceRegistryPoisoning: ThreagileRule = {
  id: 'service-registry-poisoning', title: 'Service Registry Poisoning', stride: 'spoofing', function: 'architecture', cwe: 693, modelFailurePossibleReason: false,
  generate: (view) => view.sortedAssetIds.map((id) => view.asset(id)).filter((asset) => !asset.outOfScope && asset.technology === 'service-registry').map((registry) => {
    const strict = (asset: TechnicalAsset): boolean =>
      highest(view, asset, 'confidentiality') === C.strictlyConfidential || highest(view, asset, 'integrity') === I.missionCritical || highest(view, asset, 'availability') === I.missionCritical
    const moreRisky = view.incoming(registry.id).some((link) => strict(registry) || strict(view.asset(link.sourceId)) ||
      linkHighest(view, link, 'confidentiality') === C.strictlyConfidential || linkHighest(view, link, 'integrity') === I.missionCritical || linkHighest(view, link, 'availability') === I.missionCritical)
    return createRisk('service-registry-poisoning', {
      title: `<b>Service Registry Poisoning</b> risk at <b>${registry.title}</b>`, likelihood: 'unlikely', impact: moreRisky ? 'medium' : 'low',
      mostRelevant: { technicalAsset: registry.id }, dataBreachProbability: 'improbable', dataBreachTechnicalAssets: [registry.id], idParts: [registry.id]
    })
  })
}
