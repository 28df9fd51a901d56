import cytoscape from 'cytoscape'
import { describe, expect, it } from 'vitest'
import { newBoxBoundary, newDiagram, newElement, newFlow } from '../../../model/factory'
import { asId, type DiagramId, type ElementId, type FlowId } from '../../../model/ids'
import type { Diagram } from '../../../model/model'
import { applyProjection, createCanvasAdapter } from '../../../src-renderer/src/canvas/canvas-adapter'
import { projectDiagram } from '../../../src-renderer/src/canvas/project-diagram'

function diagram(): Diagram {
  const a = { ...newElement('process', { x: 0, y: 0 }, 'A'), id: asId<ElementId>('a') }
  const b = { ...newElement('dataStore', { x: 300, y: 0 }, 'B'), id: asId<ElementId>('b') }
  const flow = {
    ...newFlow(a.id, b.id, { sourcePoint: { x: 100, y: 50 }, targetPoint: { x: 300, y: 50 }, bendPoints: [{ x: 200, y: 120 }] }),
    id: asId<FlowId>('ab'),
    name: 'writes'
  }
  return { ...newDiagram('D'), id: asId<DiagramId>('d'), elements: [a, b], flows: [flow] }
}

function apply(cy: cytoscape.Core, source: Diagram): void {
  const projection = projectDiagram(source, [])
  cy.batch(() => applyProjection(cy, projection.nodes, projection.edges))
}

describe('applyProjection', () => {
  it('adds everything on the first render, with model positions', () => {
    const cy = cytoscape({ headless: true })
    apply(cy, diagram())
    expect(cy.nodes().map((node) => node.id()).sort()).toEqual(['element:a', 'element:b'])
    expect(cy.getElementById('element:b').position()).toEqual({ x: 350, y: 50 })
    expect(cy.getElementById('flow:ab').data('segmentWeights')).toEqual([0.5])
  })

  it('updates in place by id: moved, renamed, bends dropped; removes what is gone', () => {
    const cy = cytoscape({ headless: true })
    const first = diagram()
    apply(cy, first)
    const edgeBefore = cy.getElementById('flow:ab')

    const [a, b] = first.elements
    if (!a || !b) throw new Error('fixture')
    const flow = first.flows[0]
    if (!flow) throw new Error('fixture')
    apply(cy, {
      ...first,
      elements: [{ ...a, name: 'A2' }, { ...b, layout: { ...b.layout, x: 400 } }],
      flows: [{ ...flow, bendPoints: [] }]
    })

    expect(cy.getElementById('element:a').data('label')).toBe('A2')
    expect(cy.getElementById('element:b').position()).toEqual({ x: 450, y: 50 })
    const edgeAfter = cy.getElementById('flow:ab')
    expect(edgeAfter.same(edgeBefore)).toBe(true)
    expect(edgeAfter.data('segmentWeights')).toBeUndefined()
    expect(edgeAfter.hasClass('bent')).toBe(false)

    apply(cy, { ...first, elements: [a], flows: [] })
    expect(cy.elements().map((element) => element.id())).toEqual(['element:a'])
  })

  it('sets nothing that did not change, so a re-render does not restyle the whole diagram', () => {
    const cy = cytoscape({ headless: true })
    const first = diagram()
    apply(cy, first)
    const changed: string[] = []
    cy.on('data position class', (event) => changed.push(`${event.type} ${event.target.id()}`))
    apply(cy, first)
    expect(changed).toEqual([])

    const [a, b] = first.elements
    if (!a || !b) throw new Error('fixture')
    apply(cy, { ...first, elements: [{ ...a, name: 'A2' }, b] })
    expect(changed).toEqual(['data element:a'])
  })

  it('re-attaches a flow whose end changed by replacing the edge', () => {
    const cy = cytoscape({ headless: true })
    const first = diagram()
    apply(cy, first)
    const flow = first.flows[0]
    if (!flow) throw new Error('fixture')
    apply(cy, { ...first, flows: [{ ...flow, target: null }] })
    const edge = cy.getElementById('flow:ab')
    expect(edge.data('target')).toBe('anchor:flow:ab:target')
    expect(edge.target().position()).toEqual(flow.targetPoint)
  })
})

describe('createCanvasAdapter (headless)', () => {
  it('counts drawn items without anchors and switches diagrams cleanly', () => {
    const adapter = createCanvasAdapter(null, { headless: true })
    const first = diagram()
    const flow = first.flows[0]
    if (!flow) throw new Error('fixture')
    adapter.render({ ...first, flows: [{ ...flow, target: null }] }, [])
    expect(adapter.nodeCount()).toBe(2)
    expect(adapter.edgeCount()).toBe(1)

    adapter.render({ ...newDiagram('Other'), elements: [{ ...newElement('process', { x: 0, y: 0 }), id: asId<ElementId>('z') }] }, [])
    expect(adapter.elementIds()).toEqual(['z'])
    expect(adapter.edgeCount()).toBe(0)
    adapter.zoomIn()
    adapter.fit()
    adapter.destroy()
  })
})

describe('editing canvas (headless)', () => {
  const noGestures = {
    selectionChanged: () => {},
    move: () => {},
    resize: () => {},
    connect: () => {},
    addBend: () => {},
    removeBend: () => {},
    moveBend: () => {},
    reconnect: () => {},
    moveLinePoint: () => {},
    addLinePoint: () => {},
    removeLinePoint: () => {},
    drawBoundary: () => {},
    place: () => {},
    contextMenu: () => {}
  }

  it('keeps the session selection across renders, selects items not drawn yet once they are, and shows handles for one', () => {
    const reported: string[][] = []
    const adapter = createCanvasAdapter(null, { headless: true, gestures: { ...noGestures, selectionChanged: (ids) => reported.push([...ids]) } })
    const source = diagram()
    adapter.select(['a', 'later'])
    adapter.render(source, [])
    expect(adapter.selectedIds()).toEqual(['a'])
    const withLater = { ...source, elements: [...source.elements, { ...newElement('process', { x: 600, y: 0 }), id: asId<ElementId>('later') }] }
    adapter.select(['later'])
    adapter.render(withLater, [])
    expect(adapter.selectedIds()).toEqual(['later'])
    expect(reported.at(-1)).toEqual(['later'])
    // One selected element: the handles are drawn, but are not model items.
    expect(adapter.elementIds()).not.toContain('undefined')
    expect(adapter.nodeCount()).toBe(3)
    adapter.destroy()
  })

  it('flags flows crossing a boundary', () => {
    const adapter = createCanvasAdapter(null, { headless: true, gestures: noGestures })
    const source = diagram()
    adapter.render({ ...source, boundaries: [{ ...newBoxBoundary({ x: -10, y: -10, width: 150, height: 150 }), id: asId('zone') }] }, [])
    expect(adapter.classesOf('ab')).toContain('crosses-boundary')
    adapter.render(source, [])
    expect(adapter.classesOf('ab')).not.toContain('crosses-boundary')
    adapter.destroy()
  })
})
