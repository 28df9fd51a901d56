import { describe, expect, it } from 'vitest'
import { newElement, newLineBoundary } from '../../../../model/factory'
import { asId, type BoundaryId, type DiagramId, type ElementId, type FlowId } from '../../../../model/ids'
import type { Diagram, DiagramElement, ThreatModel } from '../../../../model/model'
import { validateModel } from '../../../../model/validate'
import { alignItems, distributeItems } from '../../../../model/edits/arrange'
import { addBendPoint, addBoundary, addElement, moveEachItem } from '../../../../model/edits/diagram-edits'
import { sampleModel } from '../model-fixture'

// The small model: process p1 at (0,0) and store s1 at (300,0), both 100×100, flow f1 p1 → s1, box b1.
const d1 = asId<DiagramId>('d1')
const p1 = asId<ElementId>('p1')
const s1 = asId<ElementId>('s1')
const f1 = asId<FlowId>('f1')

function diagram(model: ThreatModel): Diagram {
  const found = model.diagrams.find((each) => each.id === d1)
  if (!found) throw new Error('no d1')
  return found
}

function element(model: ThreatModel, id: string): DiagramElement {
  const found = diagram(model).elements.find((each) => each.id === id)
  if (!found) throw new Error(`no ${id}`)
  return found
}

function expectValid(model: ThreatModel): ThreatModel {
  expect(validateModel(model).diagnostics.filter((entry) => entry.severity === 'error')).toEqual([])
  return model
}

/** The sample plus a wide interactor "w1" at (120, 260), 160×60: three items of two sizes. */
function withWide(): ThreatModel {
  const wide = { ...newElement('externalInteractor', { x: 120, y: 260 }), id: asId<ElementId>('w1') }
  return addElement(sampleModel(), d1, { ...wide, layout: { ...wide.layout, width: 160, height: 60 } })
}

describe('align', () => {
  it('aligns left, right and centre to the selection bounding box, moving only x', () => {
    const model = withWide()
    const left = expectValid(alignItems(model, d1, [p1, s1, 'w1'], 'left'))
    expect([p1, s1, 'w1'].map((id) => element(left, id).layout.x)).toEqual([0, 0, 0])
    expect([p1, s1, 'w1'].map((id) => element(left, id).layout.y)).toEqual([0, 0, 260])

    // Bounding box x 0..400: right edges at 400, centres at 200.
    const right = alignItems(model, d1, [p1, s1, 'w1'], 'right')
    expect([p1, s1, 'w1'].map((id) => element(right, id).layout.x)).toEqual([300, 300, 240])
    const centre = alignItems(model, d1, [p1, s1, 'w1'], 'center')
    expect([p1, s1, 'w1'].map((id) => element(centre, id).layout.x)).toEqual([150, 150, 120])
  })

  it('aligns top, middle and bottom, moving only y', () => {
    const model = withWide()
    // Bounding box y 0..320.
    const top = alignItems(model, d1, [p1, 'w1'], 'top')
    expect(element(top, 'w1').layout).toMatchObject({ x: 120, y: 0 })
    const bottom = alignItems(model, d1, [p1, 'w1'], 'bottom')
    expect([element(bottom, p1).layout.y, element(bottom, 'w1').layout.y]).toEqual([220, 260])
    const middle = alignItems(model, d1, [p1, 'w1'], 'middle')
    expect([element(middle, p1).layout.y, element(middle, 'w1').layout.y]).toEqual([110, 130])
  })

  it('keeps attached flow ends on their elements and bends where they were', () => {
    const bent = addBendPoint(withWide(), d1, f1, { x: 200, y: 120 })
    const moved = expectValid(alignItems(bent, d1, [s1, 'w1'], 'bottom'))
    const flow = diagram(moved).flows[0]
    // s1 moved down to y 220 (bottom 320): the flow's target follows its centre.
    expect(flow?.targetPoint).toEqual({ x: 350, y: 270 })
    // p1 did not move: its end is left exactly as the sample drew it.
    expect(flow?.sourcePoint).toEqual({ x: 100, y: 50 })
    expect(flow?.bendPoints).toEqual([{ x: 200, y: 120 }])
  })

  it('moves boundaries by their bounding box, line boundaries included; flows in the selection are ignored', () => {
    const line = { ...newLineBoundary([{ x: 500, y: 40 }, { x: 520, y: 240 }]), id: asId<BoundaryId>('l1') }
    const model = addBoundary(sampleModel(), d1, line)
    const aligned = expectValid(alignItems(model, d1, [p1, f1, 'b1', 'l1'], 'left'))
    // Bounding box left is b1's x = -10.
    expect(element(aligned, p1).layout.x).toBe(-10)
    const lineShape = diagram(aligned).boundaries.find((each) => each.id === 'l1')?.shape
    expect(lineShape).toEqual({ kind: 'line', points: [{ x: -10, y: 40 }, { x: 10, y: 240 }] })
  })

  it('needs two items; an aligned selection is a no-op (the same model, so no undo step)', () => {
    const model = withWide()
    expect(alignItems(model, d1, [p1], 'left')).toBe(model)
    expect(alignItems(model, d1, [p1, f1], 'left')).toBe(model)
    expect(alignItems(model, d1, [p1, s1], 'top')).toBe(model)
    expect(alignItems(model, asId('nope'), [p1, s1], 'left')).toBe(model)
  })

  it('keeps whole pixels when the centre falls between two', () => {
    const odd = { ...newElement('process', { x: 0, y: 400 }), id: asId<ElementId>('o1') }
    const model = addElement(sampleModel(), d1, { ...odd, layout: { ...odd.layout, width: 33 } })
    // Bounding box 0..400, centre 200: o1 (33 wide) goes to x = 183.5, rounded.
    const centred = alignItems(model, d1, [p1, s1, 'o1'], 'center')
    expect(Number.isInteger(element(centred, 'o1').layout.x)).toBe(true)
    expect(Math.abs(element(centred, 'o1').layout.x - 183.5)).toBe(0.5)
  })
})

