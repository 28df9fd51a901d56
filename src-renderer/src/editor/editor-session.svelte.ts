import { typeProperties } from '../../../analysis/template-properties'
import { alignItems, arrangeableItems, distributeItems, type Alignment, type DistributeAxis } from '../../../model/edits/arrange'
import { cloneItems, clipboardIds, copyItems, pasteItems, type ClipboardItems } from '../../../model/edits/clipboard'
import {
  addBendPoint,
  addBoundary,
  addElement,
  addFlow,
  attachmentPoint,
  createElement,
  deleteItems,
  moveItems,
  patchItems,
  reconnectFlowEnd,
  removeBendPoint,
  setItemRect,
  setPropertyValue,
  type ItemPatch,
  type PropertyValue
} from '../../../model/edits/diagram-edits'
import { addDiagram, deleteDiagram, duplicateDiagram, moveDiagram, renameDiagram } from '../../../model/edits/diagram-list-edits'
import { addLineBoundaryPoint, moveBendPoint, moveLineBoundaryPoint, removeLineBoundaryPoint } from '../../../model/edits/point-edits'
import { newBoxBoundary, newDiagram, newFlow, newLineBoundary } from '../../../model/factory'
import type { Point, Rect } from '../../../model/geometry-types'
import type { BoundaryId, DiagramId, DiagramItemId, ElementId, FlowId } from '../../../model/ids'
import type { Diagram, Property, ThreatModel } from '../../../model/model'
import type { Template } from '../../../model/template'
import type { CanvasAdapter } from '../canvas/canvas-adapter'
import { DEFAULT_BOUNDARY_SIZE } from '../canvas/canvas-gestures'
import type { CanvasGestures, CanvasTool } from '../canvas/canvas-tools'
import { GRID_SIZE, gridStep, snapPoint, snapRectOrigin } from '../canvas/grid'
import type { ContextTarget } from '../commands/context-menu'
import type { DocumentStore } from '../document/document-store.svelte'
import { templateOf, type PaletteEntry } from './palette-entries'
import { nextInCycle } from './tab-order'
import { uniqueName } from './unique-name'
import { loadViewPreferences, saveViewPreferences } from './view-preferences'

/** Paste lands this far down and right of the copy, more for each paste, so copies never hide each other. */
const PASTE_OFFSET = 32
const BOUNDARY_PADDING = 30
const LINE_BOUNDARY_LENGTH = 240

/** What the stage around the canvas lends the session (EditorStage.svelte). */
export interface EditorStageHooks {
  /** A space or middle-button pan in progress goes back; true when there was one. */
  cancelPan(): boolean
  /** Focus leaves the canvas (Esc with nothing left to cancel). */
  leave(): void
}

/**
 * The editor's session: selection, tool and clipboard (never saved), and every editing action as a
 * model edit through `store.edit`, so diagram edits share the document's one undo history. The canvas
 * reports gestures here; commands and panels call the same methods.
 */
export class EditorSession {
  /** Model ids of the selected items on the active diagram, in selection order. */
  selection = $state.raw<readonly string[]>([])
  tool = $state<CanvasTool>('select')
  /** The palette entry the next canvas click adds (click-then-click). */
  placing = $state.raw<PaletteEntry | null>(null)
  /** View ▸ Grid and Snap, View ▸ Minimap: the reviewer's preference (view-preferences.ts). */
  gridOn = $state(true)
  minimapOn = $state(true)
  /** The open context menu: what it is for and where (page pixels). */
  contextMenu = $state.raw<{ readonly target: ContextTarget; readonly page: Point } | null>(null)

  readonly #store: DocumentStore
  #canvas: CanvasAdapter | null = null
  // State, so Paste enables in menus as soon as something is copied.
  #clipboard = $state.raw<ClipboardItems | null>(null)
  #pastes = 0
  // What the stage around the canvas owns: a space/middle-button pan, and focus (EditorStage.svelte).
  #stage: EditorStageHooks | null = null

  constructor(store: DocumentStore) {
    this.#store = store
    const preferences = loadViewPreferences()
    this.gridOn = preferences.grid
    this.minimapOn = preferences.minimap
  }

