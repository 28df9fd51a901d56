import { boundariesContaining, boundariesCrossed, boundaryMembers, crossesBoundary, flowPolyline } from '../model/geometry'
import type { Diagram, DiagramElement, Flow, Property } from '../model/model'
import { displayName, type ModelNames } from './model-names'
import type { PropertyText, ReportDiagram } from './report-types'

export interface DiagramScope {
  readonly includeOutOfScope: boolean
  readonly includeDrawing: boolean
}

/**
 * A diagram's inventories and drawing. Without out-of-scope items, an out-of-scope element goes, and so
 * does every flow that is out of scope or touches one, so nothing points at a missing element.
 */
export function buildReportDiagram(diagram: Diagram, scope: DiagramScope, names: ModelNames): ReportDiagram {
  const elements = diagram.elements.filter((element) => scope.includeOutOfScope || !element.outOfScope)
  const kept = new Set<string>(elements.map((element) => element.id))
  const flows = diagram.flows.filter((flow) => scope.includeOutOfScope || !isFlowOutOfScope(flow, diagram))
  const flowIds = new Set<string>(flows.map((flow) => flow.id))
  return {
    id: diagram.id,
    name: displayName(diagram.name, diagram.id),
    drawing: scope.includeDrawing
      ? {
          elements: elements.map((element) => ({
            name: displayName(element.name, element.id),
            kind: element.kind,
            layout: element.layout,
            outOfScope: element.outOfScope
          })),
          flows: flows.map((flow) => ({ name: flow.name, points: flowPolyline(flow) })),
          boundaries: diagram.boundaries.map((boundary) => ({ name: boundary.name, shape: boundary.shape }))
        }
      : null,
    elements: elements.map((element) => ({
      id: element.id,
      name: displayName(element.name, element.id),
      kind: element.kind,
      typeId: element.typeId,
      description: element.description,
      outOfScope: element.outOfScope,
      outOfScopeReason: element.outOfScope ? (element.outOfScopeReason.trim() || null) : null,
      boundaries: boundariesContaining(diagram, element.id).map((boundary) => displayName(boundary.name, boundary.id)),
      properties: element.properties.map(propertyText)
    })),
    flows: flows.map((flow) => ({
      id: flow.id,
      name: displayName(flow.name, flow.id),
      source: names.item(flow.source),
      target: names.item(flow.target),
      dataSent: flow.dataSent.map((id) => names.item(id)),
      dataReceived: flow.dataReceived.map((id) => names.item(id)),
      boundariesCrossed: boundariesCrossed(diagram, flow).map((id) => names.item(id)),
      outOfScope: flow.outOfScope,
      properties: flow.properties.map(propertyText)
    })),
    boundaries: diagram.boundaries.map((boundary) => ({
      id: boundary.id,
      name: displayName(boundary.name, boundary.id),
      shape: boundary.shape.kind,
      description: boundary.description,
      members: boundaryMembers(diagram, boundary)
        .filter((id) => kept.has(id))
        .map((id) => names.item(id)),
      crossedBy: diagram.flows
        .filter((flow) => flowIds.has(flow.id) && crossesBoundary(flow, boundary))
        .map((flow) => displayName(flow.name, flow.id))
    }))
  }
}

/** A flow is out of scope when it says so or either end is an out-of-scope element. */
export function isFlowOutOfScope(flow: Flow, diagram: Diagram): boolean {
  if (flow.outOfScope) return true
  return diagram.elements.some((element) => element.outOfScope && (element.id === flow.source || element.id === flow.target))
}

export function isElementOutOfScope(element: DiagramElement | undefined): boolean {
  return element?.outOfScope ?? false
}

function propertyText(property: Property): PropertyText {
  switch (property.kind) {
    case 'string':
      return { label: property.label, value: property.value }
    case 'boolean':
      return { label: property.label, value: property.value ? 'yes' : 'no' }
    case 'list':
      return { label: property.label, value: property.selected === null ? '(none)' : (property.options[property.selected] ?? '(none)') }
  }
}