describe('distribute', () => {
  it('spaces items evenly between the outermost, with equal gaps for different sizes', () => {
    const model = withWide()
    // x: p1 0..100, w1 120..280, s1 300..400. Free space 300 - 100 - 160 = 40 → gaps of 20.
    const spaced = expectValid(distributeItems(model, d1, [s1, 'w1', p1], 'horizontal'))
    expect(element(spaced, 'w1').layout.x).toBe(120)
    // Move w1 off-centre first: it comes back to the even position; the ends stay put.
    const shifted = distributeItems(moveEachItem(model, d1, new Map([[asId<ElementId>('w1'), { x: 50, y: 0 }]])), d1, [p1, s1, 'w1'], 'horizontal')
    expect([p1, 'w1', s1].map((id) => element(shifted, id).layout.x)).toEqual([0, 120, 300])
    expect(element(shifted, 'w1').layout.y).toBe(260)
  })

  it('distributes vertically, ordering by centre', () => {
    const a = { ...newElement('process', { x: 0, y: 500 }), id: asId<ElementId>('a') }
    const b = { ...newElement('process', { x: 0, y: 130 }), id: asId<ElementId>('b') }
    const model = addElement(addElement(sampleModel(), d1, a), d1, b)
    // Order by centre: p1 (0..100), b (130..230), a (500..600). Gap = (500 - 100 - 100) / 2 = 150.
    const spaced = distributeItems(model, d1, ['a', p1, 'b'], 'vertical')
    expect(['a', 'b', p1].map((id) => element(spaced, id).layout.y)).toEqual([500, 250, 0])
  })

  it('needs three items, and an even row is a no-op', () => {
    const model = withWide()
    expect(distributeItems(model, d1, [p1, s1], 'horizontal')).toBe(model)
    expect(distributeItems(model, d1, [p1, s1, 'w1'], 'horizontal')).toBe(model)
  })
})
