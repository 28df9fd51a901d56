import { asId, type DataAssetId } from '../../model/ids'
import type { DataAsset } from '../../model/model'
import { normalizeCiaLevel, normalizeClassification } from '../../model/normalize-enums'
import { unmappedFields } from './field-reader'
import { checkTags, readId, type MappingContext } from './mapping-context'
import { CONFIDENTIALITY, CRITICALITY, enumValue, QUANTITY, USAGE } from './threagile-enums'

const MAPPED_DATA_FIELDS = ['id', 'description', 'confidentiality', 'integrity', 'availability']

/**
 * data_assets → model data assets. Threagile rates confidentiality on the classification scale
 * (public … strictly-confidential), so it becomes `classification`; `confidentiality` (a criticality
 * scale in the model) stays null. Integrity and availability use the criticality scale. Raw spellings
 * are kept in `raw`; usage, quantity, tags, origin, owner and the CIA justification in extensions.
 */
export function mapDataAssets(context: MappingContext, root: Record<string, unknown>): DataAsset[] {
  const { fields } = context
  const seenIds = new Set<string>()
  return fields.objectMap(root, 'data_assets', []).map(([title, data]) => {
    const path = ['data_assets', title]
    const id = readId(fields, data, path, 'data asset', seenIds)
    const choose = (key: string, values: readonly string[]): string | null =>
      fields.enumField(data, key, path, values, (raw) => enumValue(values, raw))
    choose('usage', USAGE)
    choose('quantity', QUANTITY)
    const confidentiality = choose('confidentiality', CONFIDENTIALITY)
    const integrity = choose('integrity', CRITICALITY)
    const availability = choose('availability', CRITICALITY)
    checkTags(context, fields.stringList(data, 'tags', path), path)
    return {
      id: asId<DataAssetId>(id),
      name: title,
      description: fields.string(data, 'description', path),
      classification: confidentiality === null ? null : normalizeClassification(confidentiality),
      confidentiality: null,
      integrity: integrity === null ? null : normalizeCiaLevel(integrity),
      availability: availability === null ? null : normalizeCiaLevel(availability),
      extensions: { threagile: unmappedFields(data, MAPPED_DATA_FIELDS) }
    }
  })
}
