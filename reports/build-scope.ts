import type { Diagram, ThreatModel } from '../model/model'
import { ELEMENT_KIND_LABELS } from './labels'
import { displayName, type ModelNames } from './model-names'
import type { DataAssetRow, ScopeSection } from './report-types'

/** Section E over the diagrams in the report; out-of-scope items are always named here, with their reason. */
export function buildScope(model: ThreatModel, diagrams: readonly Diagram[]): ScopeSection {
  const elements = diagrams.flatMap((diagram) => diagram.elements)
  return {
    description: model.metadata.description,
    tags: model.metadata.tags,
    inScopeElements: elements.filter((element) => !element.outOfScope).length,
    outOfScope: [
      ...elements
        .filter((element) => element.outOfScope)
        .map((element) => ({
          id: element.id,
          name: displayName(element.name, element.id),
          kind: ELEMENT_KIND_LABELS[element.kind],
          reason: element.outOfScopeReason.trim() || null
        })),
      ...diagrams
        .flatMap((diagram) => diagram.flows)
        .filter((flow) => flow.outOfScope)
        .map((flow) => ({ id: flow.id, name: displayName(flow.name, flow.id), kind: 'Data flow', reason: flow.outOfScopeReason.trim() || null }))
    ],
    externalInteractors: elements
      .filter((element) => element.kind === 'externalInteractor')
      .map((element) => ({ id: element.id, name: displayName(element.name, element.id) })),
    reviewers: model.metadata.reviewers,
    contributors: model.metadata.contributors,
    metadata: model.metadata.custom.map((entry) => ({ key: entry.key, value: entry.value }))
  }
}

/** Section G: each data asset with its ratings and where it is stored, processed and carried. */
export function buildDataAssets(
  model: ThreatModel,
  diagrams: readonly Diagram[],
  names: ModelNames,
  keepsItem: (id: string) => boolean
): readonly DataAssetRow[] {
  const elements = diagrams.flatMap((diagram) => diagram.elements).filter((element) => keepsItem(element.id))
  const flows = diagrams.flatMap((diagram) => diagram.flows).filter((flow) => keepsItem(flow.id))
  return model.dataAssets.map((asset) => ({
    id: asset.id,
    name: displayName(asset.name, asset.id),
    description: asset.description,
    classification: canonicalText(asset.classification),
    confidentiality: canonicalText(asset.confidentiality),
    integrity: canonicalText(asset.integrity),
    availability: canonicalText(asset.availability),
    storedIn: elements.filter((element) => element.dataStored.includes(asset.id)).map((element) => names.item(element.id)),
    processedBy: elements.filter((element) => element.dataProcessed.includes(asset.id)).map((element) => names.item(element.id)),
    carriedBy: flows
      .filter((flow) => flow.dataSent.includes(asset.id) || flow.dataReceived.includes(asset.id))
      .map((flow) => names.item(flow.id))
  }))
}

function canonicalText(value: { readonly value: string | null; readonly raw: string | null } | null): string | null {
  return value === null ? null : (value.value ?? value.raw)
}

