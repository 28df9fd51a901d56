import { describe, expect, it } from 'vitest'
import { newLineBoundary } from '../../../../model/factory'
import { crossesBoundary } from '../../../../model/geometry'
import { asId, type BoundaryId, type DiagramId, type FlowId } from '../../../../model/ids'
import type { ThreatModel } from '../../../../model/model'
import { validateModel } from '../../../../model/validate'
import { addBendPoint } from '../../../../model/edits/diagram-edits'
import { addLineBoundaryPoint, moveBendPoint, moveLineBoundaryPoint, removeLineBoundaryPoint } from '../../../../model/edits/point-edits'
import { sampleModel } from '../../../small-model'

const d1 = asId<DiagramId>('d1')
const f1 = asId<FlowId>('f1')
const line = asId<BoundaryId>('line1')

/** The sample with a bend on f1 (p1 → s1, y = 50) and a vertical trust line at x = 200 that f1 crosses. */
function model(): ThreatModel {
  const base = addBendPoint(sampleModel(), d1, f1, { x: 200, y: 60 })
  const trustLine = { ...newLineBoundary([{ x: 250, y: -100 }, { x: 250, y: 0 }, { x: 250, y: 200 }]), id: line }
  return {
    ...base,
    diagrams: base.diagrams.map((diagram) => (diagram.id === d1 ? { ...diagram, boundaries: [...diagram.boundaries, trustLine] } : diagram))
  }
}

const main = (edited: ThreatModel) => edited.diagrams.find((diagram) => diagram.id === d1)!
const flowOf = (edited: ThreatModel) => main(edited).flows.find((flow) => flow.id === f1)!
const lineOf = (edited: ThreatModel) => main(edited).boundaries.find((boundary) => boundary.id === line)!

describe('moveBendPoint', () => {
  it('moves one bend and leaves the others, the ends and the rest of the model alone', () => {
    const before = addBendPoint(model(), d1, f1, { x: 260, y: 40 })
    const after = moveBendPoint(before, d1, f1, 0, { x: 180, y: 150 })
    expect(flowOf(after).bendPoints).toEqual([{ x: 180, y: 150 }, { x: 260, y: 40 }])
    expect(flowOf(after).sourcePoint).toEqual(flowOf(before).sourcePoint)
    expect(after.diagrams[1]).toBe(before.diagrams[1])
    expect(validateModel(after).diagnostics.filter((entry) => entry.severity === 'error')).toEqual([])
  })

  it('returns the same model for an index out of range or a bend left where it was (no undo step)', () => {
    const before = model()
    expect(moveBendPoint(before, d1, f1, 3, { x: 1, y: 1 })).toBe(before)
    expect(moveBendPoint(before, d1, f1, -1, { x: 1, y: 1 })).toBe(before)
    expect(moveBendPoint(before, d1, f1, 0, { x: 200, y: 60 })).toBe(before)
    expect(moveBendPoint(before, d1, asId<FlowId>('nope'), 0, { x: 1, y: 1 })).toBe(before)
  })
})

describe('moveLineBoundaryPoint', () => {
  it('moves one vertex, and the crossing follows the geometry', () => {
    const before = model()
    expect(crossesBoundary(flowOf(before), lineOf(before))).toBe(true)
    // Pull the lower half of the line out of the flow's way: it now ends above the flow.
    const after = moveLineBoundaryPoint(before, d1, line, 2, { x: 250, y: 10 })
    expect(lineOf(after).shape).toEqual({ kind: 'line', points: [{ x: 250, y: -100 }, { x: 250, y: 0 }, { x: 250, y: 10 }] })
    expect(crossesBoundary(flowOf(after), lineOf(after))).toBe(false)
    expect(validateModel(after).diagnostics.filter((entry) => entry.severity === 'error')).toEqual([])
  })

  it('ignores box boundaries and indexes out of range', () => {
    const before = model()
    expect(moveLineBoundaryPoint(before, d1, asId<BoundaryId>('b1'), 0, { x: 5, y: 5 })).toBe(before)
    expect(moveLineBoundaryPoint(before, d1, line, 3, { x: 5, y: 5 })).toBe(before)
  })
})

describe('addLineBoundaryPoint and removeLineBoundaryPoint', () => {
  it('inserts a vertex into the nearest segment and removes it again, keeping the two ends', () => {
    const before = model()
    const added = addLineBoundaryPoint(before, d1, line, { x: 262, y: 120 })
    expect(lineOf(added).shape).toEqual({ kind: 'line', points: [{ x: 250, y: -100 }, { x: 250, y: 0 }, { x: 262, y: 120 }, { x: 250, y: 200 }] })
    const removed = removeLineBoundaryPoint(added, d1, line, 2)
    expect(lineOf(removed).shape).toEqual(lineOf(before).shape)
    const twoPoints = removeLineBoundaryPoint(removeLineBoundaryPoint(before, d1, line, 1), d1, line, 0)
    expect(lineOf(twoPoints).shape).toEqual({ kind: 'line', points: [{ x: 250, y: -100 }, { x: 250, y: 200 }] })
    expect(validateModel(added).diagnostics.filter((entry) => entry.severity === 'error')).toEqual([])
  })
})
