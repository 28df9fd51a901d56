import { createRisk, type RiskImpact, type ThreagileRisk } from './threagile-risk'
import type { ThreagileRule } from './threagile-rule'
import {
  hasDirectConnection,
  highest,
  isAcrossTrustBoundaryNetworkOnly,
  isSameExecutionEnvironment,
  isSameTrustBoundaryNetworkOnly,
  isSharingSameParentTrustBoundary
} from './threagile-queries'
import type { CommunicationLink, TechnicalAsset, ThreagileView } from './threagile-view'
import {
  C,
  CLOSE_TO_HIGH_VALUE_TARGETS_TOLERATED,
  I,
  LESS_PROTECTED,
  PROCESS_LOCAL_PROTOCOLS,
  TRAFFIC_FORWARDING
} from './threagile-vocabulary'

/** Network placement and exposure rules, ported from v1 (threagile-rules.md §2 #7, #19, #21, #33, #34, #41). */

export const dosRiskyAccessAcrossTrustBoundary: ThreagileRule = {
  id: 'dos-risky-access-across-trust-boundary', title: 'DoS-risky Access Across Trust-Boundary', stride: 'denial-of-service', function: 'operations', cwe: 400, modelFailurePossibleReason: false,
  generate: (view) => {
    const risks: ThreagileRisk[] = []
    const check = (target: TechnicalAsset, link: CommunicationLink, hopBetween: string): void => {
      if (!isAcrossTrustBoundaryNetworkOnly(view, link) || PROCESS_LOCAL_PROTOCOLS.has(link.protocol) || link.usage === 'devops') return
      const moreRisky = target.availability === I.missionCritical && !link.vpn && !link.ipFiltered && !target.redundant
      const client = view.asset(link.sourceId)
      risks.push(createRisk('dos-risky-access-across-trust-boundary', {
        title: `<b>Denial-of-Service</b> risky access of <b>${target.title}</b> by <b>${client.title}</b> via <b>${link.title}</b>${hopBetween === '' ? '' : ` forwarded via <b>${hopBetween}</b>`}`,
        likelihood: 'unlikely', impact: moreRisky ? 'medium' : 'low', mostRelevant: { technicalAsset: target.id, communicationLink: link.id },
        dataBreachProbability: 'improbable', dataBreachTechnicalAssets: [], idParts: [target.id, client.id, link.id]
      }))
    }
    for (const id of view.sortedAssetIds) {
      const target = view.asset(id)
      if (target.outOfScope || target.technology === 'load-balancer' || target.availability < I.critical) continue
      for (const link of view.incoming(target.id)) {
        const source = view.asset(link.sourceId)
        if (TRAFFIC_FORWARDING.has(source.technology)) for (const callersLink of view.incoming(source.id)) check(target, callersLink, source.title)
        else check(target, link, '')
      }
    }
    return risks
  }
}

export const missingNetworkSegmentation: ThreagileRule = {
  id: 'missing-network-segmentation', title: 'Missing Network Segmentation', stride: 'elevation-of-privilege', function: 'operations', cwe: 1008, modelFailurePossibleReason: false,
  generate: (view) => {
    const risks: ThreagileRisk[] = []
    const exempt = new Set(['reverse-proxy', 'waf', 'ids', 'ips', 'service-registry'])
    for (const id of view.sortedAssetIds) {
      const asset = view.asset(id)
      if (asset.outOfScope || exempt.has(asset.technology)) continue
      if (!(view.raa(asset.id) >= 50 && (asset.type === 'datastore' || asset.confidentiality >= C.confidential || asset.integrity >= I.critical || asset.availability >= I.critical))) continue
      const segmentedPoorly = view.sortedAssetIds.some((otherId) => {
        if (otherId === asset.id) return false
        const other = view.asset(otherId)
        return LESS_PROTECTED.has(other.technology) && isSameTrustBoundaryNetworkOnly(view, asset, otherId) &&
          !hasDirectConnection(view, asset, otherId) && !CLOSE_TO_HIGH_VALUE_TARGETS_TOLERATED.has(other.technology)
      })
      if (!segmentedPoorly) continue
      const highRisk = asset.confidentiality === C.strictlyConfidential || asset.integrity === I.missionCritical || asset.availability === I.missionCritical
      risks.push(createRisk('missing-network-segmentation', {
        title: `<b>Missing Network Segmentation</b> to further encapsulate and protect <b>${asset.title}</b> against unrelated lower protected assets in the same network segment, which might be easier to compromise by attackers`,
        likelihood: 'unlikely', impact: highRisk ? 'medium' : 'low', mostRelevant: { technicalAsset: asset.id },
        dataBreachProbability: 'improbable', dataBreachTechnicalAssets: [asset.id], idParts: [asset.id]
      }))
    }
    return risks
  }
}

