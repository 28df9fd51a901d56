import type { BoundaryId, DataAssetId, DiagramItemId, ElementId, FlowId } from './ids'
import type { Diagram, DiagramElement, Flow, Threat, ThreatModel, ThreatTarget, TrustBoundary } from './model'

/**
 * Read-only lookups over a model. Linear scans: callers that query in a loop over a large model
 * should build their own index once.
 */
interface Found<Item> {
  readonly diagram: Diagram
  readonly item: Item
}

export function findElement(
  model: ThreatModel,
  id: ElementId
): { readonly diagram: Diagram; readonly element: DiagramElement } | null {
  const found = findOnDiagrams(model, (diagram) => diagram.elements, id)
  return found === null ? null : { diagram: found.diagram, element: found.item }
}

export function findFlow(model: ThreatModel, id: FlowId): { readonly diagram: Diagram; readonly flow: Flow } | null {
  const found = findOnDiagrams(model, (diagram) => diagram.flows, id)
  return found === null ? null : { diagram: found.diagram, flow: found.item }
}

export function findBoundary(
  model: ThreatModel,
  id: BoundaryId
): { readonly diagram: Diagram; readonly boundary: TrustBoundary } | null {
  const found = findOnDiagrams(model, (diagram) => diagram.boundaries, id)
  return found === null ? null : { diagram: found.diagram, boundary: found.item }
}

function findOnDiagrams<Item extends { readonly id: string }>(
  model: ThreatModel,
  itemsOf: (diagram: Diagram) => readonly Item[],
  id: string
): Found<Item> | null {
  for (const diagram of model.diagrams) {
    const item = itemsOf(diagram).find((candidate) => candidate.id === id)
    if (item !== undefined) return { diagram, item }
  }
  return null
}

/** Every element of every diagram, in diagram order. */
export function allElements(model: ThreatModel): readonly DiagramElement[] {
  return model.diagrams.flatMap((diagram) => diagram.elements)
}

export function allFlows(model: ThreatModel): readonly Flow[] {
  return model.diagrams.flatMap((diagram) => diagram.flows)
}

/** Flows that send or receive the data asset. */
export function flowsCarrying(model: ThreatModel, dataAssetId: DataAssetId): readonly Flow[] {
  return allFlows(model).filter(
    (flow) => flow.dataSent.includes(dataAssetId) || flow.dataReceived.includes(dataAssetId)
  )
}

export function elementsStoring(model: ThreatModel, dataAssetId: DataAssetId): readonly DiagramElement[] {
  return allElements(model).filter((element) => element.dataStored.includes(dataAssetId))
}

/**
 * Threats about an item: aimed at it directly, or at an interaction it is the flow or either end of
 * (a TMT threat on a flow also concerns both elements it joins).
 */
export function threatsTargeting(model: ThreatModel, itemId: DiagramItemId | DataAssetId): readonly Threat[] {
  return model.threats.filter((threat) => targetMentions(threat.target, itemId))
}

function targetMentions(target: ThreatTarget, itemId: string): boolean {
  switch (target.kind) {
    case 'element':
      return target.elementId === itemId
    case 'flow':
      return target.flowId === itemId
    case 'interaction':
      return target.flowId === itemId || target.sourceId === itemId || target.targetId === itemId
    case 'boundary':
      return target.boundaryId === itemId
    case 'dataAsset':
      return target.dataAssetId === itemId
    case 'model':
      return false
  }
}
