import { describe, expect, it } from 'vitest'
import { canonical } from '../../../model/canonical'
import { moveDiagramItems } from '../../../model/edits/diagram-edits'
import { newBoxBoundary, newDiagram, newElement, newFlow, newLineBoundary, newUserThreat } from '../../../model/factory'
import { asId, type BoundaryId, type DiagramId, type DiagramItemId, type ElementId, type FlowId } from '../../../model/ids'
import type { Diagram, Threat } from '../../../model/model'
import {
  canvasId,
  flowsTouchedByMove,
  openThreatCounts,
  projectDiagram,
  projectFlowGeometry,
  storeLineStops,
  type CanvasEdge,
  type CanvasNode
} from '../../../src-renderer/src/canvas/project-diagram'

function diagram(): Diagram {
  const browser = { ...newElement('externalInteractor', { x: 0, y: 0 }, 'Browser'), id: asId<ElementId>('browser') }
  const web = {
    ...newElement('process', { x: 300, y: 0 }, 'Web app'),
    id: asId<ElementId>('web'),
    layout: { x: 300, y: 0, width: 120, height: 80 }
  }
  const store = {
    ...newElement('dataStore', { x: 300, y: 300 }, 'Orders'),
    id: asId<ElementId>('db'),
    layout: { x: 300, y: 300, width: 100, height: 50 },
    outOfScope: true
  }
  const note = { ...newElement('annotation', { x: 0, y: 400 }, 'Check TLS'), id: asId<ElementId>('note') }
  const request = {
    ...newFlow(browser.id, web.id, { sourcePoint: { x: 100, y: 50 }, targetPoint: { x: 300, y: 40 } }),
    id: asId<FlowId>('request'),
    name: 'HTTPS'
  }
  const query = {
    ...newFlow(web.id, store.id, {
      sourcePoint: { x: 360, y: 80 },
      targetPoint: { x: 350, y: 300 },
      bendPoints: [{ x: 500, y: 190 }]
    }),
    id: asId<FlowId>('query'),
    name: 'SQL'
  }
  const dangling = {
    ...newFlow(web.id, null, { sourcePoint: { x: 420, y: 40 }, targetPoint: { x: 600, y: 40 } }),
    id: asId<FlowId>('dangling')
  }
  const internet = {
    ...newBoxBoundary({ x: -20, y: -20, width: 160, height: 140 }),
    id: asId<BoundaryId>('internet'),
    name: 'Internet'
  }
  const line = {
    ...newLineBoundary([
      { x: 200, y: -50 },
      { x: 220, y: 200 },
      { x: 200, y: 500 }
    ]),
    id: asId<BoundaryId>('dmz-line')
  }
  return {
    ...newDiagram('Main'),
    id: asId<DiagramId>('main'),
    elements: [browser, web, store, note],
    flows: [request, query, dangling],
    boundaries: [internet, line]
  }
}

function node(nodes: readonly CanvasNode[], id: string): CanvasNode {
  const found = nodes.find((candidate) => candidate.data.id === id)
  if (!found) throw new Error(`no node ${id}`)
  return found
}

function edge(edges: readonly CanvasEdge[], id: string): CanvasEdge {
  const found = edges.find((candidate) => candidate.data.id === id)
  if (!found) throw new Error(`no edge ${id}`)
  return found
}

