import { safeText } from './safe-text'
import { asId, type BoundaryId, type ElementId } from '../../model/ids'
import type { TrustBoundary } from '../../model/model'
import { unmappedFields } from './field-reader'
import { checkTags, readId, type MappingContext } from './mapping-context'
import { namesProperty } from './threagile-properties'
import { enumValue, TRUST_BOUNDARY_TYPE } from './threagile-enums'

const MAPPED_BOUNDARY_FIELDS = ['id', 'description', 'type', 'tags', 'technical_assets_inside']

/**
 * trust_boundaries → box boundaries whose typeId is the Threagile boundary type. Membership is stated,
 * not drawn (`statedMembers`); nesting (`trust_boundaries_nested`) stays in extensions.threagile,
 * where the layout and the rules read it. Threagile allows an asset directly inside one boundary only.
 */
export function mapTrustBoundaries(context: MappingContext, root: Record<string, unknown>): TrustBoundary[] {
  const { fields } = context
  const seenIds = new Set<string>()
  const boundaries: TrustBoundary[] = []
  const ownerOfAsset = new Map<string, string>()
  const entries = fields.objectMap(root, 'trust_boundaries', [])
  const boundaryIds = new Set(entries.map(([, entry]) => safeText(entry.id ?? '')))

  for (const [title, boundary] of entries) {
    const path = ['trust_boundaries', title]
    const id = readId(fields, boundary, path, 'trust boundary', seenIds)
    const type = fields.enumField(boundary, 'type', path, TRUST_BOUNDARY_TYPE, (raw) => enumValue(TRUST_BOUNDARY_TYPE, raw))
    const tags = fields.stringList(boundary, 'tags', path)
    checkTags(context, tags, path)
    const inside = fields.stringList(boundary, 'technical_assets_inside', path)
    for (const member of inside) {
      if (!context.technicalAssetIds.has(member)) {
        fields.error('threagile.reference', `technical_assets_inside names "${member}", which is not a technical asset`, [...path, 'technical_assets_inside'])
      }
      const owner = ownerOfAsset.get(member)
      if (owner !== undefined && owner !== id) {
        fields.error('threagile.boundary-membership', `"${member}" is inside both "${owner}" and "${id}"; an asset may be directly inside one trust boundary only`, [...path, 'technical_assets_inside'])
      }
      ownerOfAsset.set(member, id)
    }
    const nested = fields.stringList(boundary, 'trust_boundaries_nested', path)
    for (const child of nested) {
      if (!boundaryIds.has(child)) {
        fields.error('threagile.reference', `trust_boundaries_nested names "${child}", which is not a trust boundary`, [...path, 'trust_boundaries_nested'])
      }
    }
    boundaries.push({
      id: asId<BoundaryId>(id),
      name: title,
      typeId: type ?? safeText(boundary.type ?? ''),
      description: fields.string(boundary, 'description', path),
      shape: { kind: 'box', rect: { x: 0, y: 0, width: 0, height: 0 } },
      statedMembers: inside.map((member) => asId<ElementId>(member)),
      properties: [namesProperty('tags', tags)],
      extensions: { threagile: unmappedFields(boundary, MAPPED_BOUNDARY_FIELDS) }
    })
  }
  return boundaries
}
