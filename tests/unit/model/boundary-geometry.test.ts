import { describe, expect, it } from 'vitest'
import { newBoxBoundary, newDiagram, newElement, newFlow, newLineBoundary } from '../../../model/factory'
import type { Point, Rect } from '../../../model/geometry-types'
import {
  boundariesContaining,
  boundariesCrossed,
  boundaryMembers,
  boundaryNesting,
  crossesBoundary,
  flowPolyline
} from '../../../model/geometry'
import { asId, type BoundaryId, type ElementId } from '../../../model/ids'
import type { Diagram, DiagramElement, Flow, TrustBoundary } from '../../../model/model'

const p = (x: number, y: number): Point => ({ x, y })

/** A 100 x 100 element whose centre is `centre` (the factory places elements by their top-left corner). */
function elementCentredAt(id: string, centre: Point): DiagramElement {
  return { ...newElement('process', p(centre.x - 50, centre.y - 50)), id: asId<ElementId>(id) }
}

function box(id: string, rect: Rect, statedMembers: readonly string[] | null = null): TrustBoundary {
  return {
    ...newBoxBoundary(rect),
    id: asId<BoundaryId>(id),
    statedMembers: statedMembers?.map((member) => asId<ElementId>(member)) ?? null
  }
}

function line(id: string, points: readonly Point[]): TrustBoundary {
  return { ...newLineBoundary(points), id: asId<BoundaryId>(id) }
}

function flowBetween(from: Point, to: Point, bendPoints: readonly Point[] = [], ends: [string, string] | null = null): Flow {
  const [source, target] = ends ?? [null, null]
  return newFlow(source === null ? null : asId(source), target === null ? null : asId(target), {
    sourcePoint: from,
    targetPoint: to,
    bendPoints
  })
}

/**
 * outer 0..1000 square; inner 100..500; twin = the same rect as inner, later in the diagram;
 * overlap 400..700, which overlaps inner; line boundary far away on the right.
 * Element centres: a (200,200) in outer+inner+twin; b (450,450) in all four boxes;
 * c (700,700) on overlap's corner; d (1150,50) outside everything.
 */
const nested: Diagram = {
  ...newDiagram('Nested'),
  elements: [
    elementCentredAt('a', p(200, 200)),
    elementCentredAt('b', p(450, 450)),
    elementCentredAt('c', p(700, 700)),
    elementCentredAt('d', p(1150, 50))
  ],
  boundaries: [
    box('outer', { x: 0, y: 0, width: 1000, height: 1000 }),
    box('inner', { x: 100, y: 100, width: 400, height: 400 }),
    box('twin', { x: 100, y: 100, width: 400, height: 400 }),
    box('overlap', { x: 400, y: 400, width: 300, height: 300 }),
    line('wall', [p(2000, 0), p(2000, 1000)])
  ]
}

const ids = (boundaries: readonly TrustBoundary[]): string[] => boundaries.map((boundary) => boundary.id)

describe('boundary membership', () => {
  it('puts an element in every box holding its centre, innermost (smallest) first', () => {
    expect(ids(boundariesContaining(nested, asId('a')))).toEqual(['inner', 'twin', 'outer'])
    // Overlapping boxes: the smaller one (overlap, 90,000) comes before inner (160,000).
    expect(ids(boundariesContaining(nested, asId('b')))).toEqual(['overlap', 'inner', 'twin', 'outer'])
    expect(ids(boundariesContaining(nested, asId('d')))).toEqual([])
    expect(ids(boundariesContaining(nested, asId('missing')))).toEqual([])
  })

  it('counts a centre exactly on an edge as inside', () => {
    expect(ids(boundariesContaining(nested, asId('c')))).toEqual(['overlap', 'outer'])
  })

  it('gives line boundaries no members', () => {
    const wall = nested.boundaries[4] as TrustBoundary
    expect(boundaryMembers(nested, wall)).toEqual([])
  })

  it('uses stated members instead of geometry when a boundary has them', () => {
    const diagram: Diagram = {
      ...nested,
      // Geometrically this box holds b (450,450) only; the source says it holds a and d.
      boundaries: [box('stated', { x: 400, y: 400, width: 100, height: 100 }, ['a', 'd'])]
    }
    const stated = diagram.boundaries[0] as TrustBoundary
    expect(boundaryMembers(diagram, stated)).toEqual(['a', 'd'])
    expect(ids(boundariesContaining(diagram, asId('b')))).toEqual([])
    expect(ids(boundariesContaining(diagram, asId('d')))).toEqual(['stated'])
  })
})

