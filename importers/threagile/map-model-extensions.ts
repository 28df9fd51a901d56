import { safeText } from './safe-text'
import type { JsonValue } from '../../model/json'
import { toJson, type FieldReader } from './field-reader'
import { isIsoDate, METADATA_FIELDS } from './map-metadata'
import { checkTags, type MappingContext } from './mapping-context'
import { isPlainObject } from './resolve-includes'
import { RISK_STATUS } from './threagile-enums'

/** Top-level keys mapped elsewhere (metadata, data assets, diagram); everything else is kept verbatim. */
const MAPPED_TOP_LEVEL = [...METADATA_FIELDS, 'data_assets', 'technical_assets', 'trust_boundaries', 'custom_risk_categories']

/**
 * The model-level `extensions.threagile` bag: every top-level key the model does not map (author,
 * overviews with their images, shared_runtimes, risk_tracking, individual_risk_categories, diagram
 * tweaks, unknown keys), verbatim. HEAD's `custom_risk_categories` list is folded into the v1
 * `individual_risk_categories` map keyed by title (schema §7), so the rules and the writer see one shape.
 * `dialect` records which spelling the file used; `included_files` which files were merged.
 */
export function mapModelExtensions(
  context: MappingContext,
  root: Record<string, unknown>,
  dialect: 'v1' | 'head',
  includedFiles: readonly string[]
): { [key: string]: JsonValue } {
  const { fields } = context
  const bag: { [key: string]: JsonValue } = {}
  for (const [key, value] of Object.entries(root)) if (!MAPPED_TOP_LEVEL.includes(key) && value !== undefined) bag[key] = toJson(value)
  const categories = riskCategoriesAsMap(fields, root)
  if (categories !== null) bag.individual_risk_categories = categories
  bag.dialect = dialect
  if (includedFiles.length > 0) bag.included_files = [...includedFiles]
  checkSharedRuntimes(context, root)
  checkRiskTracking(fields, root)
  return bag
}

function riskCategoriesAsMap(fields: FieldReader, root: Record<string, unknown>): { [key: string]: JsonValue } | null {
  const v1 = root.individual_risk_categories
  const head = root.custom_risk_categories
  if (v1 === undefined && head === undefined) return null
  const result: { [key: string]: JsonValue } = {}
  if (isPlainObject(v1)) for (const [title, category] of Object.entries(v1)) result[title] = toJson(category)
  else if (v1 !== undefined && v1 !== null) fields.error('threagile.type', '"individual_risk_categories" must be a map of titles to categories', ['individual_risk_categories'])
  if (Array.isArray(head)) {
    head.forEach((category, index) => {
      if (!isPlainObject(category)) return
      const { title, ...rest } = category
      const key = typeof title === 'string' && title !== '' ? title : safeText(category.id ?? `category ${index + 1}`)
      result[key] = toJson(rest)
    })
  } else if (head !== undefined && head !== null) fields.error('threagile.type', '"custom_risk_categories" must be a list of categories', ['custom_risk_categories'])
  return result
}

function checkSharedRuntimes(context: MappingContext, root: Record<string, unknown>): void {
  const { fields } = context
  for (const [title, runtime] of fields.objectMap(root, 'shared_runtimes', [])) {
    const path = ['shared_runtimes', title]
    checkTags(context, fields.stringList(runtime, 'tags', path), path)
    for (const id of fields.stringList(runtime, 'technical_assets_running', path)) {
      if (!context.technicalAssetIds.has(id)) {
        fields.error('threagile.reference', `technical_assets_running names "${id}", which is not a technical asset`, [...path, 'technical_assets_running'])
      }
    }
  }
}

/** Status is required and exact in both versions; dates use the Go layout 2006-01-02 (schema §7.3). */
function checkRiskTracking(fields: FieldReader, root: Record<string, unknown>): void {
  for (const [riskId, tracking] of fields.objectMap(root, 'risk_tracking', [])) {
    const path = ['risk_tracking', riskId]
    fields.enumField(tracking, 'status', path, RISK_STATUS, (raw) => (typeof raw === 'string' && (RISK_STATUS as readonly string[]).includes(raw) ? raw : null))
    const date = fields.string(tracking, 'date', path)
    if (date !== '' && !isIsoDate(date)) fields.error('threagile.date', `date "${date}" must be written YYYY-MM-DD`, [...path, 'date'])
  }
}