describe('projectDiagram', () => {
  const projection = projectDiagram(diagram(), [])

  it('centres each element on its layout rectangle, with its size and a class per kind', () => {
    expect(node(projection.nodes, 'element:web')).toMatchObject({
      data: { modelId: 'web', role: 'process', label: 'Web app', width: 120, height: 80 },
      position: { x: 360, y: 40 },
      classes: 'process'
    })
    expect(node(projection.nodes, 'element:browser').classes).toBe('external-interactor')
    expect(node(projection.nodes, 'element:note').classes).toBe('annotation')
  })

  it('draws a data store with line stops and greys out-of-scope elements', () => {
    const store = node(projection.nodes, 'element:db')
    expect(store.classes).toBe('data-store out-of-scope')
    expect(store.data.storeLineStops).toEqual(storeLineStops(50))
    expect(storeLineStops(50)).toEqual([0, 4, 4, 96, 96, 100])
  })

  it('draws flows as directed edges between element nodes, labelled with the flow name', () => {
    expect(edge(projection.edges, 'flow:request')).toMatchObject({
      data: { modelId: 'request', role: 'flow', source: 'element:browser', target: 'element:web', label: 'HTTPS' },
      classes: 'flow crosses-boundary'
    })
  })

  it('turns bend points into segment weights and distances from the node centres', () => {
    // Web app centre (360, 40) → store centre (350, 325); the bend (500, 190) lies right of that line.
    const query = edge(projection.edges, 'flow:query')
    expect(query.classes).toBe('flow bent')
    expect(query.data.segmentWeights).toHaveLength(1)
    expect(query.data.segmentWeights?.[0]).toBeCloseTo(0.509, 2)
    // Moving down the screen, the normal (-dy, dx) points to -x: a bend to the right is negative.
    expect(query.data.segmentDistances?.[0]).toBeCloseTo(-145.4, 0)
  })

  it('anchors a loose flow end at its drawn point with an invisible node', () => {
    const dangling = edge(projection.edges, 'flow:dangling')
    expect(dangling.data.source).toBe('element:web')
    expect(dangling.data.target).toBe(canvasId.anchor('flow:dangling', 'target'))
    expect(dangling.classes).toBe('flow loose-target')
    expect(node(projection.nodes, canvasId.anchor('flow:dangling', 'target'))).toMatchObject({
      data: { role: 'anchor', modelId: 'dangling' },
      position: { x: 600, y: 40 },
      classes: 'anchor'
    })
  })

  it('anchors an end whose element is not on this diagram', () => {
    const other = diagram()
    const projected = projectDiagram({ ...other, elements: other.elements.filter((element) => element.id !== 'browser') }, [])
    expect(edge(projected.edges, 'flow:request').data.source).toBe(canvasId.anchor('flow:request', 'source'))
    expect(edge(projected.edges, 'flow:request').classes).toBe('flow loose-source crosses-boundary')
    expect(node(projected.nodes, canvasId.anchor('flow:request', 'source')).position).toEqual({ x: 100, y: 50 })
  })

  it('draws box boundaries as plain nodes placed by geometry, before the elements', () => {
    const internet = node(projection.nodes, 'boundary:internet')
    expect(internet).toMatchObject({
      data: { role: 'boundary', label: 'Internet', width: 160, height: 140 },
      position: { x: 60, y: 50 },
      classes: 'boundary'
    })
    expect(internet.data).not.toHaveProperty('parent')
    expect(projection.nodes[0]?.data.id).toBe('boundary:internet')
  })

  it('draws line boundaries as a dashed edge between two anchors through the middle points', () => {
    const line = edge(projection.edges, 'boundary:dmz-line')
    expect(line).toMatchObject({
      data: {
        role: 'lineBoundary',
        source: canvasId.anchor('boundary:dmz-line', 'source'),
        target: canvasId.anchor('boundary:dmz-line', 'target')
      },
      classes: 'line-boundary bent'
    })
    expect(line.data.segmentWeights?.[0]).toBeCloseTo(0.455, 2)
    expect(node(projection.nodes, canvasId.anchor('boundary:dmz-line', 'target')).position).toEqual({ x: 200, y: 500 })
  })

  it('counts what the canvas draws: elements and box boundaries as nodes, flows and lines as edges', () => {
    const drawnNodes = projection.nodes.filter((candidate) => candidate.data.role !== 'anchor')
    expect(drawnNodes).toHaveLength(4 + 1)
    expect(projection.edges).toHaveLength(3 + 1)
  })

  it('marks items with open threats and shows the count in the label', () => {
    const threats: Threat[] = [
      newUserThreat({ kind: 'element', elementId: asId<ElementId>('web') }, 'Spoofing'),
      newUserThreat({ kind: 'element', elementId: asId<ElementId>('web') }, 'Tampering'),
      { ...newUserThreat({ kind: 'element', elementId: asId<ElementId>('browser') }, 'Done'), state: canonical('mitigated') },
      newUserThreat(
        { kind: 'interaction', sourceId: asId<ElementId>('web'), flowId: asId<FlowId>('query'), targetId: asId<ElementId>('db') },
        'Injection'
      )
    ]
    const marked = projectDiagram(diagram(), threats)
    expect(node(marked.nodes, 'element:web')).toMatchObject({
      data: { label: 'Web app\n2 open threats' },
      classes: 'process open-threats'
    })
    expect(node(marked.nodes, 'element:browser').classes).toBe('external-interactor')
    expect(edge(marked.edges, 'flow:query').classes).toBe('flow open-threats bent')
    expect(edge(marked.edges, 'flow:query').data.label).toBe('SQL\n1 open threat')
  })

  it('is pure: the same input gives the same output', () => {
    expect(projectDiagram(diagram(), [])).toEqual(projection)
  })
})