export const missingVaultIsolation: ThreagileRule = {
  id: 'missing-vault-isolation', title: 'Missing Vault Isolation', stride: 'elevation-of-privilege', function: 'operations', cwe: 1008, modelFailurePossibleReason: false,
  generate: (view) => {
    const risks: ThreagileRisk[] = []
    for (const vault of view.assets.values()) {
      if (vault.outOfScope || vault.technology !== 'vault') continue
      let sameExecutionEnvironment = false
      let create = false
      for (const otherId of view.assets.keys()) {
        if (otherId === vault.id) continue
        const other = view.asset(otherId)
        const isVaultStorage = other.type === 'datastore' && hasDirectConnection(view, vault, other.id)
        if (other.technology === 'vault' || isVaultStorage) continue
        if (isSameExecutionEnvironment(view, vault, otherId)) {
          create = true
          sameExecutionEnvironment = true
        } else if (isSameTrustBoundaryNetworkOnly(view, vault, otherId)) create = true
      }
      if (!create) continue
      const moreImpact = vault.confidentiality === C.strictlyConfidential || vault.integrity === I.missionCritical || vault.availability === I.missionCritical
      risks.push(createRisk('missing-vault-isolation', {
        title: `<b>Missing Vault Isolation</b> to further encapsulate and protect vault-related asset <b>${vault.title}</b> against unrelated lower protected assets <b>in the same ${sameExecutionEnvironment ? 'execution environment' : 'network segment'}</b>, which might be easier to compromise by attackers`,
        likelihood: sameExecutionEnvironment ? 'likely' : 'unlikely', impact: moreImpact ? 'high' : 'medium',
        mostRelevant: { technicalAsset: vault.id }, dataBreachProbability: 'improbable', dataBreachTechnicalAssets: [vault.id], idParts: [vault.id]
      }))
    }
    return risks
  }
}

export const unguardedAccessFromInternet: ThreagileRule = {
  id: 'unguarded-access-from-internet', title: 'Unguarded Access From Internet', stride: 'elevation-of-privilege', function: 'architecture', cwe: 501, modelFailurePossibleReason: false,
  generate: (view) => {
    const risks: ThreagileRisk[] = []
    for (const id of view.sortedAssetIds) {
      const asset = view.asset(id)
      if (asset.outOfScope || asset.technology === 'load-balancer') continue
      for (const link of view.incoming(asset.id)) {
        if (!asset.customDevelopedParts) {
          const webFacing = ['web-server', 'web-application', 'reverse-proxy', 'waf', 'gateway'].includes(asset.technology)
          if (webFacing && (link.protocol === 'http' || link.protocol === 'https')) continue
          if (asset.technology === 'gateway' && ['ftp', 'ftps', 'sftp'].includes(link.protocol)) continue
        }
        const source = view.asset(link.sourceId)
        if (source.technology === 'monitoring' || link.vpn) continue
        if (!(asset.confidentiality >= C.confidential || asset.integrity >= I.critical) || !source.internet) continue
        const highRisk = asset.confidentiality === C.strictlyConfidential || asset.integrity === I.missionCritical
        risks.push(createRisk('unguarded-access-from-internet', {
          title: `<b>Unguarded Access from Internet</b> of <b>${asset.title}</b> by <b>${source.title}</b> via <b>${link.title}</b>`,
          likelihood: 'very-likely', impact: highRisk || view.raa(asset.id) > 40 ? 'medium' : 'low',
          mostRelevant: { technicalAsset: asset.id, communicationLink: link.id },
          dataBreachProbability: 'possible', dataBreachTechnicalAssets: [asset.id], idParts: [asset.id, source.id, link.id]
        }))
      }
    }
    return risks
  }
}