  get diagram(): Diagram | null {
    return this.#store.activeDiagram
  }

  get template(): Template | null {
    return templateOf(this.#store.current?.model.template ?? null)
  }

  get canPaste(): boolean {
    return this.#clipboard !== null
  }

  attach(canvas: CanvasAdapter | null): void {
    this.#canvas = canvas
    canvas?.setTool(this.tool)
    canvas?.setSnap(this.gridOn ? GRID_SIZE : null)
  }

  attachStage(stage: EditorStageHooks | null): void {
    this.#stage = stage
  }

  /** What the canvas reports, turned into edits. */
  readonly gestures: CanvasGestures = {
    selectionChanged: (ids) => {
      this.selection = ids
    },
    move: (ids, delta, gesture) => this.#edit('Move', (model, id) => moveItems(model, id, ids as DiagramItemId[], delta), gesture),
    resize: (id, rect, gesture) => this.#edit('Resize', (model, diagramId) => setItemRect(model, diagramId, id as DiagramItemId, rect), gesture),
    connect: (source, target, point) => this.connect(source as ElementId, target as ElementId | null, point),
    addBend: (flowId, point) => this.#edit('Add bend point', (model, id) => addBendPoint(model, id, flowId as FlowId, point)),
    removeBend: (flowId, index) => this.#edit('Remove bend point', (model, id) => removeBendPoint(model, id, flowId as FlowId, index)),
    moveBend: (flowId, index, point) => this.#edit('Move bend point', (model, id) => moveBendPoint(model, id, flowId as FlowId, index, point)),
    reconnect: (flowId, end, elementId, point) =>
      this.#edit(elementId === null ? 'Detach flow end' : 'Reconnect flow', (model, id) =>
        reconnectFlowEnd(model, id, flowId as FlowId, end, elementId as ElementId | null, point)
      ),
    moveLinePoint: (boundaryId, index, point) =>
      this.#edit('Move boundary point', (model, id) => moveLineBoundaryPoint(model, id, boundaryId as BoundaryId, index, point)),
    addLinePoint: (boundaryId, point) =>
      this.#edit('Add boundary point', (model, id) => addLineBoundaryPoint(model, id, boundaryId as BoundaryId, point)),
    removeLinePoint: (boundaryId, index) =>
      this.#edit('Remove boundary point', (model, id) => removeLineBoundaryPoint(model, id, boundaryId as BoundaryId, index)),
    drawBoundary: (rect) => {
      this.addBoxBoundary(rect)
      this.setTool('select')
    },
    place: (point) => {
      const entry = this.placing
      if (entry) this.addEntry(entry, point)
    },
    contextMenu: (itemId, page) => {
      // A right click on an unselected item acts on that item alone; on a selected one, on the selection.
      if (itemId === null) this.select([])
      else if (!this.selection.includes(itemId)) this.select([itemId])
      this.contextMenu = { target: this.#targetOf(itemId), page }
    }
  }

  setTool(tool: CanvasTool): void {
    this.tool = tool
    if (tool !== 'place') this.placing = null
    this.#canvas?.setTool(tool)
  }

  /** Click on a palette entry: a flow starts connect mode, a box boundary drawing, anything else placing. */
  arm(entry: PaletteEntry): void {
    if (entry.drawnAs === 'flow') return this.setTool('connect')
    if (entry.drawnAs === 'boxBoundary') return this.setTool('boundary')
    this.setTool('place')
    this.placing = entry
  }

  /** Adds a palette entry centred on `point` (a drop, or the click after arming) and selects it. */
  addEntry(entry: PaletteEntry, dropPoint: Point): void {
    const diagram = this.diagram
    if (!diagram) return
    const properties = this.#propertiesOf(entry.typeId)
    const name = uniqueName(diagram, entry.label)
    let id: string
    // Snapping: the new shape's top-left corner (or a line's ends) on the grid, as a drag would put it.
    const point = this.gridOn ? snapPoint(dropPoint, GRID_SIZE) : dropPoint
    if (entry.drawnAs === 'flow') {
      const flow = { ...newFlow(null, null, { sourcePoint: { x: point.x - 80, y: point.y }, targetPoint: { x: point.x + 80, y: point.y } }), name, typeId: entry.typeId, properties }
      id = flow.id
      this.#edit('Add flow', (model, diagramId) => addFlow(model, diagramId, flow))
    } else if (entry.drawnAs === 'boxBoundary' || entry.drawnAs === 'lineBoundary') {
      const boundary =
        entry.drawnAs === 'boxBoundary'
          ? newBoxBoundary({ x: point.x - DEFAULT_BOUNDARY_SIZE.width / 2, y: point.y - DEFAULT_BOUNDARY_SIZE.height / 2, ...DEFAULT_BOUNDARY_SIZE })
          : newLineBoundary([{ x: point.x, y: point.y - LINE_BOUNDARY_LENGTH / 2 }, { x: point.x, y: point.y + LINE_BOUNDARY_LENGTH / 2 }])
      id = boundary.id
      this.#edit('Add boundary', (model, diagramId) => addBoundary(model, diagramId, { ...boundary, name, typeId: entry.typeId, properties }))
    } else {
      const created = createElement(entry.drawnAs, entry.typeId, point, name, properties)
      const element = this.gridOn ? { ...created, layout: snapRectOrigin(created.layout, GRID_SIZE) } : created
      id = element.id
      this.#edit(`Add ${entry.label}`, (model, diagramId) => addElement(model, diagramId, element))
    }
    this.setTool('select')
    this.select([id])
  }

  connect(source: ElementId, target: ElementId | null, point: Point): void {
    const diagram = this.diagram
    const from = diagram?.elements.find((element) => element.id === source)
    if (!diagram || !from || source === target) return
    const to = target === null ? undefined : diagram.elements.find((element) => element.id === target)
    const flow = {
      ...newFlow(source, to ? to.id : null, { sourcePoint: attachmentPoint(from), targetPoint: to ? attachmentPoint(to) : point }),
      name: uniqueName(diagram, 'Data flow'),
      properties: this.#propertiesOf('GE.DF')
    }
    this.#edit('Connect', (model, diagramId) => addFlow(model, diagramId, flow))
    this.setTool('select')
    this.select([flow.id])
  }

  /** C: two selected elements are connected in the order they were picked; otherwise connect mode. */
  connectSelection(): void {
    const elements = this.#selectedElements()
    const [first, second] = elements
    if (first && second) return this.connect(first, second, { x: 0, y: 0 })
    this.setTool('connect')
  }

  /** B: a box around the selected elements; with nothing selected, boundary drawing mode. */
  addBoundaryAroundSelection(): void {
    const diagram = this.diagram
    const chosen = diagram?.elements.filter((element) => this.selection.includes(element.id)) ?? []
    if (chosen.length === 0) return this.setTool('boundary')
    const left = Math.min(...chosen.map((element) => element.layout.x)) - BOUNDARY_PADDING
    const top = Math.min(...chosen.map((element) => element.layout.y)) - BOUNDARY_PADDING
    const right = Math.max(...chosen.map((element) => element.layout.x + element.layout.width)) + BOUNDARY_PADDING
    const bottom = Math.max(...chosen.map((element) => element.layout.y + element.layout.height)) + BOUNDARY_PADDING
    this.addBoxBoundary({ x: left, y: top, width: right - left, height: bottom - top })
  }

  addBoxBoundary(rect: Rect): void {
    const diagram = this.diagram
    if (!diagram) return
    const boundary = { ...newBoxBoundary(rect), name: uniqueName(diagram, 'Trust boundary'), properties: this.#propertiesOf('GE.TB.B') }
    this.#edit('Add boundary', (model, diagramId) => addBoundary(model, diagramId, boundary))
    this.select([boundary.id])
  }

  select(ids: readonly string[]): void {
    this.selection = [...ids]
    this.#canvas?.select(ids)
  }

  selectAll(): void {
    const diagram = this.diagram
    if (!diagram) return
    this.select([...diagram.elements, ...diagram.flows, ...diagram.boundaries].map((item) => item.id))
  }

  /**
   * Esc, one layer at a time (draw.io): the gesture in progress (a pan, a connection or a box being
   * drawn), else the armed tool, else the selection; with nothing left to cancel, focus leaves the canvas,
   * so Tab — which cycles elements there — cannot trap a keyboard user.
   */
  cancel(): void {
    if (this.contextMenu !== null) {
      this.closeContextMenu()
      return
    }
    if (this.#stage?.cancelPan() === true || this.#canvas?.cancelGesture() === true) return
    if (this.tool !== 'select') return this.setTool('select')
    if (this.selection.length > 0) return this.select([])
    this.#stage?.leave()
  }

  /** Tab / Shift+Tab: the next or previous element, brought into view. */
  selectNext(step: 1 | -1): void {
    const diagram = this.diagram
    if (!diagram) return
    const next = nextInCycle(
      diagram.elements.map((element) => element.id),
      this.selection,
      step
    )
    if (next === null) return
    this.select([next])
    this.#canvas?.reveal([next])
  }

  align(alignment: Alignment): void {
    const ids = [...this.selection]
    this.#edit(`Align ${alignment}`, (model, diagramId) => alignItems(model, diagramId, ids, alignment))
  }

  distribute(axis: DistributeAxis): void {
    const ids = [...this.selection]
    this.#edit(`Distribute ${axis}ly`, (model, diagramId) => distributeItems(model, diagramId, ids, axis))
  }

  toggleGrid(): void {
    this.gridOn = !this.gridOn
    this.#canvas?.setSnap(this.gridOn ? GRID_SIZE : null)
    this.#savePreferences()
  }

  toggleMinimap(): void {
    this.minimapOn = !this.minimapOn
    this.#savePreferences()
  }

  /** Shift+F10 / the Menu key: the menu of the selection, at its middle (or the canvas's). */
  openContextMenu(): void {
    const [first] = this.selection
    const page = this.#canvas?.pageCentre(this.selection) ?? { x: 0, y: 0 }
    this.contextMenu = { target: this.#targetOf(first ?? null), page }
  }

  closeContextMenu(): void {
    this.contextMenu = null
  }

  deleteSelection(): void {
    const ids = this.selection as DiagramItemId[]
    if (ids.length === 0) return
    this.#edit(ids.length === 1 ? 'Delete' : `Delete ${ids.length} items`, (model, diagramId) => deleteItems(model, diagramId, ids))
    this.select([])
  }

  copy(): void {
    const diagram = this.diagram
    if (!diagram || this.selection.length === 0) return
    this.#clipboard = copyItems(diagram, this.selection as DiagramItemId[])
    this.#pastes = 0
  }

  cut(): void {
    this.copy()
    this.deleteSelection()
  }

  paste(): void {
    if (!this.#clipboard) return
    this.#pastes += 1
    this.#insert('Paste', this.#clipboard, PASTE_OFFSET * this.#pastes)
  }

  duplicate(): void {
    const diagram = this.diagram
    if (!diagram || this.selection.length === 0) return
    this.#insert('Duplicate', copyItems(diagram, this.selection as DiagramItemId[]), PASTE_OFFSET)
  }

  /** Arrow keys: one pixel. Consecutive nudges of one selection undo together. */
  nudge(dx: number, dy: number): void {
    const ids = this.selection as DiagramItemId[]
    if (ids.length === 0) return
    this.#edit('Move', (model, diagramId) => moveItems(model, diagramId, ids, { x: dx, y: dy }), `nudge:${ids.join(',')}`)
  }

  /**
   * Shift+arrow: one grid step (canvas/grid.ts). While snapping, the first selected shape's corner goes
   * to the next grid line, so an off-grid shape lands on the grid the canvas shows.
   */
  nudgeByGrid(directionX: number, directionY: number): void {
    const diagram = this.diagram
    if (!diagram) return
    const reference = arrangeableItems(diagram, this.selection)[0]?.rect
    const dx = reference ? gridStep(reference.x, directionX, GRID_SIZE, this.gridOn) : directionX * GRID_SIZE
    const dy = reference ? gridStep(reference.y, directionY, GRID_SIZE, this.gridOn) : directionY * GRID_SIZE
    this.nudge(dx, dy)
  }

  zoomToSelection(): void {
    this.#canvas?.zoomToSelection()
  }

  /** Select and frame one item (a validation message clicked). */
  locate(id: string): void {
    this.select([id])
    this.#canvas?.zoomToSelection()
  }

  /** Common fields of the selection. `coalesceKey` merges a run of keystrokes in one field into one step. */
  patchSelection(label: string, patch: ItemPatch, coalesceKey: string | null = null): void {
    const ids = this.selection as DiagramItemId[]
    this.#edit(label, (model, diagramId) => patchItems(model, diagramId, ids, patch), coalesceKey)
  }

  setProperty(key: string, value: PropertyValue, definition: Property | undefined, coalesceKey: string | null = null): void {
    const ids = this.selection as DiagramItemId[]
    this.#edit('Edit property', (model, diagramId) => setPropertyValue(model, diagramId, ids, key, value, definition), coalesceKey)
  }

  addDiagram(): void {
    const model = this.#store.current?.model
    if (!model) return
    const diagram = newDiagram(`Diagram ${model.diagrams.length + 1}`)
    this.#store.edit('Add diagram', (current) => addDiagram(current, diagram))
    this.#showDiagram(diagram.id)
  }

  renameDiagram(id: DiagramId, name: string): void {
    this.#store.edit('Rename diagram', (model) => renameDiagram(model, id, name))
  }

  duplicateDiagram(id: DiagramId): void {
    const before = this.#store.current?.model.diagrams.length ?? 0
    this.#store.edit('Duplicate diagram', (model) => duplicateDiagram(model, id))
    const diagrams = this.#store.current?.model.diagrams ?? []
    const index = diagrams.findIndex((diagram) => diagram.id === id)
    const copy = diagrams[index + 1]
    if (diagrams.length > before && copy) this.#showDiagram(copy.id)
  }

  deleteDiagram(id: DiagramId): void {
    const diagrams = this.#store.current?.model.diagrams ?? []
    const index = diagrams.findIndex((diagram) => diagram.id === id)
    this.#store.edit('Delete diagram', (model) => deleteDiagram(model, id))
    const remaining = this.#store.current?.model.diagrams ?? []
    const next = remaining[Math.min(index, remaining.length - 1)]
    if (next) this.#showDiagram(next.id)
  }

  moveDiagram(id: DiagramId, step: number): void {
    const diagrams = this.#store.current?.model.diagrams ?? []
    const index = diagrams.findIndex((diagram) => diagram.id === id)
    this.#store.edit('Reorder diagrams', (model) => moveDiagram(model, id, index + step))
  }

  #showDiagram(id: DiagramId): void {
    this.selection = []
    this.setTool('select')
    this.#store.selectDiagram(id)
  }

  #insert(label: string, items: ClipboardItems, offset: number): void {
    const clones = cloneItems(items, { x: offset, y: offset })
    this.#edit(label, (model, diagramId) => pasteItems(model, diagramId, clones))
    this.select(clipboardIds(clones))
  }

  #targetOf(itemId: string | null): ContextTarget {
    const diagram = this.diagram
    if (itemId === null || !diagram) return 'canvas'
    if (diagram.elements.some((element) => element.id === itemId)) return 'element'
    if (diagram.flows.some((flow) => flow.id === itemId)) return 'flow'
    return diagram.boundaries.some((boundary) => boundary.id === itemId) ? 'boundary' : 'canvas'
  }

  #savePreferences(): void {
    saveViewPreferences({ grid: this.gridOn, minimap: this.minimapOn })
  }

  #selectedElements(): ElementId[] {
    const elements = this.diagram?.elements ?? []
    return this.selection.filter((id) => elements.some((element) => element.id === id)) as ElementId[]
  }

  #propertiesOf(typeId: string): Property[] {
    const template = this.template
    return template ? typeProperties(template, typeId) : []
  }

  #edit(label: string, change: (model: ThreatModel, diagramId: DiagramId) => ThreatModel, coalesceKey: string | null = null): void {
    const diagramId = this.diagram?.id
    if (diagramId === undefined) return
    this.#store.edit(label, (model) => change(model, diagramId), coalesceKey)
  }
}
