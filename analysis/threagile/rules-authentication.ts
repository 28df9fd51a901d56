import { createRisk, type RiskImpact, type ThreagileRisk } from './threagile-risk'
import type { ThreagileRule } from './threagile-rule'
import { highest, highestSensitivityScore, isSameExecutionEnvironment, isSameTrustBoundaryNetworkOnly, linkHighest } from './threagile-queries'
import { compareGoStrings, type CommunicationLink, type TechnicalAsset, type ThreagileView } from './threagile-view'
import {
  C,
  CLOSE_TO_HIGH_VALUE_TARGETS_TOLERATED,
  I,
  IDENTITY_RELATED,
  PROCESS_LOCAL_PROTOCOLS,
  PROCESSING_END_USER_REQUESTS,
  PROPAGATES_IDENTITY,
  TRAFFIC_FORWARDING,
  UNPROTECTED_COMMS_TOLERATED
} from './threagile-vocabulary'

/** Authentication and identity rules, ported from v1 (threagile-rules.md §2 #10, #11, #16, #17, #18). */

const sensitiveTarget = (view: ThreagileView, asset: TechnicalAsset): boolean =>
  highest(view, asset, 'confidentiality') >= C.confidential || highest(view, asset, 'integrity') >= I.critical ||
  highest(view, asset, 'availability') >= I.critical || asset.multiTenant

/** v1 `missing_authentication.CreateRisk`, shared by the 2FA rule: id = link@source@target. */
function authenticationRisk(view: ThreagileView, category: string, target: TechnicalAsset, link: CommunicationLink, origin: CommunicationLink, hopBetween: string, impact: RiskImpact, likelihood: 'likely' | 'unlikely', twoFactor: boolean): ThreagileRisk {
  const hop = hopBetween === '' ? '' : `forwarded via <b>${hopBetween}</b> `
  return createRisk(category, {
    title: `<b>Missing ${twoFactor ? 'Two-Factor ' : ''}Authentication</b> covering communication link <b>${link.title}</b> from <b>${view.asset(origin.sourceId).title}</b> ${hop}to <b>${target.title}</b>`,
    likelihood, impact, mostRelevant: { technicalAsset: target.id, communicationLink: link.id },
    dataBreachProbability: 'possible', dataBreachTechnicalAssets: [target.id], idParts: [link.id, view.asset(link.sourceId).id, target.id]
  })
}

export const missingAuthentication: ThreagileRule = {
  id: 'missing-authentication', title: 'Missing Authentication', stride: 'elevation-of-privilege', function: 'architecture', cwe: 306, modelFailurePossibleReason: false,
  generate: (view) => {
    const risks: ThreagileRisk[] = []
    const exempt = new Set(['load-balancer', 'reverse-proxy', 'service-registry', 'waf', 'ids', 'ips'])
    for (const id of view.sortedAssetIds) {
      const target = view.asset(id)
      if (target.outOfScope || exempt.has(target.technology) || !sensitiveTarget(view, target)) continue
      for (const link of view.incoming(target.id)) {
        const caller = view.asset(link.sourceId)
        if (UNPROTECTED_COMMS_TOLERATED.has(caller.technology) || caller.type === 'datastore') continue
        const highRisk = linkHighest(view, link, 'confidentiality') === C.strictlyConfidential || linkHighest(view, link, 'integrity') === I.missionCritical
        const lowRisk = linkHighest(view, link, 'confidentiality') <= C.internal && linkHighest(view, link, 'integrity') === I.operational
        const impact: RiskImpact = highRisk ? 'high' : lowRisk ? 'low' : 'medium'
        if (link.authentication === 'none' && !PROCESS_LOCAL_PROTOCOLS.has(link.protocol)) {
          risks.push(authenticationRisk(view, 'missing-authentication', target, link, link, '', impact, 'likely', false))
        }
      }
    }
    return risks
  }
}

export const missingAuthenticationSecondFactor: ThreagileRule = {
  id: 'missing-authentication-second-factor', title: 'Missing Two-Factor Authentication (2FA)', stride: 'elevation-of-privilege', function: 'business-side', cwe: 308, modelFailurePossibleReason: false,
  generate: (view) => {
    const risks: ThreagileRisk[] = []
    const needsSecondFactor = (link: CommunicationLink): boolean =>
      (linkHighest(view, link, 'confidentiality') >= C.confidential || linkHighest(view, link, 'integrity') >= I.critical) && link.authentication !== 'two-factor'
    const tolerated = (asset: TechnicalAsset): boolean => UNPROTECTED_COMMS_TOLERATED.has(asset.technology) || asset.type === 'datastore'
    for (const id of view.sortedAssetIds) {
      const target = view.asset(id)
      if (target.outOfScope || TRAFFIC_FORWARDING.has(target.technology) || UNPROTECTED_COMMS_TOLERATED.has(target.technology) || !sensitiveTarget(view, target)) continue
      for (const link of view.incoming(target.id)) {
        const caller = view.asset(link.sourceId)
        if (tolerated(caller)) continue
        if (caller.usedAsClientByHuman) {
          if (needsSecondFactor(link)) risks.push(authenticationRisk(view, 'missing-authentication-second-factor', target, link, link, '', 'medium', 'unlikely', true))
        } else if (TRAFFIC_FORWARDING.has(caller.technology)) {
          for (const callersLink of view.incoming(caller.id)) {
            const callersCaller = view.asset(callersLink.sourceId)
            if (tolerated(callersCaller) || !callersCaller.usedAsClientByHuman || !needsSecondFactor(callersLink)) continue
            risks.push(authenticationRisk(view, 'missing-authentication-second-factor', target, link, callersLink, caller.title, 'medium', 'unlikely', true))
          }
        }
      }
    }
    return risks
  }
}

