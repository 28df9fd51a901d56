import { describe, expect, it } from 'vitest'
import { newDiagram } from '../../../../model/factory'
import { asId, type DiagramId } from '../../../../model/ids'
import type { ThreatModel } from '../../../../model/model'
import { validateModel } from '../../../../model/validate'
import { addDiagram, deleteDiagram, duplicateDiagram, moveDiagram, renameDiagram } from '../../../../model/edits/diagram-list-edits'
import { sampleModel } from '../model-fixture'

const d1 = asId<DiagramId>('d1')
const d2 = asId<DiagramId>('d2')

function expectValid(model: ThreatModel): ThreatModel {
  expect(validateModel(model).diagnostics.filter((entry) => entry.severity === 'error')).toEqual([])
  return model
}

const names = (model: ThreatModel): string[] => model.diagrams.map((diagram) => diagram.name)

describe('diagram list edits', () => {
  it('adds, renames and reorders', () => {
    let model = expectValid(addDiagram(sampleModel(), { ...newDiagram('Third'), id: asId('d3') }))
    model = renameDiagram(model, d2, 'Admin')
    model = expectValid(moveDiagram(model, asId('d3'), 0))
    expect(names(model)).toEqual(['Third', 'Main', 'Admin'])
    expect(moveDiagram(model, d1, 1)).toBe(model)
    expect(renameDiagram(model, d1, 'Main')).toBe(model)
  })

  it('duplicates a diagram right after it, with fresh ids and its flows re-attached to the copies', () => {
    const model = expectValid(duplicateDiagram(sampleModel(), d1, asId('copy')))
    expect(names(model)).toEqual(['Main', 'Main (copy)', 'Second'])
    const copy = model.diagrams[1]
    const original = model.diagrams[0]
    expect(copy?.elements.map((element) => element.name)).toEqual(original?.elements.map((element) => element.name))
    const copyIds = new Set(copy?.elements.map((element) => element.id))
    expect(copy?.elements.some((element) => original?.elements.some((other) => other.id === element.id))).toBe(false)
    expect(copy?.flows.every((flow) => copyIds.has(flow.source!) && copyIds.has(flow.target!))).toBe(true)
    expect(copy?.boundaries).toHaveLength(1)
  })

  it('deletes a diagram, but never the last one', () => {
    const model = expectValid(deleteDiagram(sampleModel(), d1))
    expect(names(model)).toEqual(['Second'])
    expect(deleteDiagram(model, d2)).toBe(model)
  })
})
