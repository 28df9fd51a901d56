import type { Core } from 'cytoscape'
import { moveDiagramItems } from '../../../model/edits/diagram-edits'
import type { Point } from '../../../model/geometry-types'
import type { DiagramItemId } from '../../../model/ids'
import type { Diagram } from '../../../model/model'
import { flowsTouchedByMove, projectFlowGeometry, type FlowGeometry } from './project-diagram'

/**
 * Live feedback while items are dragged, without editing the model on every frame.
 *
 * Cytoscape moves the grabbed nodes (and the lines attached to them) by itself. What it cannot know is
 * what the committed move will change in the flows: a crossing flag won or lost, bends that stay where
 * the reviewer put them, loose ends that travel with the selection. So once an animation frame the
 * flows this move touches (flowsTouchedByMove: those attached to a moved element; all of them when a
 * boundary moves) are projected as `moveItems` will leave them, and the canvas changes only what
 * differs. An ordinary frame changes nothing, so Cytoscape redraws just its drag layer
 * (drag-layer-redraw.ts). The drop commits one move (one undo step) and the next render draws it.
 *
 * Returns null when the move touches no flow: then there is nothing to preview.
 */
export function createDragPreview(cy: Core, diagram: Diagram, movingIds: readonly string[]): ((delta: Point) => void) | null {
  const touched = flowsTouchedByMove(diagram, movingIds)
  if (touched.size === 0) return null
  const ids = movingIds as readonly DiagramItemId[]
  return (delta) => {
    const geometries = projectFlowGeometry(moveDiagramItems(diagram, ids, delta), touched)
    cy.batch(() => {
      for (const geometry of geometries) showFlowGeometry(cy, geometry)
    })
  }
}

function showFlowGeometry(cy: Core, geometry: FlowGeometry): void {
  const edge = cy.getElementById(geometry.id)
  if (edge.empty()) return
  if (edge.hasClass('crosses-boundary') !== geometry.crossing) edge.toggleClass('crosses-boundary', geometry.crossing)
  const segments = geometry.segments
  // Without `bent` the stylesheet draws a straight line and ignores the segment data left behind.
  if (edge.hasClass('bent') !== (segments !== null)) edge.toggleClass('bent', segments !== null)
  if (segments !== null && (!sameNumbers(edge.data('segmentWeights'), segments.weights) || !sameNumbers(edge.data('segmentDistances'), segments.distances))) {
    edge.data({ segmentWeights: [...segments.weights], segmentDistances: [...segments.distances] })
  }
  for (const anchor of geometry.anchors) {
    const node = cy.getElementById(anchor.data.id)
    if (node.empty()) continue
    const at = node.position()
    if (at.x !== anchor.position.x || at.y !== anchor.position.y) node.position({ ...anchor.position })
  }
}

function sameNumbers(current: unknown, wanted: readonly number[]): boolean {
  return Array.isArray(current) && current.length === wanted.length && current.every((value, index) => value === wanted[index])
}