export const unguardedDirectDatastoreAccess: ThreagileRule = {
  id: 'unguarded-direct-datastore-access', title: 'Unguarded Direct Datastore Access', stride: 'elevation-of-privilege', function: 'architecture', cwe: 501, modelFailurePossibleReason: false,
  generate: (view) => {
    const risks: ThreagileRisk[] = []
    for (const id of view.sortedAssetIds) {
      const store = view.asset(id)
      if (store.outOfScope || store.type !== 'datastore') continue
      for (const link of view.incoming(store.id)) {
        const source = view.asset(link.sourceId)
        if ((store.technology === 'identity-store-ldap' || store.technology === 'identity-store-database') && source.technology === 'identity-provider') continue
        if (!(store.confidentiality >= C.confidential || store.integrity >= I.critical)) continue
        const fileServerViaFtp = store.technology === 'file-server' && ['ftp', 'ftps', 'sftp'].includes(link.protocol)
        if (!isAcrossTrustBoundaryNetworkOnly(view, link) || fileServerViaFtp || link.usage === 'devops' || isSharingSameParentTrustBoundary(view, store, source)) continue
        const highRisk = store.confidentiality === C.strictlyConfidential || store.integrity === I.missionCritical
        risks.push(createRisk('unguarded-direct-datastore-access', {
          title: `<b>Unguarded Direct Datastore Access</b> of <b>${store.title}</b> by <b>${source.title}</b> via <b>${link.title}</b>`,
          likelihood: 'likely', impact: highRisk || view.raa(store.id) > 40 ? 'medium' : 'low',
          mostRelevant: { technicalAsset: store.id, communicationLink: link.id },
          dataBreachProbability: 'improbable', dataBreachTechnicalAssets: [store.id], idParts: [link.id, source.id, store.id]
        }))
      }
    }
    return risks
  }
}

export const wrongTrustBoundaryContent: ThreagileRule = {
  id: 'wrong-trust-boundary-content', title: 'Wrong Trust Boundary Content', stride: 'elevation-of-privilege', function: 'architecture', cwe: 1008, modelFailurePossibleReason: true,
  generate: (view) => [...view.boundaries.values()].filter((boundary) => boundary.type === 'network-policy-namespace-isolation').flatMap((boundary) =>
    boundary.inside.map((id) => view.asset(id)).filter((asset) => asset.machine !== 'container' && asset.machine !== 'serverless').map((asset) =>
      createRisk('wrong-trust-boundary-content', {
        title: `<b>Wrong Trust Boundary Content</b> (non-container asset inside container trust boundary) at <b>${asset.title}</b>`,
        likelihood: 'unlikely', impact: 'low', mostRelevant: { technicalAsset: asset.id },
        dataBreachProbability: 'improbable', dataBreachTechnicalAssets: [asset.id], idParts: [asset.id]
      })))
}

/** Impact helper shared by hardening-style rules: medium when strictly sensitive (C or I, optionally A). */
export function strictImpact(view: ThreagileView, asset: TechnicalAsset, withAvailability: boolean): RiskImpact {
  return highest(view, asset, 'confidentiality') === C.strictlyConfidential || highest(view, asset, 'integrity') === I.missionCritical ||
    (withAvailability && highest(view, asset, 'availability') === I.missionCritical) ? 'medium' : 'low'
}
