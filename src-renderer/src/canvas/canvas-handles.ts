import type { Core, NodeSingular } from 'cytoscape'
import type { Diagram } from '../../../model/model'
import { refreshPointHandles } from './canvas-point-handles'

/**
 * Editing handles: small Cytoscape nodes that belong to the canvas, not the model (class `ui`, which
 * the projection diff leaves alone). One selected element gets a connect handle on its right (drag it
 * onto another element to draw a flow) and a resize handle on its bottom-right corner; one selected box
 * boundary gets the resize handle; one selected flow or trust line gets handles on its points
 * (canvas-point-handles.ts).
 */
export const HANDLE_ID = {
  connect: 'ui:connect-handle',
  resize: 'ui:resize-handle',
  ghost: 'ui:ghost-edge',
  ghostBox: 'ui:ghost-box'
} as const

const HANDLE_SIZE = 12
/** Gap between an element's outline and its connect handle, in model pixels. */
const CONNECT_GAP = 14

export function isHandle(element: { hasClass(name: string): boolean }): boolean {
  return element.hasClass('ui')
}

/** The node of the one selected element or box boundary, or null when the selection is not exactly one. */
export function handleOwner(cy: Core, selectedIds: readonly string[]): NodeSingular | null {
  if (selectedIds.length !== 1) return null
  const node = cy.nodes().filter((each) => !each.hasClass('ui') && !each.hasClass('anchor') && each.data('modelId') === selectedIds[0])[0]
  return node ?? null
}

/** Shows, moves or hides the handles for the current selection. A handle being dragged is left where it is. */
export function refreshHandles(cy: Core, selectedIds: readonly string[], diagram: Diagram | null): void {
  const owner = handleOwner(cy, selectedIds)
  const isElement = owner !== null && owner.data('role') !== 'boundary'
  placeHandle(cy, HANDLE_ID.connect, 'connect-handle', isElement && owner ? rightOf(owner) : null)
  placeHandle(cy, HANDLE_ID.resize, 'resize-handle', owner ? corner(owner) : null)
  refreshPointHandles(cy, diagram, selectedIds)
}

function rightOf(node: NodeSingular): { x: number; y: number } {
  const { x, y } = node.position()
  return { x: x + Number(node.data('width')) / 2 + CONNECT_GAP, y }
}

function corner(node: NodeSingular): { x: number; y: number } {
  const { x, y } = node.position()
  return { x: x + Number(node.data('width')) / 2, y: y + Number(node.data('height')) / 2 }
}

function placeHandle(cy: Core, id: string, kind: string, position: { x: number; y: number } | null): void {
  const existing = cy.getElementById(id)
  if (position === null) {
    if (!existing.empty() && !existing.grabbed()) existing.remove()
    return
  }
  if (existing.empty()) {
    cy.add({
      group: 'nodes',
      data: { id, width: HANDLE_SIZE, height: HANDLE_SIZE },
      position,
      classes: `ui handle ${kind}`,
      selectable: false,
      grabbable: true
    })
    return
  }
  if (!existing.grabbed()) existing.position(position)
}
