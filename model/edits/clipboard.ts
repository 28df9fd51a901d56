import type { Point } from '../geometry-types'
import { newId, type DiagramId, type DiagramItemId, type ElementId } from '../ids'
import type { Diagram, DiagramElement, Flow, ThreatModel, TrustBoundary } from '../model'
import { updateDiagram } from './diagram-edits'

/** Copied items: plain model data, so the clipboard survives any later edit of the source. */
export interface ClipboardItems {
  readonly elements: readonly DiagramElement[]
  readonly flows: readonly Flow[]
  readonly boundaries: readonly TrustBoundary[]
}

/**
 * What copying a selection takes: the selected elements and boundaries, and the flows internal to the
 * selection — both attached ends are selected elements (a loose end counts as internal when the flow
 * itself is selected). A flow to an element left behind is not copied: pasted, it would dangle.
 */
export function copyItems(diagram: Diagram, ids: readonly DiagramItemId[]): ClipboardItems {
  const selected = new Set<string>(ids)
  const elements = diagram.elements.filter((element) => selected.has(element.id))
  const copiedElements = new Set<string>(elements.map((element) => element.id))
  const endInside = (end: ElementId | null, flowSelected: boolean): boolean => (end === null ? flowSelected : copiedElements.has(end))
  const flows = diagram.flows.filter((flow) => {
    const flowSelected = selected.has(flow.id)
    if (!flowSelected && flow.source === null && flow.target === null) return false
    return endInside(flow.source, flowSelected) && endInside(flow.target, flowSelected)
  })
  const boundaries = diagram.boundaries.filter((boundary) => selected.has(boundary.id))
  return { elements, flows, boundaries }
}

const shift = (point: Point, offset: Point): Point => ({ x: point.x + offset.x, y: point.y + offset.y })

/**
 * Fresh copies of clipboard items, moved by `offset`, with new ids and every reference between them
 * remapped (flow ends, responseTo, stated members); references to things outside are dropped.
 */
export function cloneItems(items: ClipboardItems, offset: Point, mint: () => string = () => newId()): ClipboardItems {
  const ids = new Map<string, string>()
  const fresh = <Id extends string>(id: Id): Id => {
    const minted = mint()
    ids.set(id, minted)
    return minted as Id
  }
  const elements = items.elements.map((element) => ({
    ...element,
    id: fresh(element.id),
    layout: { ...element.layout, ...shift(element.layout, offset) }
  }))
  for (const flow of items.flows) fresh(flow.id)
  const remap = <Id extends string>(id: Id | null): Id | null => (id === null ? null : ((ids.get(id) as Id | undefined) ?? null))
  const flows = items.flows.map((flow) => ({
    ...flow,
    id: remap(flow.id) ?? flow.id,
    source: remap(flow.source),
    target: remap(flow.target),
    responseTo: remap(flow.responseTo),
    sourcePoint: shift(flow.sourcePoint, offset),
    targetPoint: shift(flow.targetPoint, offset),
    bendPoints: flow.bendPoints.map((point) => shift(point, offset))
  }))
  const boundaries = items.boundaries.map((boundary) => ({
    ...boundary,
    id: fresh(boundary.id),
    shape:
      boundary.shape.kind === 'box'
        ? { kind: 'box' as const, rect: { ...boundary.shape.rect, ...shift(boundary.shape.rect, offset) } }
        : { kind: 'line' as const, points: boundary.shape.points.map((point) => shift(point, offset)) },
    statedMembers:
      boundary.statedMembers === null
        ? null
        : boundary.statedMembers.flatMap((member) => {
            const mapped = remap(member)
            return mapped === null ? [] : [mapped]
          })
  }))
  return { elements, flows, boundaries }
}

/**
 * Adds already-cloned items to a diagram. Data-asset references the model does not have are dropped:
 * the clipboard may come from a model that has since been closed.
 */
export function pasteItems(model: ThreatModel, diagramId: DiagramId, items: ClipboardItems): ThreatModel {
  if (items.elements.length + items.flows.length + items.boundaries.length === 0) return model
  const assets = new Set<string>(model.dataAssets.map((asset) => asset.id))
  const known = <Id extends string>(list: readonly Id[]): Id[] => list.filter((id) => assets.has(id))
  return updateDiagram(model, diagramId, (diagram) => ({
    ...diagram,
    elements: [...diagram.elements, ...items.elements.map((e) => ({ ...e, dataProcessed: known(e.dataProcessed), dataStored: known(e.dataStored) }))],
    flows: [...diagram.flows, ...items.flows.map((f) => ({ ...f, dataSent: known(f.dataSent), dataReceived: known(f.dataReceived) }))],
    boundaries: [...diagram.boundaries, ...items.boundaries]
  }))
}

/** Ids of all items, for selecting what was just pasted. */
export function clipboardIds(items: ClipboardItems): DiagramItemId[] {
  return [...items.elements, ...items.flows, ...items.boundaries].map((item) => item.id)
}
