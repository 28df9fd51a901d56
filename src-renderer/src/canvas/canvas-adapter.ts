import cytoscape from 'cytoscape'
import type { Core, ElementDefinition, SingularElementReturnValue, StylesheetJson } from 'cytoscape'
import type { Diagram, Threat } from '../../../model/model'
import { installGestures, type GestureState } from './canvas-gestures'
import { keepDragOnDragLayer } from './drag-layer-redraw'
import { createViewportControl, type Viewport, type ViewportControl } from './canvas-viewport'
import { refreshHandles } from './canvas-handles'
import type { CanvasGestures, CanvasTool } from './canvas-tools'
import { projectDiagram, type CanvasEdge, type CanvasNode } from './project-diagram'
import { diagramStyle, type CanvasTheme } from './style'

/** Read-only counts of what is drawn (see installCanvasProbe). Anchors are not counted: they draw nothing. */
export interface CanvasProbe {
  nodeCount(): number
  edgeCount(): number
  /** Model ids of the drawn elements, flows and boundaries. */
  elementIds(): string[]
  /** Model ids of the selected items, in selection order. */
  selectedIds(): string[]
  /** The classes of the item drawing this model id ('' when none): flags such as `crosses-boundary`. */
  classesOf(modelId: string): string
  /** Where an item is on the page (client pixels), so tests can point the real mouse at it. */
  pageBox(modelId: string): { x: number; y: number; width: number; height: number } | null
  /** The page point of the middle of a flow's line. */
  pageMidpoint(flowId: string): { x: number; y: number } | null
  /** Pan and zoom: a space-drag or the minimap moves the view, never the model. */
  viewport(): Viewport
  /** Where a drawn element or box is in model coordinates (top-left and size), as the model placed it. */
  modelBox(modelId: string): { x: number; y: number; width: number; height: number } | null
}

export interface CanvasAdapter extends CanvasProbe, ViewportControl {
  /** Drags, drawn boxes and resizes snap to this grid step; null turns snapping off. */
  setSnap(step: number | null): void
  /** Esc: drops a connection or boundary being drawn; true when there was one. */
  cancelGesture(): boolean
  /** Projects the diagram and applies the difference to the graph in one batch. */
  render(diagram: Diagram, threats: readonly Threat[]): void
  zoomIn(): void
  zoomOut(): void
  fit(): void
  /** Frames the selected items (or everything when nothing is selected). */
  zoomToSelection(): void
  /** Selects exactly these model ids (paste, select all, a validation message clicked). */
  select(ids: readonly string[]): void
  setTool(tool: CanvasTool): void
  setTheme(theme: CanvasTheme): void
  /** Model coordinates of a page point (drop from the palette). */
  modelPoint(clientX: number, clientY: number): { x: number; y: number }
  destroy(): void
}

export interface CanvasOptions {
  /** No rendering (happy-dom and Node tests, where there is no canvas); the graph is still built. */
  readonly headless?: boolean
  /** Editing: without it the canvas is a read-only view (reports, previews). */
  readonly gestures?: CanvasGestures
  readonly theme?: CanvasTheme
}

const ZOOM_STEP = 1.25
const FIT_PADDING = 32

/**
 * The imperative half of the canvas: owns one Cytoscape instance and keeps it equal to the projection of
 * the model. Positions always come from the model (preset, never an automatic layout). With `gestures`
 * it edits: drags, handles and tools report intents (canvas-gestures.ts) that become model edits, and
 * the next render draws their result. A plain module, not a component, so nothing Cytoscape ever sits in Svelte state.
 */
