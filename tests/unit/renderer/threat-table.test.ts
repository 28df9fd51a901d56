import { describe, expect, it } from 'vitest'
import { asId, type ElementId, type ThreatId } from '../../../model/ids'
import { newUserThreat } from '../../../model/factory'
import type { ThreatModel } from '../../../model/model'
import { setThreatState } from '../../../model/edits/threat-edits'
import { distinctValues, filterRows, NO_FILTER } from '../../../analysis/threat-table/threat-filter'
import { threatProgress } from '../../../analysis/threat-table/threat-progress'
import { buildThreatRows } from '../../../analysis/threat-table/threat-rows'
import { sortRows } from '../../../analysis/threat-table/threat-sort'
import { sampleModel } from '../../small-model'

/**
 * The fixture (./threat-fixture.ts): flow f1 p1 → s1 leaves box b1 (p1 inside, s1 outside),
 * threat t1 on f1. Added here: t2 on element p1 (Tampering, high), t3 on e2 in diagram d2, t4 on a gone flow.
 */
function model(): ThreatModel {
  const base = sampleModel()
  const extra = [
    { ...newUserThreat({ kind: 'element', elementId: asId<ElementId>('p1') }, 'SQL injection in the web app', { category: { value: 'tampering', raw: null } }), id: asId<ThreatId>('t2'), priority: { value: 'high' as const, raw: null }, owner: 'Marta' },
    { ...newUserThreat({ kind: 'element', elementId: asId<ElementId>('e2') }, 'Spoofed partner', { category: { value: 'spoofing', raw: null } }), id: asId<ThreatId>('t3'), priority: { value: 'low' as const, raw: null } },
    { ...newUserThreat({ kind: 'interaction', sourceId: asId('p1'), flowId: asId('gone'), targetId: asId('s1') }, 'Old threat'), id: asId<ThreatId>('t4') }
  ]
  return { ...base, threats: [...base.threats, ...extra] }
}

describe('buildThreatRows', () => {
  it('names targets and diagrams, and computes boundary crossing, obsolescence and review', () => {
    const rows = buildThreatRows(model())
    expect(rows.map((row) => [row.id, row.targetName, row.diagramName, row.crossesBoundary, row.obsolete, row.unreviewed])).toEqual([
      ['t1', 'Generic Data Flow', 'Main', true, false, true],
      ['t2', 'Web app', 'Main', false, false, true],
      ['t3', 'Generic External Interactor', 'Second', false, false, true],
      ['t4', 'Web app → Generic Data Store (gone)', 'Main', false, true, true]
    ])
    expect(rows[3]?.itemIds).toEqual(['gone', 'p1', 's1'])
  })

  it('counts a triaged threat as reviewed', () => {
    const result = setThreatState(model(), [asId('t2')], 'needsInvestigation', { by: 'P', at: '2026-01-01T00:00:00Z' })
    if (result.kind !== 'edited') throw new Error(result.reason)
    expect(buildThreatRows(result.model).find((row) => row.id === 't2')).toMatchObject({ unreviewed: false, state: 'needsInvestigation' })
  })
})

describe('buildThreatRows after an edit', () => {
  const author = { by: 'P', at: '2026-01-01T00:00:00Z' }

  it('rebuilds only the edited threats and takes the rest as they were', () => {
    const before = model()
    const rowsBefore = buildThreatRows(before)
    const result = setThreatState(before, [asId('t2')], 'mitigated', author, 'parameterised queries')
    if (result.kind !== 'edited') throw new Error(result.reason)
    const rowsAfter = buildThreatRows(result.model)
    expect(rowsAfter.map((row, index) => row === rowsBefore[index])).toEqual([true, false, true, true])
    expect(rowsAfter[1]).toMatchObject({ id: 't2', state: 'mitigated', unreviewed: false })
    // Undo gives back the model before, and with it the rows it had.
    expect(buildThreatRows(before)[1]).toMatchObject({ id: 't2', state: 'notStarted', unreviewed: true })
  })

  it('builds every row again when an item is renamed, so names and crossings are never stale', () => {
    const before = model()
    const rowsBefore = buildThreatRows(before)
    const renamed = {
      ...before,
      diagrams: before.diagrams.map((diagram) => ({
        ...diagram,
        elements: diagram.elements.map((element) => (element.id === 'p1' ? { ...element, name: 'Checkout API' } : element))
      }))
    }
    const rowsAfter = buildThreatRows(renamed)
    expect(rowsAfter.some((row, index) => row === rowsBefore[index])).toBe(false)
    expect(rowsAfter[1]?.targetName).toBe('Checkout API')
  })
})

