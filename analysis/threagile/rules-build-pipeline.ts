import { createRisk, type RiskImpact, type ThreagileRisk } from './threagile-risk'
import type { ThreagileRule } from './threagile-rule'
import { highest, highestSensitivityScore, isTaggedWithAny } from './threagile-queries'
import type { TechnicalAsset, ThreagileView } from './threagile-view'
import { C, DEVELOPMENT_RELEVANT, I } from './threagile-vocabulary'

/** Build-pipeline rules, ported from v1 `risks/built-in/<id>/<id>-rule.go` (threagile-rules.md §2 #1, #2, #12, #25, #30). */

const sensitiveAtLeast = (view: ThreagileView, asset: TechnicalAsset): boolean =>
  highest(view, asset, 'confidentiality') >= C.confidential || highest(view, asset, 'integrity') >= I.critical || highest(view, asset, 'availability') >= I.critical
const strictlySensitive = (view: ThreagileView, asset: TechnicalAsset): boolean =>
  highest(view, asset, 'confidentiality') === C.strictlyConfidential || highest(view, asset, 'integrity') === I.missionCritical || highest(view, asset, 'availability') === I.missionCritical
/** Ids of assets that receive data of integrity ≥ important over the asset's devops links, with the asset first. */
const deploymentTargets = (view: ThreagileView, asset: TechnicalAsset): string[] => {
  const ids = new Set([asset.id])
  for (const link of asset.links) {
    if (link.usage === 'devops' && link.dataSent.some((id) => view.data(id).integrity >= I.important)) ids.add(link.targetId)
  }
  return [...ids]
}

export const accidentalSecretLeak: ThreagileRule = {
  id: 'accidental-secret-leak', title: 'Accidental Secret Leak', stride: 'information-disclosure', function: 'operations', cwe: 200, modelFailurePossibleReason: false,
  generate: (view) => view.sortedAssetIds.map((id) => view.asset(id))
    .filter((asset) => !asset.outOfScope && (asset.technology === 'sourcecode-repository' || asset.technology === 'artifact-registry'))
    .map((asset) => {
      const git = isTaggedWithAny(asset.tags, ['git'])
      const impact: RiskImpact = strictlySensitive(view, asset) ? 'high' : sensitiveAtLeast(view, asset) ? 'medium' : 'low'
      return createRisk('accidental-secret-leak', {
        title: `<b>Accidental Secret Leak${git ? ' (Git)' : ''}</b> risk at <b>${asset.title}</b>${git ? ': <u>Git Leak Prevention</u>' : ''}`,
        likelihood: 'unlikely', impact, mostRelevant: { technicalAsset: asset.id },
        dataBreachProbability: 'probable', dataBreachTechnicalAssets: [asset.id], idParts: [asset.id]
      })
    })
}

export const codeBackdooring: ThreagileRule = {
  id: 'code-backdooring', title: 'Code Backdooring', stride: 'tampering', function: 'operations', cwe: 912, modelFailurePossibleReason: false,
  generate: (view) => {
    const risks: ThreagileRisk[] = []
    for (const id of view.sortedAssetIds) {
      const asset = view.asset(id)
      if (asset.outOfScope || !DEVELOPMENT_RELEVANT.has(asset.technology)) continue
      const exposed = asset.internet || view.incoming(asset.id).some((link) => {
        const caller = view.asset(link.sourceId)
        return (!link.vpn && caller.internet) || caller.outOfScope
      })
      if (!exposed) continue
      // v1 always passes elevatedRisk = true here.
      let impact: RiskImpact = 'low'
      if (asset.technology !== 'code-inspection-platform') {
        impact = highest(view, asset, 'confidentiality') >= C.confidential || highest(view, asset, 'integrity') >= I.critical ? 'high' : 'medium'
      }
      risks.push(createRisk('code-backdooring', {
        title: `<b>Code Backdooring</b> risk at <b>${asset.title}</b>`, likelihood: 'unlikely', impact,
        mostRelevant: { technicalAsset: asset.id }, dataBreachProbability: 'probable',
        dataBreachTechnicalAssets: deploymentTargets(view, asset), idParts: [asset.id]
      }))
    }
    return risks
  }
}

