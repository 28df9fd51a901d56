import type { FieldReader } from './field-reader'
import { isPlainObject } from './resolve-includes'

export interface KnownIds {
  readonly technicalAssets: ReadonlySet<string>
  readonly communicationLinks: ReadonlySet<string>
  readonly trustBoundaries: ReadonlySet<string>
  readonly sharedRuntimes: ReadonlySet<string>
  readonly dataAssets: ReadonlySet<string>
}

const REFERENCES: readonly [key: string, kind: keyof KnownIds, label: string][] = [
  ['most_relevant_technical_asset', 'technicalAssets', 'technical asset'],
  ['most_relevant_communication_link', 'communicationLinks', 'communication link id (source>title-slug)'],
  ['most_relevant_trust_boundary', 'trustBoundaries', 'trust boundary'],
  ['most_relevant_shared_runtime', 'sharedRuntimes', 'shared runtime'],
  ['most_relevant_data_asset', 'dataAssets', 'data asset']
]

/**
 * References of manual risks (individual_risk_categories / custom_risk_categories). Threagile v1 stops on
 * a dangling one (threagile-schema.md §10; users trip over link ids, threagile-users.md §3, issue #102).
 * They are warnings here, not errors: the diagram does not depend on them, and the reviewer can open the
 * model and fix the reference. The risk keeps the id built from the text as written.
 */
export function checkManualRiskReferences(fields: FieldReader, root: Record<string, unknown>, known: KnownIds): void {
  const sections: [string, [string, unknown][]][] = [
    ['individual_risk_categories', isPlainObject(root.individual_risk_categories) ? Object.entries(root.individual_risk_categories) : []],
    ['custom_risk_categories', Array.isArray(root.custom_risk_categories) ? root.custom_risk_categories.map((entry, index) => [String(index), entry]) : []]
  ]
  for (const [section, categories] of sections) {
    for (const [categoryKey, category] of categories) {
      if (!isPlainObject(category) || !isPlainObject(category.risks_identified)) continue
      for (const [riskTitle, risk] of Object.entries(category.risks_identified)) {
        if (!isPlainObject(risk)) continue
        for (const [key, kind, label] of REFERENCES) {
          const value = risk[key]
          if (typeof value !== 'string' || value === '' || known[kind].has(value)) continue
          fields.warn('threagile.manual-risk-reference', `${key} "${value}" is not a ${label}; Threagile v1 stops on this`, [section, categoryKey, 'risks_identified', riskTitle, key])
        }
      }
    }
  }
}
