import { createRisk, type ThreagileRisk } from './threagile-risk'
import type { ThreagileRule } from './threagile-rule'
import { processesOrStores } from './threagile-queries'
import { compareGoStrings, type CommunicationLink, type TechnicalAsset, type ThreagileView } from './threagile-view'
import { C, I, UNNECESSARY_DATA_TOLERATED } from './threagile-vocabulary'

/** Model-consistency rules ("potential model failures"), ported from v1 (threagile-rules.md §2 #8, #35–#38, #40). */

const hygiene = (id: string, title: string, stride: ThreagileRule['stride'], generate: ThreagileRule['generate']): ThreagileRule => ({
  id, title, stride, function: 'architecture', cwe: 1008, modelFailurePossibleReason: true, generate
})

export const incompleteModel = hygiene('incomplete-model', 'Incomplete Model', 'information-disclosure', (view) => {
  const risks: ThreagileRisk[] = []
  for (const id of view.sortedAssetIds) {
    const asset = view.asset(id)
    if (asset.outOfScope) continue
    if (asset.technology === 'unknown-technology') {
      risks.push(createRisk('incomplete-model', {
        title: `<b>Unknown Technology</b> specified at technical asset <b>${asset.title}</b>`, likelihood: 'unlikely', impact: 'low',
        mostRelevant: { technicalAsset: asset.id }, dataBreachProbability: 'improbable', dataBreachTechnicalAssets: [asset.id], idParts: [asset.id]
      }))
    }
    for (const link of asset.links) {
      if (link.protocol !== 'unknown-protocol') continue
      risks.push(createRisk('incomplete-model', {
        title: `<b>Unknown Protocol</b> specified for communication link <b>${link.title}</b> at technical asset <b>${asset.title}</b>`,
        likelihood: 'unlikely', impact: 'low', mostRelevant: { technicalAsset: asset.id, communicationLink: link.id },
        dataBreachProbability: 'improbable', dataBreachTechnicalAssets: [asset.id], idParts: [link.id, asset.id]
      }))
    }
  }
  return risks
})

export const unnecessaryCommunicationLink = hygiene('unnecessary-communication-link', 'Unnecessary Communication Link', 'elevation-of-privilege', (view) =>
  view.sortedAssetIds.map((id) => view.asset(id)).flatMap((asset) => asset.links
    .filter((link) => link.dataSent.length === 0 && link.dataReceived.length === 0 && (!asset.outOfScope || !view.asset(link.targetId).outOfScope))
    .map((link) => createRisk('unnecessary-communication-link', {
      title: `<b>Unnecessary Communication Link</b> titled <b>${link.title}</b> at technical asset <b>${asset.title}</b>`,
      likelihood: 'unlikely', impact: 'low', mostRelevant: { technicalAsset: asset.id, communicationLink: link.id },
      dataBreachProbability: 'improbable', dataBreachTechnicalAssets: [asset.id], idParts: [link.id, asset.id]
    }))))

export const unnecessaryDataAsset = hygiene('unnecessary-data-asset', 'Unnecessary Data Asset', 'elevation-of-privilege', (view) => {
  const used = new Set<string>()
  for (const asset of view.assets.values()) {
    for (const id of [...asset.dataProcessed, ...asset.dataStored]) used.add(id)
    for (const link of asset.links) for (const id of [...link.dataSent, ...link.dataReceived]) used.add(id)
  }
  return [...view.dataAssets.keys()].filter((id) => !used.has(id)).sort(compareGoStrings).map((id) => createRisk('unnecessary-data-asset', {
    title: `<b>Unnecessary Data Asset</b> named <b>${view.data(id).title}</b>`, likelihood: 'unlikely', impact: 'low',
    mostRelevant: { dataAsset: id }, dataBreachProbability: 'improbable', dataBreachTechnicalAssets: [id], idParts: [id]
  }))
})

