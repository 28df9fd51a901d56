import { createRisk, type ThreagileRisk } from './threagile-risk'
import type { ThreagileRule } from './threagile-rule'
import { highest, isAcrossTrustBoundaryNetworkOnly } from './threagile-queries'
import type { CommunicationLink, RatedDataAsset, TechnicalAsset } from './threagile-view'
import { C, ENCRYPTED_PROTOCOLS, I, PROCESS_LOCAL_PROTOCOLS, STORING_END_USER_DATA, UNPROTECTED_COMMS_TOLERATED } from './threagile-vocabulary'

/** Encryption rules, ported from v1 (threagile-rules.md §2 #31, #32). */

/** Technologies with nothing at rest, or embedded (v1 `IsEncryptionWaiver`). */
const ENCRYPTION_WAIVED = new Set(['reverse-proxy', 'load-balancer', 'waf', 'ids', 'ips', 'library'])

export const unencryptedAsset: ThreagileRule = {
  id: 'unencrypted-asset', title: 'Unencrypted Technical Assets', stride: 'information-disclosure', function: 'operations', cwe: 311, modelFailurePossibleReason: false,
  generate: (view) => {
    const risks: ThreagileRisk[] = []
    const risk = (asset: TechnicalAsset, impact: 'medium' | 'high', requiresEndUserKey: boolean): ThreagileRisk => createRisk('unencrypted-asset', {
      title: `<b>Unencrypted Technical Asset</b> named <b>${asset.title}</b>${requiresEndUserKey ? ' missing enduser-individual encryption with data-with-enduser-individual-key' : ''}`,
      likelihood: 'unlikely', impact, mostRelevant: { technicalAsset: asset.id },
      dataBreachProbability: 'improbable', dataBreachTechnicalAssets: [asset.id], idParts: [asset.id]
    })
    for (const id of view.sortedAssetIds) {
      const asset = view.asset(id)
      const confidentiality = highest(view, asset, 'confidentiality')
      const integrity = highest(view, asset, 'integrity')
      if (asset.outOfScope || ENCRYPTION_WAIVED.has(asset.technology) || !(confidentiality >= C.confidential || integrity >= I.critical)) continue
      const verySensitive = confidentiality === C.strictlyConfidential || integrity === I.missionCritical
      const requiresEndUserKey = verySensitive && STORING_END_USER_DATA.has(asset.technology)
      if (asset.encryption === 'none') risks.push(risk(asset, verySensitive ? 'high' : 'medium', requiresEndUserKey))
      else if (requiresEndUserKey && ['transparent', 'data-with-symmetric-shared-key', 'data-with-asymmetric-shared-key'].includes(asset.encryption)) {
        risks.push(risk(asset, 'medium', requiresEndUserKey))
      }
    }
    return risks
  }
}

const isHighSensitivity = (data: RatedDataAsset): boolean => data.confidentiality === C.strictlyConfidential || data.integrity === I.missionCritical
const isMediumSensitivity = (data: RatedDataAsset): boolean => data.confidentiality === C.confidential || data.integrity === I.critical

export const unencryptedCommunication: ThreagileRule = {
  id: 'unencrypted-communication', title: 'Unencrypted Communication', stride: 'information-disclosure', function: 'operations', cwe: 319, modelFailurePossibleReason: false,
  generate: (view) => {
    const risks: ThreagileRisk[] = []
    for (const asset of view.assets.values()) {
      for (const link of asset.links) {
        const target = view.asset(link.targetId)
        // v1 tests `!asset.OutOfScope || !source.OutOfScope`, and the asset is the source.
        if (asset.outOfScope || ENCRYPTED_PROTOCOLS.has(link.protocol) || PROCESS_LOCAL_PROTOCOLS.has(link.protocol)) continue
        if (UNPROTECTED_COMMS_TOLERATED.has(asset.technology) || UNPROTECTED_COMMS_TOLERATED.has(target.technology)) continue
        const transferringAuthData = link.authentication !== 'none'
        const verdict = sensitivityVerdict(link, link.dataSent.map((id) => view.data(id)), transferringAuthData) ??
          sensitivityVerdict(link, link.dataReceived.map((id) => view.data(id)), transferringAuthData)
        if (verdict === null) continue
        let title = `<b>Unencrypted Communication</b> named <b>${link.title}</b> between <b>${asset.title}</b> and <b>${target.title}</b>`
        if (transferringAuthData) title += ' transferring authentication data (like credentials, token, session-id, etc.)'
        if (link.vpn) title += ' (even VPN-protected connections need to encrypt their data in-transit when confidentiality is rated strictly-confidential or integrity is rated mission-critical)'
        risks.push(createRisk('unencrypted-communication', {
          title, likelihood: isAcrossTrustBoundaryNetworkOnly(view, link) ? 'likely' : 'unlikely', impact: verdict,
          mostRelevant: { technicalAsset: asset.id, communicationLink: link.id },
          dataBreachProbability: 'possible', dataBreachTechnicalAssets: [target.id], idParts: [link.id, asset.id, target.id]
        }))
      }
    }
    return risks
  }
}

/** The first data asset decides (v1 scans sent data first, then received): high, medium, or keep looking. */
function sensitivityVerdict(link: CommunicationLink, data: readonly RatedDataAsset[], transferringAuthData: boolean): 'high' | 'medium' | null {
  for (const entry of data) {
    if (isHighSensitivity(entry) || transferringAuthData) return 'high'
    if (!link.vpn && isMediumSensitivity(entry)) return 'medium'
  }
  return null
}
