import { createRisk, type RiskImpact, type RiskLikelihood, type ThreagileRisk } from './threagile-risk'
import type { ThreagileRule } from './threagile-rule'
import { highest } from './threagile-queries'
import type { CommunicationLink, TechnicalAsset, ThreagileView } from './threagile-view'
import { C, I, LAX_DATABASE_PROTOCOLS, STRICT_DATABASE_PROTOCOLS } from './threagile-vocabulary'

/**
 * Injection rules, ported from v1 (threagile-rules.md §2 #9, #24, #26, #29): each links an in-scope caller
 * to a target over a matching protocol; the risk id is caller@target@link and the most relevant asset is
 * the caller.
 */

interface InjectionRule {
  readonly id: string
  readonly label: string
  readonly targetLabel: string
  readonly appliesTo: (target: TechnicalAsset, link: CommunicationLink) => boolean
  readonly likelihood: (link: CommunicationLink) => RiskLikelihood
  readonly impact: (view: ThreagileView, target: TechnicalAsset) => RiskImpact
  readonly dataBreachProbability: 'probable'
}

const mediumOrHigh = (view: ThreagileView, target: TechnicalAsset): RiskImpact =>
  highest(view, target, 'confidentiality') === C.strictlyConfidential || highest(view, target, 'integrity') === I.missionCritical ? 'high' : 'medium'

/** v1 walks ldap-injection's targets in map order and the others sorted; the order never changes ids or ratings. */
function injectionRisks(view: ThreagileView, rule: InjectionRule): ThreagileRisk[] {
  const risks: ThreagileRisk[] = []
  for (const id of view.sortedAssetIds) {
    const target = view.asset(id)
    for (const link of view.incoming(target.id)) {
      const caller = view.asset(link.sourceId)
      if (caller.outOfScope || !rule.appliesTo(target, link)) continue
      risks.push(createRisk(rule.id, {
        title: `<b>${rule.label}</b> risk at <b>${caller.title}</b> against ${rule.targetLabel} <b>${target.title}</b> via <b>${link.title}</b>`,
        likelihood: rule.likelihood(link), impact: rule.impact(view, target),
        mostRelevant: { technicalAsset: caller.id, communicationLink: link.id },
        dataBreachProbability: rule.dataBreachProbability, dataBreachTechnicalAssets: [target.id], idParts: [caller.id, target.id, link.id]
      }))
    }
  }
  return risks
}

const ldap: InjectionRule = {
  id: 'ldap-injection', label: 'LDAP-Injection', targetLabel: 'LDAP server',
  appliesTo: (_target, link) => link.protocol === 'ldap' || link.protocol === 'ldaps',
  likelihood: (link) => (link.usage === 'devops' ? 'unlikely' : 'likely'), impact: mediumOrHigh, dataBreachProbability: 'probable'
}
const pathTraversal: InjectionRule = {
  id: 'path-traversal', label: 'Path-Traversal', targetLabel: 'filesystem',
  appliesTo: (target) => target.technology === 'file-server' || target.technology === 'local-file-system',
  likelihood: (link) => (link.usage === 'devops' ? 'likely' : 'very-likely'), impact: mediumOrHigh, dataBreachProbability: 'probable'
}
const searchQuery: InjectionRule = {
  id: 'search-query-injection', label: 'Search-Query Injection', targetLabel: 'search engine server',
  appliesTo: (target, link) => (target.technology === 'search-engine' || target.technology === 'search-index') && ['http', 'https', 'binary', 'binary-encrypted'].includes(link.protocol),
  likelihood: (link) => (link.usage === 'devops' ? 'likely' : 'very-likely'),
  impact: (view, target) => {
    if (mediumOrHigh(view, target) === 'high') return 'high'
    return highest(view, target, 'confidentiality') <= C.internal && highest(view, target, 'integrity') === I.operational ? 'low' : 'medium'
  },
  dataBreachProbability: 'probable'
}
const sql: InjectionRule = {
  id: 'sql-nosql-injection', label: 'SQL/NoSQL-Injection', targetLabel: 'database',
  // v1: a strict database protocol into anything, or a lax one (http, https, binary) into a database.
  appliesTo: (target, link) =>
    ((STRICT_DATABASE_PROTOCOLS.has(link.protocol) || LAX_DATABASE_PROTOCOLS.has(link.protocol)) && (target.technology === 'database' || target.technology === 'identity-store-database')) ||
    STRICT_DATABASE_PROTOCOLS.has(link.protocol),
  likelihood: (link) => (link.usage === 'devops' ? 'likely' : 'very-likely'), impact: mediumOrHigh, dataBreachProbability: 'probable'
}

const rule = (definition: InjectionRule, title: string, stride: ThreagileRule['stride'], cwe: number): ThreagileRule => ({
  id: definition.id, title, stride, function: 'development', cwe, modelFailurePossibleReason: false,
  generate: (view) => injectionRisks(view, definition)
})

export const ldapInjection = rule(ldap, 'LDAP-Injection', 'tampering', 90)
export const pathTraversalRule = rule(pathTraversal, 'Path-Traversal', 'information-disclosure', 22)
export const searchQueryInjection = rule(searchQuery, 'Search-Query Injection', 'tampering', 74)
export const sqlNosqlInjection = rule(sql, 'SQL/NoSQL-Injection', 'tampering', 89)