export const unnecessaryDataTransfer = hygiene('unnecessary-data-transfer', 'Unnecessary Data Transfer', 'elevation-of-privilege', (view) => {
  const risks: ThreagileRisk[] = []
  const seen = new Set<string>()
  const check = (asset: TechnicalAsset, link: CommunicationLink, inverse: boolean): void => {
    for (const dataId of [...link.dataSent, ...link.dataReceived]) {
      if (processesOrStores(asset, dataId)) continue
      const data = view.data(dataId)
      if (!(data.confidentiality >= C.confidential || data.integrity >= I.critical)) continue
      const partner = view.asset(inverse ? link.sourceId : link.targetId)
      const risk = createRisk('unnecessary-data-transfer', {
        title: `<b>Unnecessary Data Transfer</b> of <b>${data.title}</b> data at <b>${asset.title}</b> from/to <b>${partner.title}</b>`,
        likelihood: 'unlikely', impact: data.confidentiality === C.strictlyConfidential || data.integrity === I.missionCritical ? 'medium' : 'low',
        mostRelevant: { technicalAsset: asset.id, dataAsset: data.id }, dataBreachProbability: 'improbable',
        dataBreachTechnicalAssets: [asset.id], idParts: [data.id, asset.id, partner.id]
      })
      // v1 `isNewRisk`: the first risk with an id wins.
      if (seen.has(risk.syntheticId)) continue
      seen.add(risk.syntheticId)
      risks.push(risk)
    }
  }
  for (const id of view.sortedAssetIds) {
    const asset = view.asset(id)
    if (asset.outOfScope) continue
    for (const link of asset.links) if (!UNNECESSARY_DATA_TOLERATED.has(view.asset(link.targetId).technology)) check(asset, link, false)
    // v1 sorts incoming links by id, descending (ByTechnicalCommunicationLinkIdSort).
    const incoming = [...view.incoming(asset.id)].sort((left, right) => compareGoStrings(right.id, left.id))
    for (const link of incoming) if (!UNNECESSARY_DATA_TOLERATED.has(view.asset(link.sourceId).technology)) check(asset, link, true)
  }
  return risks
})

export const unnecessaryTechnicalAsset = hygiene('unnecessary-technical-asset', 'Unnecessary Technical Asset', 'elevation-of-privilege', (view) =>
  view.sortedAssetIds.map((id) => view.asset(id))
    .filter((asset) => (asset.dataProcessed.length === 0 && asset.dataStored.length === 0) || (asset.links.length === 0 && view.incoming(asset.id).length === 0))
    .map((asset) => createRisk('unnecessary-technical-asset', {
      title: `<b>Unnecessary Technical Asset</b> named <b>${asset.title}</b>`, likelihood: 'unlikely', impact: 'low',
      mostRelevant: { technicalAsset: asset.id }, dataBreachProbability: 'improbable', dataBreachTechnicalAssets: [asset.id], idParts: [asset.id]
    })))

export const wrongCommunicationLinkContent = hygiene('wrong-communication-link-content', 'Wrong Communication Link Content', 'information-disclosure', (view: ThreagileView) => {
  const risks: ThreagileRisk[] = []
  const risk = (asset: TechnicalAsset, link: CommunicationLink, reason: string): ThreagileRisk => createRisk('wrong-communication-link-content', {
    title: `<b>Wrong Communication Link Content</b> ${reason} at <b>${asset.title}</b> regarding communication link <b>${link.title}</b>`,
    likelihood: 'unlikely', impact: 'low', mostRelevant: { technicalAsset: asset.id, communicationLink: link.id },
    dataBreachProbability: 'improbable', dataBreachTechnicalAssets: [], idParts: [asset.id, link.id]
  })
  for (const asset of view.assets.values()) {
    for (const link of asset.links) {
      const mismatch = '(data assets sent/received not matching the communication link\'s readonly flag)'
      if (link.readonly ? link.dataReceived.length === 0 : link.dataSent.length === 0) risks.push(risk(asset, link, mismatch))
      const target = view.asset(link.targetId)
      if (link.protocol === 'in-process-library-call' && target.technology !== 'library') {
        risks.push(risk(asset, link, `(protocol type "in-process-library-call" does not match target technology type "${target.technology}": expected "library")`))
      }
      if (link.protocol === 'local-file-access' && target.technology !== 'local-file-system') {
        risks.push(risk(asset, link, `(protocol type "local-file-access" does not match target technology type "${target.technology}": expected "local-file-system")`))
      }
      if (link.protocol === 'container-spawning' && target.machine !== 'container') {
        risks.push(risk(asset, link, `(protocol type "container-spawning" does not match target machine type "${target.machine}": expected "container")`))
      }
    }
  }
  return risks
})
