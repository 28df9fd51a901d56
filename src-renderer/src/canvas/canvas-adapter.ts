import cytoscape from 'cytoscape'
import type { Core, ElementDefinition, SingularElementReturnValue, StylesheetJson } from 'cytoscape'
import type { Diagram, Threat } from '../../../model/model'
import { projectDiagram, type CanvasEdge, type CanvasNode } from './project-diagram'
import { DIAGRAM_STYLE } from './style'

/** Read-only counts of what is drawn (see installCanvasProbe). Anchors are not counted: they draw nothing. */
export interface CanvasProbe {
  nodeCount(): number
  edgeCount(): number
  /** Model ids of the drawn elements, flows and boundaries. */
  elementIds(): string[]
}

export interface CanvasAdapter extends CanvasProbe {
  /** Projects the diagram and applies the difference to the graph in one batch. */
  render(diagram: Diagram, threats: readonly Threat[]): void
  zoomIn(): void
  zoomOut(): void
  fit(): void
  destroy(): void
}

export interface CanvasOptions {
  /** No rendering (happy-dom and Node tests, where there is no canvas); the graph is still built. */
  readonly headless?: boolean
}

const ZOOM_STEP = 1.25
const FIT_PADDING = 32

/**
 * The imperative half of the canvas: owns one Cytoscape instance and keeps it equal to the projection of
 * the model. Positions always come from the model (preset, never an automatic layout). Read-only until
 * the editor lands: nodes cannot be dragged and there is no box selection, but panning, zooming and
 * selecting work. A plain module, not a component, so nothing Cytoscape ever sits in Svelte state.
 */
export function createCanvasAdapter(container: HTMLElement | null, options: CanvasOptions = {}): CanvasAdapter {
  const headless = options.headless ?? false
  const cy: Core = cytoscape({
    ...(headless ? { headless: true, styleEnabled: false } : { container }),
    style: DIAGRAM_STYLE as unknown as StylesheetJson,
    layout: { name: 'preset' },
    autoungrabify: true,
    boxSelectionEnabled: false,
    selectionType: 'single',
    minZoom: 0.1,
    maxZoom: 4
  })
  let shownDiagramId: string | null = null

  const zoomBy = (factor: number): void => {
    const level = Math.min(cy.maxZoom(), Math.max(cy.minZoom(), cy.zoom() * factor))
    cy.zoom({ level, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } })
  }
  const drawn = () => cy.elements().not('.anchor')

  return {
    render(diagram, threats) {
      const projection = projectDiagram(diagram, threats)
      cy.batch(() => applyProjection(cy, projection.nodes, projection.edges))
      // A new diagram is framed once; re-renders of the same one keep the reviewer's pan and zoom.
      if (diagram.id !== shownDiagramId) {
        shownDiagramId = diagram.id
        cy.fit(undefined, FIT_PADDING)
      }
    },
    zoomIn: () => zoomBy(ZOOM_STEP),
    zoomOut: () => zoomBy(1 / ZOOM_STEP),
    fit: () => cy.fit(undefined, FIT_PADDING),
    nodeCount: () => cy.nodes().not('.anchor').length,
    edgeCount: () => cy.edges().length,
    elementIds: () => drawn().map((element) => String(element.data('modelId'))),
    destroy: () => cy.destroy()
  }
}

/**
 * Add, update or remove by id. Nodes go first so that every edge finds its ends; an edge whose ends
 * changed is replaced, since Cytoscape cannot re-attach an edge through `data()`.
 */
export function applyProjection(cy: Core, nodes: readonly CanvasNode[], edges: readonly CanvasEdge[]): void {
  const wanted = new Set<string>([...nodes, ...edges].map((definition) => definition.data.id))
  cy.elements()
    .filter((element) => !wanted.has(element.id()))
    .remove()

  for (const node of nodes) {
    const existing = cy.getElementById(node.data.id)
    if (existing.empty()) {
      cy.add(toDefinition(node))
      continue
    }
    updateData(existing, node.data)
    const position = existing.position()
    if (position.x !== node.position.x || position.y !== node.position.y) existing.position({ ...node.position })
    existing.classes(node.classes)
  }

  for (const edge of edges) {
    const existing = cy.getElementById(edge.data.id)
    if (!existing.empty() && (existing.data('source') !== edge.data.source || existing.data('target') !== edge.data.target)) {
      existing.remove()
    }
    const current = cy.getElementById(edge.data.id)
    if (current.empty()) {
      cy.add(toDefinition(edge))
      continue
    }
    updateData(current, edge.data)
    current.classes(edge.classes)
  }
}

/** Sets the new data and drops keys the projection no longer has (a flow that lost its bends). */
function updateData(element: SingularElementReturnValue, data: Readonly<Record<string, unknown>>): void {
  const stale = Object.keys(element.data() as Record<string, unknown>).filter(
    (key) => !(key in data) && key !== 'id' && key !== 'source' && key !== 'target'
  )
  if (stale.length > 0) element.removeData(stale.join(' '))
  element.data(copyData(data))
}

/** Cytoscape keeps and may mutate the data it is given; the projection's arrays stay ours. */
function copyData(data: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(data).map(([key, value]) => [key, Array.isArray(value) ? [...value] : value]))
}

function toDefinition(definition: CanvasNode | CanvasEdge): ElementDefinition {
  return {
    group: definition.group,
    data: copyData(definition.data) as ElementDefinition['data'],
    classes: definition.classes,
    ...(definition.group === 'nodes' ? { position: { ...definition.position } } : {})
  }
}