export function createCanvasAdapter(container: HTMLElement | null, options: CanvasOptions = {}): CanvasAdapter {
  const headless = options.headless ?? false
  const editable = options.gestures !== undefined
  const cy: Core = cytoscape({
    ...(headless ? { headless: true, styleEnabled: false } : { container }),
    style: diagramStyle(options.theme ?? 'light') as unknown as StylesheetJson,
    layout: { name: 'preset' },
    autoungrabify: !editable,
    // With panning on, Cytoscape box-selects on Shift/Ctrl+drag; Shift+click adds to the selection.
    boxSelectionEnabled: editable,
    selectionType: 'single',
    minZoom: 0.1,
    maxZoom: 4
  })
  if (editable && !headless) keepDragOnDragLayer(cy)
  let shownDiagramId: string | null = null
  // Session state: which model ids are selected, in the order the user picked them (connect uses it).
  let selection: string[] = []
  let rendering = false
  const state: GestureState = { tool: 'select', diagram: null, snapStep: null }

  const itemsOf = (ids: readonly string[]) => {
    const wanted = new Set(ids)
    return cy.elements().filter((element) => !element.hasClass('anchor') && !element.hasClass('ui') && wanted.has(String(element.data('modelId'))))
  }
  const syncSelection = (): void => {
    if (rendering) return
    const now = new Set(
      cy
        .elements(':selected')
        .filter((element) => !element.hasClass('ui') && !element.hasClass('anchor'))
        .map((element) => String(element.data('modelId')))
    )
    const next = [...selection.filter((id) => now.has(id)), ...[...now].filter((id) => !selection.includes(id))]
    if (next.length === selection.length && next.every((id, index) => id === selection[index])) return
    selection = next
    refreshHandles(cy, selection, state.diagram)
    options.gestures?.selectionChanged([...selection])
  }
  const gestures = options.gestures ? installGestures(cy, state, options.gestures, () => [...selection]) : null
  cy.on('select unselect', syncSelection)

  const zoomBy = (factor: number): void => {
    const level = Math.min(cy.maxZoom(), Math.max(cy.minZoom(), cy.zoom() * factor))
    cy.zoom({ level, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } })
  }
  // A filter, not `.not(selector)` twice: one pass over the graph instead of two collection diffs (~20 ms
  // on the 2,500-item bench diagram, paid on every fit and every probe count).
  const isDrawn = (element: { hasClass(name: string): boolean }): boolean => !element.hasClass('anchor') && !element.hasClass('ui')
  const drawn = () => cy.elements().filter(isDrawn)
  // An empty diagram has no bounding box to fit; Cytoscape would fit nothing, so keep the view.
  const fitDrawn = (): void => {
    const items = drawn()
    if (!items.empty()) cy.fit(items, FIT_PADDING)
    else cy.viewport({ zoom: 1, pan: { x: 0, y: 0 } })
  }

  return {
    ...createViewportControl(cy, container, itemsOf),
    setSnap: (step) => {
      state.snapStep = step
    },
    cancelGesture: () => gestures?.cancel() ?? false,
    modelBox(modelId) {
      const node = itemsOf([modelId]).nodes().first()
      if (node.empty()) return null
      const width = Number(node.data('width'))
      const height = Number(node.data('height'))
      return { x: node.position().x - width / 2, y: node.position().y - height / 2, width, height }
    },
    render(diagram, threats) {
      const projection = projectDiagram(diagram, threats)
      state.diagram = diagram
      rendering = true
      try {
        cy.batch(() => applyProjection(cy, projection.nodes, projection.edges))
        // A flow whose ends changed is re-added, which unselects it: the session's selection wins.
        if (selection.length > 0) itemsOf(selection).not(':selected').select()
      } finally {
        rendering = false
      }
      syncSelection()
      refreshHandles(cy, selection, state.diagram)
      // A new diagram is framed once; re-renders of the same one keep the reviewer's pan and zoom.
      if (diagram.id !== shownDiagramId) {
        shownDiagramId = diagram.id
        fitDrawn()
      }
    },
    zoomIn: () => zoomBy(ZOOM_STEP),
    zoomOut: () => zoomBy(1 / ZOOM_STEP),
    fit: () => fitDrawn(),
    zoomToSelection: () => {
      const chosen = itemsOf(selection)
      if (chosen.empty()) fitDrawn()
      else cy.fit(chosen, FIT_PADDING * 2)
    },
    select(ids) {
      cy.batch(() => {
        cy.elements(':selected').unselect()
        itemsOf(ids).select()
      })
      // Keep the caller's order (paste order, message order) rather than Cytoscape's. Ids not drawn yet
      // (an item just added: the model edit renders on the next tick) are selected by that render.
      selection = [...ids]
      refreshHandles(cy, selection, state.diagram)
      options.gestures?.selectionChanged([...selection])
    },
    setTool(tool) {
      state.tool = tool
      // Drawing a boundary needs the background drag that otherwise pans.
      cy.userPanningEnabled(tool !== 'boundary')
      cy.boxSelectionEnabled(editable && tool !== 'boundary')
    },
    setTheme: (theme) => {
      cy.style(diagramStyle(theme) as unknown as StylesheetJson)
    },
    modelPoint(clientX, clientY) {
      const bounds = container?.getBoundingClientRect() ?? { left: 0, top: 0 }
      const pan = cy.pan()
      const zoom = cy.zoom()
      return { x: Math.round((clientX - bounds.left - pan.x) / zoom), y: Math.round((clientY - bounds.top - pan.y) / zoom) }
    },
    nodeCount: () => cy.nodes().filter(isDrawn).length,
    edgeCount: () => cy.edges().filter(isDrawn).length,
    elementIds: () => drawn().map((element) => String(element.data('modelId'))),
    selectedIds: () => [...selection],
    classesOf: (modelId) => {
      const item = itemsOf([modelId]).first()
      return item.empty() ? '' : item.classes().join(' ')
    },
    pageBox(modelId) {
      const item = itemsOf([modelId]).first()
      if (item.empty() || !container) return null
      const bounds = container.getBoundingClientRect()
      const box = item.renderedBoundingBox({ includeLabels: false })
      return { x: bounds.left + box.x1, y: bounds.top + box.y1, width: box.w, height: box.h }
    },
    pageMidpoint(flowId) {
      const edge = itemsOf([flowId]).edges().first()
      if (edge.empty() || !container) return null
      const bounds = container.getBoundingClientRect()
      const middle = edge.renderedMidpoint()
      return { x: bounds.left + middle.x, y: bounds.top + middle.y }
    },
    destroy: () => {
      gestures?.remove()
      cy.destroy()
    }
  }
}

