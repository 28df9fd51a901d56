import { createRisk, type RiskImpact, type RiskLikelihood, type ThreagileRisk } from './threagile-risk'
import type { ThreagileRule } from './threagile-rule'
import { highest, isAcrossTrustBoundaryNetworkOnly, isSameTrustBoundaryNetworkOnly, linkHighest } from './threagile-queries'
import type { TechnicalAsset, ThreagileView } from './threagile-view'
import { C, CLIENT, I, isWithinCloud, WEB_ACCESS_PROTOCOLS, WEB_APPLICATION, WEB_SERVICE } from './threagile-vocabulary'

/** Web and input-handling rules, ported from v1 (threagile-rules.md §2 #5, #6, #14, #22, #27, #39, #42). */

const strictlySensitive = (view: ThreagileView, asset: TechnicalAsset, withAvailability: boolean): boolean =>
  highest(view, asset, 'confidentiality') === C.strictlyConfidential || highest(view, asset, 'integrity') === I.missionCritical ||
  (withAvailability && highest(view, asset, 'availability') === I.missionCritical)
const inScopeAssets = (view: ThreagileView): TechnicalAsset[] => view.sortedAssetIds.map((id) => view.asset(id)).filter((asset) => !asset.outOfScope)

export const crossSiteRequestForgery: ThreagileRule = {
  id: 'cross-site-request-forgery', title: 'Cross-Site Request Forgery (CSRF)', stride: 'spoofing', function: 'development', cwe: 352, modelFailurePossibleReason: false,
  generate: (view) => inScopeAssets(view).filter((asset) => WEB_APPLICATION.has(asset.technology)).flatMap((asset) =>
    view.incoming(asset.id).filter((link) => WEB_ACCESS_PROTOCOLS.has(link.protocol)).map((link) =>
      createRisk('cross-site-request-forgery', {
        title: `<b>Cross-Site Request Forgery (CSRF)</b> risk at <b>${asset.title}</b> via <b>${link.title}</b> from <b>${view.asset(link.sourceId).title}</b>`,
        likelihood: link.usage === 'devops' ? 'likely' : 'very-likely',
        impact: linkHighest(view, link, 'integrity') === I.missionCritical ? 'medium' : 'low',
        mostRelevant: { technicalAsset: asset.id, communicationLink: link.id },
        dataBreachProbability: 'improbable', dataBreachTechnicalAssets: [asset.id], idParts: [asset.id, link.id]
      })))
}

export const crossSiteScripting: ThreagileRule = {
  id: 'cross-site-scripting', title: 'Cross-Site Scripting (XSS)', stride: 'tampering', function: 'development', cwe: 79, modelFailurePossibleReason: false,
  generate: (view) => inScopeAssets(view).filter((asset) => WEB_APPLICATION.has(asset.technology)).map((asset) =>
    createRisk('cross-site-scripting', {
      title: `<b>Cross-Site Scripting (XSS)</b> risk at <b>${asset.title}</b>`, likelihood: 'likely',
      impact: strictlySensitive(view, asset, false) ? 'high' : 'medium', mostRelevant: { technicalAsset: asset.id },
      dataBreachProbability: 'possible', dataBreachTechnicalAssets: [asset.id], idParts: [asset.id]
    }))
}

export const missingFileValidation: ThreagileRule = {
  id: 'missing-file-validation', title: 'Missing File Validation', stride: 'spoofing', function: 'development', cwe: 434, modelFailurePossibleReason: false,
  generate: (view) => inScopeAssets(view).filter((asset) => asset.customDevelopedParts).flatMap((asset) =>
    asset.dataFormatsAccepted.filter((format) => format === 'file').map(() =>
      createRisk('missing-file-validation', {
        title: `<b>Missing File Validation</b> risk at <b>${asset.title}</b>`, likelihood: 'very-likely',
        impact: strictlySensitive(view, asset, true) ? 'medium' : 'low', mostRelevant: { technicalAsset: asset.id },
        dataBreachProbability: 'probable', dataBreachTechnicalAssets: [asset.id], idParts: [asset.id]
      })))
}

export const missingWaf: ThreagileRule = {
  id: 'missing-waf', title: 'Missing Web Application Firewall (WAF)', stride: 'tampering', function: 'operations', cwe: 1008, modelFailurePossibleReason: false,
  generate: (view) => inScopeAssets(view)
    .filter((asset) => (WEB_APPLICATION.has(asset.technology) || WEB_SERVICE.has(asset.technology)) &&
      view.incoming(asset.id).some((link) => isAcrossTrustBoundaryNetworkOnly(view, link) && WEB_ACCESS_PROTOCOLS.has(link.protocol) && view.asset(link.sourceId).technology !== 'waf'))
    .map((asset) => createRisk('missing-waf', {
      title: `<b>Missing Web Application Firewall (WAF)</b> risk at <b>${asset.title}</b>`, likelihood: 'unlikely',
      impact: strictlySensitive(view, asset, true) ? 'medium' : 'low', mostRelevant: { technicalAsset: asset.id },
      dataBreachProbability: 'improbable', dataBreachTechnicalAssets: [asset.id], idParts: [asset.id]
    }))
}