describe('filterRows', () => {
  const rows = buildThreatRows(model())
  const ids = (filter: Partial<typeof NO_FILTER>): string[] => filterRows(rows, { ...NO_FILTER, ...filter }).map((row) => row.id)

  it('returns everything for no filter', () => {
    expect(filterRows(rows, NO_FILTER)).toBe(rows)
  })

  it('filters by category, diagram, item, crossing and obsolescence', () => {
    expect(ids({ categories: new Set(['tampering']) })).toEqual(['t2'])
    expect(ids({ diagramId: 'd2' })).toEqual(['t3'])
    expect(ids({ itemId: 'p1' })).toEqual(['t2', 't4'])
    expect(ids({ crossesBoundary: true })).toEqual(['t1'])
    expect(ids({ obsolete: true })).toEqual(['t4'])
    expect(ids({ obsolete: false, diagramId: 'd1' })).toEqual(['t1', 't2'])
  })

  it('matches every search word anywhere in the row, ignoring case', () => {
    expect(ids({ text: 'sql WEB' })).toEqual(['t2'])
    expect(ids({ text: 'marta' })).toEqual(['t2'])
    expect(ids({ text: 'sql partner' })).toEqual([])
  })

  it('filters by state and lists distinct values for the filter bar', () => {
    expect(ids({ states: new Set(['mitigated']) })).toEqual([])
    expect(ids({ states: new Set(['notStarted']) })).toHaveLength(4)
    expect(distinctValues(rows, (row) => row.category)).toEqual(['spoofing', 'tampering'])
  })
})

describe('sortRows', () => {
  const rows = buildThreatRows(model())
  it('sorts priorities by rank, not alphabetically, and keeps ties in model order', () => {
    expect(sortRows(rows, { key: 'priority', descending: false }).map((row) => row.id)).toEqual(['t3', 't2', 't1', 't4'])
    expect(sortRows(rows, { key: 'priority', descending: true }).map((row) => row.id)).toEqual(['t1', 't4', 't2', 't3'])
  })
  it('sorts text naturally and leaves model order for no sort', () => {
    expect(sortRows(rows, { key: 'title', descending: false }).map((row) => row.title)).toEqual([
      'Old threat',
      'Spoofed partner',
      'SQL injection in the web app',
      'Tampering with f1'
    ])
    expect(sortRows(rows, null)).toBe(rows)
  })
})

describe('threatProgress', () => {
  it('counts per state in workflow order and per diagram', () => {
    const result = setThreatState(model(), [asId('t1')], 'mitigated', { by: 'P', at: '2026-01-01T00:00:00Z' }, 'Signed.')
    if (result.kind !== 'edited') throw new Error(result.reason)
    const progress = threatProgress(buildThreatRows(result.model))
    expect(progress.byState).toEqual([
      { state: 'notStarted', count: 3 },
      { state: 'needsInvestigation', count: 0 },
      { state: 'notApplicable', count: 0 },
      { state: 'mitigated', count: 1 },
      { state: 'accepted', count: 0 }
    ])
    expect(progress.byDiagram).toEqual([
      { diagramId: 'd1', diagramName: 'Main', total: 3, triaged: 1 },
      { diagramId: 'd2', diagramName: 'Second', total: 1, triaged: 0 }
    ])
  })
})