describe('projecting a move before it is committed (drag preview)', () => {
  const moves: readonly (readonly string[])[] = [['web'], ['browser'], ['db'], ['note'], ['internet'], ['dmz-line'], ['web', 'db'], ['dangling']]
  const deltas = [
    { x: -300, y: 0 },
    { x: 250, y: 10 },
    { x: 37.5, y: -12.25 },
    { x: 0, y: 400 }
  ]

  it('touches flows attached to moved elements, moved flows, and every flow when a boundary moves', () => {
    const source = diagram()
    expect([...flowsTouchedByMove(source, ['web'])].sort()).toEqual(['dangling', 'query', 'request'])
    expect([...flowsTouchedByMove(source, ['browser'])]).toEqual(['request'])
    expect([...flowsTouchedByMove(source, ['note'])]).toEqual([])
    expect([...flowsTouchedByMove(source, ['dangling'])]).toEqual(['dangling'])
    expect([...flowsTouchedByMove(source, ['internet'])].sort()).toEqual(['dangling', 'query', 'request'])
  })

  it('leaves every other flow drawn exactly as before the move', () => {
    const source = diagram()
    const before = projectDiagram(source, [])
    for (const ids of moves) {
      const touched = flowsTouchedByMove(source, ids)
      for (const delta of deltas) {
        const after = projectDiagram(moveDiagramItems(source, ids as DiagramItemId[], delta), [])
        const untouched = (edges: readonly CanvasEdge[]) => edges.filter((each) => each.data.role === 'flow' && !touched.has(each.data.modelId))
        expect(untouched(after.edges), `${ids.join(',')} by ${JSON.stringify(delta)}`).toEqual(untouched(before.edges))
      }
    }
  })

  it('draws the touched flows as the committed move will: crossing, bends and loose-end anchors', () => {
    const source = diagram()
    for (const ids of moves) {
      const touched = flowsTouchedByMove(source, ids)
      for (const delta of deltas) {
        const moved = moveDiagramItems(source, ids as DiagramItemId[], delta)
        const committed = projectDiagram(moved, [])
        for (const geometry of projectFlowGeometry(moved, touched)) {
          const drawn = edge(committed.edges, geometry.id)
          const context = `${geometry.id} after moving ${ids.join(',')} by ${JSON.stringify(delta)}`
          expect(drawn.classes.split(' ').includes('crosses-boundary'), context).toBe(geometry.crossing)
          expect(drawn.data.segmentWeights ?? null, context).toEqual(geometry.segments?.weights ?? null)
          expect(drawn.data.segmentDistances ?? null, context).toEqual(geometry.segments?.distances ?? null)
          for (const anchor of geometry.anchors) expect(node(committed.nodes, anchor.data.id).position, context).toEqual(anchor.position)
        }
      }
    }
  })

  it('sees a flow start or stop crossing as its element moves into the boundary', () => {
    const source = diagram()
    const touched = flowsTouchedByMove(source, ['web'])
    // The web app's centre (360, 40) moved to (60, 40) is inside the internet box, with the browser.
    const inside = projectFlowGeometry(moveDiagramItems(source, [asId('web')], { x: -300, y: 0 }), touched)
    expect(Object.fromEntries(inside.map((each) => [each.flow.id, each.crossing]))).toEqual({ request: false, query: true, dangling: true })
  })
})

describe('openThreatCounts', () => {
  it('counts not started, needs investigation and unknown states as open', () => {
    const target = { kind: 'element', elementId: asId<ElementId>('x') } as const
    const threats: Threat[] = [
      newUserThreat(target, 'a'),
      { ...newUserThreat(target, 'b'), state: canonical('needsInvestigation') },
      { ...newUserThreat(target, 'c'), state: { value: null, raw: 'Sev 0 pending' } },
      { ...newUserThreat(target, 'd'), state: canonical('notApplicable') },
      { ...newUserThreat(target, 'e'), state: canonical('accepted') }
    ]
    expect(openThreatCounts(threats).get('x')).toBe(3)
  })
})
