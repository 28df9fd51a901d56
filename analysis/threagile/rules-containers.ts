import { createRisk } from './threagile-risk'
import type { ThreagileRule } from './threagile-rule'
import { highest } from './threagile-queries'
import type { TechnicalAsset, ThreagileView } from './threagile-view'
import { C, I } from './threagile-vocabulary'

/** Container rules, ported from v1 (threagile-rules.md §2 #3, #4). */

const strictlySensitive = (view: ThreagileView, asset: TechnicalAsset): boolean =>
  highest(view, asset, 'confidentiality') === C.strictlyConfidential || highest(view, asset, 'integrity') === I.missionCritical || highest(view, asset, 'availability') === I.missionCritical

export const containerBaseimageBackdooring: ThreagileRule = {
  id: 'container-baseimage-backdooring', title: 'Container Base Image Backdooring', stride: 'tampering', function: 'operations', cwe: 912, modelFailurePossibleReason: false,
  generate: (view) => view.sortedAssetIds.map((id) => view.asset(id)).filter((asset) => !asset.outOfScope && asset.machine === 'container').map((asset) =>
    createRisk('container-baseimage-backdooring', {
      title: `<b>Container Base Image Backdooring</b> risk at <b>${asset.title}</b>`, likelihood: 'unlikely',
      impact: strictlySensitive(view, asset) ? 'high' : 'medium', mostRelevant: { technicalAsset: asset.id },
      dataBreachProbability: 'probable', dataBreachTechnicalAssets: [asset.id], idParts: [asset.id]
    }))
}

export const containerPlatformEscape: ThreagileRule = {
  id: 'container-platform-escape', title: 'Container Platform Escape', stride: 'elevation-of-privilege', function: 'operations', cwe: 1008, modelFailurePossibleReason: false,
  generate: (view) => view.sortedAssetIds.map((id) => view.asset(id)).filter((asset) => !asset.outOfScope && asset.technology === 'container-platform').map((asset) =>
    createRisk('container-platform-escape', {
      title: `<b>Container Platform Escape</b> risk at <b>${asset.title}</b>`, likelihood: 'unlikely',
      impact: strictlySensitive(view, asset) ? 'high' : 'medium', mostRelevant: { technicalAsset: asset.id },
      dataBreachProbability: 'probable',
      dataBreachTechnicalAssets: view.sortedAssetIds.filter((id) => view.asset(id).machine === 'container'), idParts: [asset.id]
    }))
}