export const missingIdentityPropagation: ThreagileRule = {
  id: 'missing-identity-propagation', title: 'Missing Identity Propagation', stride: 'elevation-of-privilege', function: 'architecture', cwe: 284, modelFailurePossibleReason: false,
  generate: (view) => {
    const risks: ThreagileRisk[] = []
    for (const id of view.sortedAssetIds) {
      const target = view.asset(id)
      if (target.outOfScope || !PROCESSING_END_USER_REQUESTS.has(target.technology)) continue
      // Own ratings only (not the data's), as v1 does here.
      const sensitive = target.confidentiality >= C.confidential || target.integrity >= I.critical || target.availability >= I.critical ||
        (target.multiTenant && (target.confidentiality >= C.restricted || target.integrity >= I.important || target.availability >= I.important))
      if (!sensitive) continue
      for (const link of view.incoming(target.id)) {
        const caller = view.asset(link.sourceId)
        if (!PROPAGATES_IDENTITY.has(caller.technology) || caller.type === 'datastore') continue
        if (link.authentication === 'none' || link.authorization === 'enduser-identity-propagation') continue
        if (link.usage === 'devops' && link.authorization !== 'none') continue
        const highRisk = target.confidentiality === C.strictlyConfidential || target.integrity === I.missionCritical || target.availability === I.missionCritical
        risks.push(createRisk('missing-identity-propagation', {
          title: `<b>Missing End User Identity Propagation</b> over communication link <b>${link.title}</b> from <b>${caller.title}</b> to <b>${target.title}</b>`,
          likelihood: 'unlikely', impact: highRisk ? 'medium' : 'low', mostRelevant: { technicalAsset: target.id, communicationLink: link.id },
          dataBreachProbability: 'improbable', dataBreachTechnicalAssets: [target.id], idParts: [link.id, caller.id, target.id]
        }))
      }
    }
    return risks
  }
}

export const missingIdentityProviderIsolation: ThreagileRule = {
  id: 'missing-identity-provider-isolation', title: 'Missing Identity Provider Isolation', stride: 'elevation-of-privilege', function: 'operations', cwe: 1008, modelFailurePossibleReason: false,
  generate: (view) => {
    const risks: ThreagileRisk[] = []
    for (const asset of view.assets.values()) {
      if (asset.outOfScope || !IDENTITY_RELATED.has(asset.technology)) continue
      let sameExecutionEnvironment = false
      let create = false
      for (const otherId of view.assets.keys()) {
        if (otherId === asset.id) continue
        const other = view.asset(otherId)
        if (IDENTITY_RELATED.has(other.technology) || CLOSE_TO_HIGH_VALUE_TARGETS_TOLERATED.has(other.technology)) continue
        if (isSameExecutionEnvironment(view, asset, otherId)) {
          create = true
          sameExecutionEnvironment = true
        } else if (isSameTrustBoundaryNetworkOnly(view, asset, otherId)) create = true
      }
      if (!create) continue
      const moreImpact = asset.confidentiality === C.strictlyConfidential || asset.integrity === I.missionCritical || asset.availability === I.missionCritical
      risks.push(createRisk('missing-identity-provider-isolation', {
        title: `<b>Missing Identity Provider Isolation</b> to further encapsulate and protect identity-related asset <b>${asset.title}</b> against unrelated lower protected assets <b>in the same ${sameExecutionEnvironment ? 'execution environment' : 'network segment'}</b>, which might be easier to compromise by attackers`,
        likelihood: sameExecutionEnvironment ? 'likely' : 'unlikely', impact: moreImpact ? 'very-high' : 'high',
        mostRelevant: { technicalAsset: asset.id }, dataBreachProbability: 'improbable', dataBreachTechnicalAssets: [asset.id], idParts: [asset.id]
      }))
    }
    return risks
  }
}

export const missingIdentityStore: ThreagileRule = {
  id: 'missing-identity-store', title: 'Missing Identity Store', stride: 'spoofing', function: 'architecture', cwe: 287, modelFailurePossibleReason: true,
  generate: (view) => {
    const hasStore = [...view.assets.values()].some((asset) => !asset.outOfScope && (asset.technology === 'identity-store-ldap' || asset.technology === 'identity-store-database'))
    if (hasStore) return []
    let identified = false
    let impact: RiskImpact = 'low'
    let mostRelevant: TechnicalAsset | null = null
    for (const id of view.sortedAssetIds) {
      const asset = view.asset(id)
      // v1 `CommunicationLinksSorted`: by title, descending.
      for (const link of [...asset.links].sort((left, right) => compareGoStrings(right.title, left.title))) {
        if (link.authorization !== 'enduser-identity-propagation') continue
        identified = true
        const target = view.asset(link.targetId)
        if (impact === 'low') {
          mostRelevant = target
          if (highest(view, target, 'confidentiality') >= C.confidential || highest(view, target, 'integrity') >= I.critical || highest(view, target, 'availability') >= I.critical) impact = 'medium'
        }
        if (target.confidentiality >= C.confidential || target.integrity >= I.critical || target.availability >= I.critical) impact = 'medium'
        // v1 compares the link's *source* here (rules §2 #18 keeps that quirk).
        if (mostRelevant === null || highestSensitivityScore(asset) > highestSensitivityScore(mostRelevant)) mostRelevant = asset
      }
    }
    if (!identified || mostRelevant === null) return []
    return [createRisk('missing-identity-store', {
      title: `<b>Missing Identity Store</b> in the threat model (referencing asset <b>${mostRelevant.title}</b> as an example)`,
      likelihood: 'unlikely', impact, mostRelevant: { technicalAsset: mostRelevant.id },
      dataBreachProbability: 'improbable', dataBreachTechnicalAssets: [], idParts: [mostRelevant.id]
    })]
  }
}
