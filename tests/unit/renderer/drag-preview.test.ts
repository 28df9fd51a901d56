import cytoscape from 'cytoscape'
import { describe, expect, it } from 'vitest'
import { newBoxBoundary, newDiagram, newElement, newFlow } from '../../../model/factory'
import { asId, type BoundaryId, type DiagramId, type ElementId, type FlowId } from '../../../model/ids'
import type { Diagram } from '../../../model/model'
import { applyProjection } from '../../../src-renderer/src/canvas/canvas-adapter'
import { createDragPreview } from '../../../src-renderer/src/canvas/drag-preview'
import { projectDiagram } from '../../../src-renderer/src/canvas/project-diagram'

/** A client in a box, a server outside it, a bent flow between them and a loose one from the server. */
function diagram(): Diagram {
  const client = { ...newElement('externalInteractor', { x: 0, y: 0 }, 'Client'), id: asId<ElementId>('client') }
  const server = { ...newElement('process', { x: 400, y: 0 }, 'Server'), id: asId<ElementId>('server') }
  const lone = { ...newElement('process', { x: 0, y: 400 }, 'Lone'), id: asId<ElementId>('lone') }
  const call = {
    ...newFlow(client.id, server.id, { sourcePoint: { x: 50, y: 50 }, targetPoint: { x: 450, y: 50 }, bendPoints: [{ x: 250, y: 150 }] }),
    id: asId<FlowId>('call')
  }
  const loose = { ...newFlow(server.id, null, { sourcePoint: { x: 450, y: 50 }, targetPoint: { x: 700, y: 50 } }), id: asId<FlowId>('loose') }
  const zone = { ...newBoxBoundary({ x: -20, y: -20, width: 200, height: 200 }), id: asId<BoundaryId>('zone') }
  return { ...newDiagram('D'), id: asId<DiagramId>('d'), elements: [client, server, lone], flows: [call, loose], boundaries: [zone] }
}

function drawn(source: Diagram): cytoscape.Core {
  const cy = cytoscape({ headless: true })
  const projection = projectDiagram(source, [])
  cy.batch(() => applyProjection(cy, projection.nodes, projection.edges))
  return cy
}

describe('createDragPreview', () => {
  it('flags crossings as the dragged element enters a boundary, keeps bends put, and undoes it all at the start', () => {
    const source = diagram()
    const cy = drawn(source)
    const call = cy.getElementById('flow:call')
    expect(call.hasClass('crosses-boundary')).toBe(true)
    const weightsBefore = [...(call.data('segmentWeights') as number[])]
    const preview = createDragPreview(cy, source, ['server'])
    if (!preview) throw new Error('the server has flows to preview')

    // The server's centre (450, 50) moved into the zone, next to the client: the call no longer crosses, the loose flow does.
    preview({ x: -350, y: 0 })
    expect(call.hasClass('crosses-boundary')).toBe(false)
    expect(cy.getElementById('flow:loose').hasClass('crosses-boundary')).toBe(true)
    // The bend stays where the reviewer put it, so its weight along the shorter line changes.
    expect(call.data('segmentWeights')).not.toEqual(weightsBefore)
    // A flow whose only attached end moves travels whole (moveItems), its loose end with it.
    expect(cy.getElementById('anchor:flow:loose:target').position()).toEqual({ x: 350, y: 50 })

    preview({ x: 0, y: 0 })
    expect(call.hasClass('crosses-boundary')).toBe(true)
    expect(cy.getElementById('flow:loose').hasClass('crosses-boundary')).toBe(false)
    expect(call.data('segmentWeights')).toEqual(weightsBefore)
    expect(cy.getElementById('anchor:flow:loose:target').position()).toEqual({ x: 700, y: 50 })
  })

  it('changes nothing on the canvas when a frame changes nothing it draws', () => {
    const source = diagram()
    const cy = drawn(source)
    const preview = createDragPreview(cy, source, ['client'])
    let changes = 0
    cy.on('data style class position', () => {
      changes += 1
    })
    // A frame before the pointer has gone anywhere: the drawing is already right, so nothing is set
    // (each set would make Cytoscape restyle the flow and redraw the whole diagram).
    preview?.({ x: 0, y: 0 })
    expect(changes).toBe(0)
    // A real step does change the call's bend weights (the listener sees changes).
    preview?.({ x: 5, y: 0 })
    expect(changes).toBeGreaterThan(0)
  })

  it('has nothing to preview for an item with no flows', () => {
    const source = diagram()
    expect(createDragPreview(drawn(source), source, ['lone'])).toBeNull()
  })
})