export const missingBuildInfrastructure: ThreagileRule = {
  id: 'missing-build-infrastructure', title: 'Missing Build Infrastructure', stride: 'tampering', function: 'architecture', cwe: 1127, modelFailurePossibleReason: true,
  generate: (view) => {
    let hasCustomDevelopedParts = false
    let impact: RiskImpact = 'low'
    let mostRelevant: TechnicalAsset | null = null
    const technologies = new Set<string>()
    for (const id of view.sortedAssetIds) {
      const asset = view.asset(id)
      if (asset.customDevelopedParts && !asset.outOfScope) {
        hasCustomDevelopedParts = true
        if (impact === 'low') {
          mostRelevant = asset
          if (sensitiveAtLeast(view, asset)) impact = 'medium'
        }
        if (asset.confidentiality >= C.confidential || asset.integrity >= I.critical || asset.availability >= I.critical) impact = 'medium'
        // v1 compares against a zero-valued asset until one is chosen; mostRelevant is set just above.
        if (mostRelevant === null || highestSensitivityScore(asset) > highestSensitivityScore(mostRelevant)) mostRelevant = asset
      }
      technologies.add(asset.technology)
    }
    const hasBuildInfrastructure = ['build-pipeline', 'sourcecode-repository', 'devops-client'].every((technology) => technologies.has(technology))
    if (!hasCustomDevelopedParts || hasBuildInfrastructure || mostRelevant === null) return []
    return [createRisk('missing-build-infrastructure', {
      title: '<b>Missing Build Infrastructure</b> in the threat model (referencing asset <b>' + mostRelevant.title + '</b> as an example)',
      likelihood: 'unlikely', impact, mostRelevant: { technicalAsset: mostRelevant.id },
      dataBreachProbability: 'improbable', dataBreachTechnicalAssets: [], idParts: [mostRelevant.id]
    })]
  }
}

export const pushInsteadOfPullDeployment: ThreagileRule = {
  id: 'push-instead-of-pull-deployment', title: 'Push instead of Pull Deployment', stride: 'tampering', function: 'architecture', cwe: 1127, modelFailurePossibleReason: true,
  generate: (view) => {
    const risks: ThreagileRisk[] = []
    // v1 keeps `impact` across all pipelines and targets: once medium, later risks stay medium (rules §2 #25).
    let impact: RiskImpact = 'low'
    for (const pipeline of view.assets.values()) {
      if (pipeline.technology !== 'build-pipeline') continue
      for (const link of pipeline.links) {
        const target = view.asset(link.targetId)
        if (link.readonly || link.usage !== 'devops' || target.outOfScope || DEVELOPMENT_RELEVANT.has(target.technology) || target.usage !== 'business') continue
        if (sensitiveAtLeast(view, target)) impact = 'medium'
        risks.push(createRisk('push-instead-of-pull-deployment', {
          title: `<b>Push instead of Pull Deployment</b> at <b>${target.title}</b> via build pipeline asset <b>${pipeline.title}</b>`,
          likelihood: 'unlikely', impact, mostRelevant: { technicalAsset: target.id, communicationLink: link.id },
          dataBreachProbability: 'improbable', dataBreachTechnicalAssets: [target.id], idParts: [pipeline.id]
        }))
      }
    }
    return risks
  }
}

export const uncheckedDeployment: ThreagileRule = {
  id: 'unchecked-deployment', title: 'Unchecked Deployment', stride: 'tampering', function: 'architecture', cwe: 1127, modelFailurePossibleReason: false,
  generate: (view) => [...view.assets.values()].filter((asset) => DEVELOPMENT_RELEVANT.has(asset.technology)).map((asset) => {
    let impact: RiskImpact = 'low'
    for (const link of asset.links) {
      if (link.usage === 'devops' && link.dataSent.some((id) => view.data(id).integrity >= I.important) && sensitiveAtLeast(view, view.asset(link.targetId))) impact = 'medium'
    }
    return createRisk('unchecked-deployment', {
      title: `<b>Unchecked Deployment</b> risk at <b>${asset.title}</b>`, likelihood: 'unlikely', impact,
      mostRelevant: { technicalAsset: asset.id }, dataBreachProbability: 'possible',
      dataBreachTechnicalAssets: deploymentTargets(view, asset), idParts: [asset.id]
    })
  })
}
