import { readFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { load } from 'js-yaml'
import { describe, expect, it } from 'vitest'
import { generateThreagileRisks } from '../../../analysis/threagile/generate-threagile-risks'
import { normalizeImpact, normalizeLikelihood, normalizeSeverity, normalizeStrideCategory } from '../../../model/normalize-enums'
import { corpusModel, corpusRoot, modelFileIn, oracleFolders, readCorpusModel } from './threagile-corpus'

/**
 * Our Threagile engine against Threagile's own outputs: for every corpus folder with a risks.json
 * (written by Threagile v1 from the model beside it), the set of synthetic ids must be equal and
 * severity, likelihood, impact, status and STRIDE must agree per id. STRIDE is not in risks.json; it comes
 * from Threagile's own category list (official-test-includes/parsed-model.json, built_in_risk_categories)
 * and, for manual categories, from the model file's `stride`.
 *
 * Where the outputs cannot be reproduced, the difference is listed here with its reason; the test fails
 * if the differences are not exactly these.
 */
interface KnownDifferences {
  readonly reason: string
  readonly missing: readonly string[]
  readonly extra: readonly string[]
  /** Ids whose ratings or status differ (as "id: field ours → Threagile's"). */
  readonly disagreements: readonly string[]
}

const ARGO_SSRF_TRACKED_LATER = [
  'server-side-request-forgery@api-server@oidc-provider@api-server>validate-external-oidc-token',
  'server-side-request-forgery@api-server@external-cluster-kubernetes-api@api-server>get-update-delete-live-resource-state-from-kubernetes-external',
  'server-side-request-forgery@api-server@host-cluster-kubernetes-api@api-server>get-update-delete-live-resource-state-from-kubernetes-host',
  'server-side-request-forgery@api-server@host-cluster-kubernetes-api@api-server>update-cluster-access-config',
  'server-side-request-forgery@api-server@host-cluster-kubernetes-api@api-server>update-rbac-config',
  'server-side-request-forgery@api-server@host-cluster-kubernetes-api@api-server>update-repo-access-credentials',
  'server-side-request-forgery@api-server@user-cli@api-server>export-database',
  'server-side-request-forgery@application-controller@external-cluster-kubernetes-api@application-controller>reconcile-resource-state-external-cluster',
  'server-side-request-forgery@application-controller@host-cluster-kubernetes-api@application-controller>reconcile-resource-state-host-cluster',
  'server-side-request-forgery@application-controller@repo-server@application-controller>rendered-manifest-requests',
  'server-side-request-forgery@applicationset-controller@host-cluster-kubernetes-api@applicationset-controller>reconcile-resource-state-host-cluster',
  'server-side-request-forgery@applicationset-controller@internal-source-control-management-api@applicationset-controller>git-generator-pull'
]

const KNOWN: Readonly<Record<string, KnownDifferences>> = {
  'argo-cd': {
    reason:
      'risks.json was generated from an earlier revision of threagile.yaml (checked by hand in the file): the "Pull Argo CD Image" ' +
      'links of api-server and application-controller are now commented out (lines 737, 916), "Fetching Rendered Manifests from ' +
      'cache" is now "Fetching Rendered Manifests" (line 751), the missing-authentication@*>pull-argo-cd-image@*@quay wildcard ' +
      'is commented out (line 1636) and the SSRF risk_tracking entries (lines 1764–1916) were added afterwards.',
    missing: [
      'missing-authentication@api-server>fetching-rendered-manifests-from-cache@api-server@repo-server',
      'missing-authentication@api-server>pull-argo-cd-image@api-server@quay',
      'missing-authentication@application-controller>pull-argo-cd-image@application-controller@quay',
      'server-side-request-forgery@api-server@quay@api-server>pull-argo-cd-image',
      'server-side-request-forgery@api-server@repo-server@api-server>fetching-rendered-manifests-from-cache',
      'server-side-request-forgery@application-controller@quay@application-controller>pull-argo-cd-image'
    ],
    extra: [
      'missing-authentication@api-server>fetching-rendered-manifests@api-server@repo-server',
      'server-side-request-forgery@api-server@repo-server@api-server>fetching-rendered-manifests'
    ],
    disagreements: [
      'missing-authentication@applicationset-controller>pull-argo-cd-image@applicationset-controller@quay: status unchecked → false-positive',
      'missing-authentication@repo-server>pull-argo-cd-image@repo-server@quay: status unchecked → false-positive',
      'server-side-request-forgery@api-server@dex-server@api-server>validate-dex-oidc-token: status mitigated → unchecked',
      ...ARGO_SSRF_TRACKED_LATER.map((id) => `${id}: status false-positive → unchecked`)
    ]
  },
  'genai-rag': {
    reason:
      'risks.json was generated from an earlier revision of the model (checked by hand): its manual risks have other titles ' +
      '("Example Individual Risk"), fewer most-relevant parts and other category ids (owasp-top10-… is now owasp-top0-…); ' +
      'since then three categories slid under "Emerging AI Governance Frameworks: risks_identified" by indentation (line 2968), ' +
      'so v1 reads them as risks of that category with the id "emerging-ai-governance", and several manual risks name links and ' +
      'runtimes by title, which v1 would refuse (reported as threagile.manual-risk-reference warnings).',
    missing: [
      'genai-model-training-data-risk-category-id@customer-portal-frontend-taid',
      'improper-input-validation@customer-portal-frontend-taid',
      'incident-response-procedures@llm-foundation-model-taid',
      'infrastructure-scalability-risks@llm-foundation-model-taid',
      'input-manipulation-attack',
      'monitoring-observability-risks@llm-foundation-model-taid',
      'owasp-top10-llm-2025-system-prompt-leakage@llm-foundation-model-taid',
      'reliance-on-untrusted-inputs@llm-foundation-model-taid',
      'unauthorized-access-risk-category-id@customer-portal-frontend-taid'
    ],
    extra: [
      'emerging-ai-governance',
      'genai-model-training-data-risk-category-id@llm-foundation-model-taid@Data Ingestion Pipeline@Data Ingestion Network Boundary@Training Environment@training-data-daid',
      'improper-input-validation@customer-portal-frontend-taid@Frontend Interface@business-cloud-network-trust-boundary-id@Conversation Runtime@user-input-daid',
      'input-manipulation-attack@llm-foundation-model-taid',
      'owasp-top0-llm-2025-system-prompt-leakage@llm-foundation-model-taid',
      'reliance-on-untrusted-inputs@llm-foundation-model-taid@Query Service@knowledge-base-service-boundary-id@Conversation Runtime@user-input-daid',
      'unauthorized-access-risk-category-id@customer-portal-frontend-taid@Frontend Interface@business-cloud-network-trust-boundary-id@Conversation Runtime@user-input-daid'
    ],
    disagreements: []
  }
}

interface OracleRisk {
  readonly category: string
  readonly synthetic_id: string
  readonly severity: string
  readonly exploitation_likelihood: string
  readonly exploitation_impact: string
  readonly risk_status: string
}

/** Threagile's JSON omits zero values (`omitempty`): a category without `stride` is spoofing, the first STRIDE value. */
const builtInStride = new Map(
  (JSON.parse(readFileSync(join(corpusRoot, 'threagile', 'official-test-includes', 'parsed-model.json'), 'utf8')) as {
    built_in_risk_categories: { id: string; stride?: string }[]
  }).built_in_risk_categories.map((category) => [category.id, category.stride ?? 'spoofing'])
)

/** Manual categories' STRIDE, read from the model file with plain js-yaml (not our reader). */
function manualStride(modelPath: string): Map<string, string> {
  const root = load(readFileSync(modelPath, 'utf8')) as { individual_risk_categories?: Record<string, { id?: string; stride?: string }> }
  return new Map(Object.values(root.individual_risk_categories ?? {}).map((category) => [String(category.id), String(category.stride)]))
}

describe('Threagile risks against risks.json', () => {
  for (const folder of oracleFolders()) {
    const name = basename(folder)
    it(`${name}: same synthetic ids, ratings, status and STRIDE${KNOWN[name] === undefined ? '' : ' (known differences listed)'}`, () => {
      const modelPath = modelFileIn(folder)
      const read = readCorpusModel(corpusModel(modelPath))
      expect(read.model).not.toBeNull()
      const result = generateThreagileRisks(read.model!)
      const expected = JSON.parse(readFileSync(join(folder, 'risks.json'), 'utf8')) as OracleRisk[]
      const ours = new Map(result.threats.map((threat) => [threat.id as string, threat]))
      const theirs = new Map(expected.map((risk) => [risk.synthetic_id, risk]))
      const strides = new Map([...builtInStride, ...manualStride(modelPath)])

      const disagreements: string[] = []
      for (const [id, risk] of theirs) {
        const threat = ours.get(id)
        if (threat === undefined) continue
        const status = (threat.extensions.threagile as { risk_status: string }).risk_status
        const fields: [string, unknown, unknown][] = [
          ['severity', threat.severity, normalizeSeverity(risk.severity)],
          ['likelihood', threat.likelihood, normalizeLikelihood(risk.exploitation_likelihood)],
          ['impact', threat.impact, normalizeImpact(risk.exploitation_impact)],
          ['stride', threat.category.value, normalizeStrideCategory(strides.get(risk.category) ?? '').value],
          ['status', status, risk.risk_status]
        ]
        for (const [field, mine, other] of fields) {
          const show = (value: unknown): string => (typeof value === 'object' && value !== null ? String((value as { raw: unknown }).raw) : String(value))
          if (JSON.stringify(mine) !== JSON.stringify(other)) disagreements.push(`${id}: ${field} ${show(mine)} → ${show(other)}`)
        }
      }
      const known = KNOWN[name] ?? { missing: [], extra: [], disagreements: [] }
      expect({
        missing: [...theirs.keys()].filter((id) => !ours.has(id)).sort(),
        extra: [...ours.keys()].filter((id) => !theirs.has(id)).sort(),
        disagreements: disagreements.sort()
      }).toEqual({ missing: [...known.missing].sort(), extra: [...known.extra].sort(), disagreements: [...known.disagreements].sort() })
    })
  }
})