export const serverSideRequestForgery: ThreagileRule = {
  id: 'server-side-request-forgery', title: 'Server-Side Request Forgery (SSRF)', stride: 'information-disclosure', function: 'development', cwe: 918, modelFailurePossibleReason: false,
  generate: (view) => {
    const risks: ThreagileRisk[] = []
    for (const asset of inScopeAssets(view)) {
      if (CLIENT.has(asset.technology) || asset.technology === 'load-balancer') continue
      for (const link of asset.links) {
        if (!WEB_ACCESS_PROTOCOLS.has(link.protocol)) continue
        const target = view.asset(link.targetId)
        let impact: RiskImpact = highest(view, target, 'confidentiality') === C.strictlyConfidential ? 'medium' : 'low'
        const breached = new Set([asset.id])
        for (const candidate of view.sortedAssetIds) {
          if (!isSameTrustBoundaryNetworkOnly(view, asset, candidate)) continue
          if (!view.incoming(candidate).some((incoming) => WEB_ACCESS_PROTOCOLS.has(incoming.protocol))) continue
          breached.add(candidate)
          if (highest(view, view.asset(candidate), 'confidentiality') === C.strictlyConfidential) impact = 'medium'
        }
        if (impact === 'low' && isWithinCloud(view.directBoundary(asset.id).type)) impact = 'medium'
        const likelihood: RiskLikelihood = link.usage === 'devops' ? 'unlikely' : 'likely'
        risks.push(createRisk('server-side-request-forgery', {
          title: `<b>Server-Side Request Forgery (SSRF)</b> risk at <b>${asset.title}</b> server-side web-requesting the target <b>${target.title}</b> via <b>${link.title}</b>`,
          likelihood, impact, mostRelevant: { technicalAsset: asset.id, communicationLink: link.id },
          dataBreachProbability: 'possible', dataBreachTechnicalAssets: [...breached], idParts: [asset.id, target.id, link.id]
        }))
      }
    }
    return risks
  }
}

export const untrustedDeserialization: ThreagileRule = {
  id: 'untrusted-deserialization', title: 'Untrusted Deserialization', stride: 'tampering', function: 'architecture', cwe: 502, modelFailurePossibleReason: false,
  generate: (view) => {
    const risks: ThreagileRisk[] = []
    for (const asset of inScopeAssets(view)) {
      let hasOne = asset.dataFormatsAccepted.includes('serialization') || asset.technology === 'ejb'
      let acrossTrustBoundary = false
      for (const link of view.incoming(asset.id)) {
        if (!['iiop', 'iiop-encrypted', 'jrmp', 'jrmp-encrypted'].includes(link.protocol)) continue
        hasOne = true
        if (isAcrossTrustBoundaryNetworkOnly(view, link)) acrossTrustBoundary = true
      }
      if (!hasOne) continue
      risks.push(createRisk('untrusted-deserialization', {
        title: `<b>Untrusted Deserialization</b> risk at <b>${asset.title}</b>`,
        likelihood: acrossTrustBoundary ? 'very-likely' : 'likely', impact: strictlySensitive(view, asset, true) ? 'very-high' : 'high',
        mostRelevant: { technicalAsset: asset.id }, dataBreachProbability: 'probable', dataBreachTechnicalAssets: [asset.id], idParts: [asset.id]
      }))
    }
    return risks
  }
}

export const xmlExternalEntity: ThreagileRule = {
  id: 'xml-external-entity', title: 'XML External Entity (XXE)', stride: 'information-disclosure', function: 'development', cwe: 611, modelFailurePossibleReason: false,
  generate: (view) => inScopeAssets(view).flatMap((asset) =>
    asset.dataFormatsAccepted.filter((format) => format === 'xml').map(() =>
      createRisk('xml-external-entity', {
        title: `<b>XML External Entity (XXE)</b> risk at <b>${asset.title}</b>`, likelihood: 'very-likely',
        impact: strictlySensitive(view, asset, true) ? 'high' : 'medium', mostRelevant: { technicalAsset: asset.id },
        dataBreachProbability: 'probable', dataBreachTechnicalAssets: [asset.id], idParts: [asset.id]
      })))
}
