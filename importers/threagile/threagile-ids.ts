import type { DataAssetId, ElementId } from '../../model/ids'
import type { ThreatModel } from '../../model/model'

/** Threagile accepts ids of letters, digits and dashes only (threagile-schema.md §3). */
const VALID_ID = /^[a-zA-Z0-9-]+$/

/**
 * The model with every element, boundary and data-asset id Threagile would refuse rewritten into one
 * it accepts (pytm names such as `pytm:element:SQL Database`, TMT ids with odd characters), references
 * included, and the list of renames for the export report. Valid ids stay as they are, so a Threagile
 * file written back keeps its ids; rewritten ones are unique and deterministic.
 */
export function withThreagileIds(model: ThreatModel): { readonly model: ThreatModel; readonly renamed: readonly (readonly [string, string])[] } {
  const taken = new Set<string>()
  const renames = new Map<string, string>()
  const items = [
    ...model.diagrams.flatMap((diagram) => [...diagram.elements, ...diagram.boundaries].map((item) => item.id as string)),
    ...model.dataAssets.map((asset) => asset.id as string)
  ]
  for (const id of items) if (VALID_ID.test(id)) taken.add(id)
  for (const id of items) {
    if (VALID_ID.test(id) || renames.has(id)) continue
    const base = id.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'item'
    let candidate = base
    for (let suffix = 2; taken.has(candidate); suffix += 1) candidate = `${base}-${suffix}`
    taken.add(candidate)
    renames.set(id, candidate)
  }
  if (renames.size === 0) return { model, renamed: [] }
  const rename = <Id extends string>(id: Id): Id => (renames.get(id) ?? id) as Id
  const renameAll = <Id extends string>(ids: readonly Id[]): Id[] => ids.map(rename)
  const data = (ids: readonly DataAssetId[]): DataAssetId[] => renameAll(ids)
  return {
    renamed: [...renames],
    model: {
      ...model,
      dataAssets: model.dataAssets.map((asset) => ({ ...asset, id: rename(asset.id) })),
      diagrams: model.diagrams.map((diagram) => ({
        ...diagram,
        elements: diagram.elements.map((element) => ({
          ...element,
          id: rename(element.id),
          dataProcessed: data(element.dataProcessed),
          dataStored: data(element.dataStored)
        })),
        flows: diagram.flows.map((flow) => ({
          ...flow,
          source: flow.source === null ? null : rename<ElementId>(flow.source),
          target: flow.target === null ? null : rename<ElementId>(flow.target),
          dataSent: data(flow.dataSent),
          dataReceived: data(flow.dataReceived)
        })),
        boundaries: diagram.boundaries.map((boundary) => ({
          ...boundary,
          id: rename(boundary.id),
          statedMembers: boundary.statedMembers === null ? null : renameAll(boundary.statedMembers)
        }))
      }))
    }
  }
}