describe('boundaryNesting', () => {
  it('gives each box the smallest box containing it; an identical later box nests in the earlier one', () => {
    expect(Object.fromEntries(boundaryNesting(nested))).toEqual({
      outer: null,
      inner: 'outer',
      twin: 'inner',
      overlap: 'outer'
    })
  })
})

describe('crossesBoundary on a box', () => {
  const inner = nested.boundaries[1] as TrustBoundary

  it('is crossed when exactly one drawn end is inside', () => {
    expect(crossesBoundary(flowBetween(p(200, 200), p(800, 200)), inner)).toBe(true)
    expect(crossesBoundary(flowBetween(p(800, 200), p(200, 200)), inner)).toBe(true)
  })

  it('is not crossed when both ends are inside or both outside, even passing through', () => {
    expect(crossesBoundary(flowBetween(p(200, 200), p(300, 300)), inner)).toBe(false)
    expect(crossesBoundary(flowBetween(p(50, 300), p(600, 300)), inner)).toBe(false)
  })

  it('counts an end on the edge as inside', () => {
    expect(crossesBoundary(flowBetween(p(500, 300), p(600, 300)), inner)).toBe(true)
  })

  it('follows stated members, with an unattached end outside', () => {
    const stated = box('stated', { x: 0, y: 0, width: 10, height: 10 }, ['a'])
    const farAway = p(5000, 5000)
    expect(crossesBoundary(flowBetween(farAway, farAway, [], ['a', 'd']), stated)).toBe(true)
    expect(crossesBoundary(flowBetween(p(5, 5), farAway, [], ['d', 'b']), stated)).toBe(false)
    expect(crossesBoundary({ ...flowBetween(farAway, farAway), target: asId('a') }, stated)).toBe(true)
  })
})

describe('crossesBoundary on a line', () => {
  const wall = line('wall', [p(300, 100), p(300, 200)])

  it('is crossed by a bent flow but not by the straight flow between the same ends', () => {
    const straight = flowBetween(p(200, 300), p(400, 300))
    // (200,300) → (350,100) passes x = 300 at y ≈ 166.7, inside the wall's 100..200.
    const bent = flowBetween(p(200, 300), p(400, 300), [p(350, 100)])
    expect(flowPolyline(bent)).toEqual([p(200, 300), p(350, 100), p(400, 300)])
    expect(crossesBoundary(straight, wall)).toBe(false)
    expect(crossesBoundary(bent, wall)).toBe(true)
  })

  it('treats a zero-length flow as a point', () => {
    expect(crossesBoundary(flowBetween(p(300, 150), p(300, 150)), wall)).toBe(true)
    expect(crossesBoundary(flowBetween(p(310, 150), p(310, 150)), wall)).toBe(false)
  })
})

describe('boundariesCrossed', () => {
  it('lists the boundaries a flow crosses, in diagram order', () => {
    // From a's centre (inside outer, inner, twin) to d's centre (outside all); the wall is far right.
    expect(boundariesCrossed(nested, flowBetween(p(200, 200), p(1150, 50)))).toEqual(['outer', 'inner', 'twin'])
    // From b (inside all four boxes) to c (on overlap's corner, inside outer): only inner and twin.
    expect(boundariesCrossed(nested, flowBetween(p(450, 450), p(700, 700)))).toEqual(['inner', 'twin'])
  })
})