/**
 * Add, update or remove by id. Nodes go first so that every edge finds its ends; an edge whose ends
 * changed is replaced, since Cytoscape cannot re-attach an edge through `data()`. Only what differs is
 * set: Cytoscape restyles an element on every `data()` call, and restyling the whole diagram after each
 * edit (a drag's drop, a rename) took ~0.3 s on the 2,500-item bench diagram. New items go in one
 * `cy.add` per group.
 */
export function applyProjection(cy: Core, nodes: readonly CanvasNode[], edges: readonly CanvasEdge[]): void {
  const wanted = new Set<string>()
  for (const definition of nodes) wanted.add(definition.data.id)
  for (const definition of edges) wanted.add(definition.data.id)
  // `ui` elements are the canvas's own editing handles, not part of the projection.
  cy.elements()
    .filter((element) => !wanted.has(element.id()) && !element.hasClass('ui'))
    .remove()

  const newNodes: ElementDefinition[] = []
  for (const node of nodes) {
    const existing = cy.getElementById(node.data.id)
    if (existing.empty()) {
      newNodes.push(toDefinition(node))
      continue
    }
    updateData(existing, node.data)
    const position = existing.position()
    if (position.x !== node.position.x || position.y !== node.position.y) existing.position({ ...node.position })
    existing.classes(node.classes)
  }
  if (newNodes.length > 0) cy.add(newNodes)

  const newEdges: ElementDefinition[] = []
  for (const edge of edges) {
    const existing = cy.getElementById(edge.data.id)
    if (existing.empty()) {
      newEdges.push(toDefinition(edge))
      continue
    }
    if (existing.data('source') !== edge.data.source || existing.data('target') !== edge.data.target) {
      existing.remove()
      newEdges.push(toDefinition(edge))
      continue
    }
    updateData(existing, edge.data)
    existing.classes(edge.classes)
  }
  if (newEdges.length > 0) cy.add(newEdges)
}

/** Sets the keys whose values changed and drops keys the projection no longer has (a flow that lost its bends). */
function updateData(element: SingularElementReturnValue, data: Readonly<Record<string, unknown>>): void {
  const current = element.data() as Record<string, unknown>
  const stale = Object.keys(current).filter((key) => !(key in data) && !FIXED_KEYS.has(key))
  if (stale.length > 0) element.removeData(stale.join(' '))
  const changed = Object.entries(data).filter(([key, value]) => !FIXED_KEYS.has(key) && !sameValue(current[key], value))
  if (changed.length > 0) element.data(copyData(Object.fromEntries(changed)))
}

/** Cytoscape's immutable data keys: an edge with other ends is replaced instead. */
const FIXED_KEYS: ReadonlySet<string> = new Set(['id', 'source', 'target'])

/** Projection values are strings, numbers or arrays of numbers. */
function sameValue(current: unknown, wanted: unknown): boolean {
  if (!Array.isArray(wanted)) return current === wanted
  return Array.isArray(current) && current.length === wanted.length && current.every((value, index) => value === wanted[index])
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
    // Anchors hold loose ends; the user moves the flow, never its invisible holder.
    ...(definition.data.role === 'anchor' ? { grabbable: false, selectable: false } : {}),
    ...(definition.group === 'nodes' ? { position: { ...definition.position } } : {})
  }
}
