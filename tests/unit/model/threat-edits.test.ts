import { describe, expect, it } from 'vitest'
import { asId, type DiagramId, type ElementId, type ThreatId } from '../../../model/ids'
import { newUserThreat } from '../../../model/factory'
import type { ThreatModel } from '../../../model/model'
import { validateModel } from '../../../model/validate'
import {
  addUserThreat,
  copyThreat,
  editThreats,
  moveThreat,
  setThreatState,
  type TriageResult
} from '../../../model/edits/threat-edits'
import { sampleModel } from './model-fixture'

const priya = { by: 'Priya Shah', at: '2026-11-26T10:00:00.000Z' }
const tom = { by: 'Tom Okafor', at: '2026-11-26T11:30:00.000Z' }
const t1 = asId<ThreatId>('t1')
const t2 = asId<ThreatId>('t2')

/** The fixture's one user threat "t1" on flow f1, plus "t2" on process p1. */
function twoThreats(): ThreatModel {
  const model = sampleModel()
  const second = { ...newUserThreat({ kind: 'element', elementId: asId<ElementId>('p1') }, 'Spoofing p1'), id: t2 }
  return { ...model, threats: [...model.threats, second] }
}

function edited(result: TriageResult): ThreatModel {
  if (result.kind !== 'edited') throw new Error(`refused: ${result.reason}`)
  return result.model
}

describe('editThreats', () => {
  it('sets a state with its justification and records both changes with who and when', () => {
    const model = edited(setThreatState(twoThreats(), [t1], 'mitigated', priya, 'TLS with pinned certificates.'))
    const threat = model.threats[0]
    expect(threat?.state).toEqual({ value: 'mitigated', raw: null })
    expect(threat?.justification).toBe('TLS with pinned certificates.')
    expect(threat?.changedBy).toBe('Priya Shah')
    expect(threat?.changedAt).toBe('2026-11-26T10:00:00.000Z')
    expect(model.triageHistory).toEqual([
      { threatId: 't1', field: 'state', from: 'notStarted', to: 'mitigated', by: 'Priya Shah', at: '2026-11-26T10:00:00.000Z' },
      { threatId: 't1', field: 'justification', from: '', to: 'TLS with pinned certificates.', by: 'Priya Shah', at: '2026-11-26T10:00:00.000Z' }
    ])
    expect(validateModel(model).model).not.toBeNull()
  })

  it.each(['notApplicable', 'mitigated', 'accepted'] as const)('refuses %s without a justification and changes nothing', (state) => {
    const before = twoThreats()
    const result = setThreatState(before, [t1, t2], state, priya, '   ')
    expect(result).toMatchObject({ kind: 'refused', threatIds: ['t1', 't2'] })
    expect(result.kind === 'refused' && result.reason).toContain('justification is required')
    expect(before.threats[0]?.state.value).toBe('notStarted')
  })

  it('accepts needsInvestigation without a justification', () => {
    expect(edited(setThreatState(twoThreats(), [t1], 'needsInvestigation', priya)).threats[0]?.state.value).toBe('needsInvestigation')
  })

  it('refuses to clear the justification of a mitigated threat', () => {
    const mitigated = edited(setThreatState(twoThreats(), [t1], 'mitigated', priya, 'Signed requests.'))
    expect(editThreats(mitigated, [t1], { justification: '' }, tom).kind).toBe('refused')
  })

  it('keeps an existing justification when only the state changes', () => {
    const justified = edited(editThreats(twoThreats(), [t1], { justification: 'Internal only.' }, priya))
    const model = edited(setThreatState(justified, [t1], 'notApplicable', tom))
    expect(model.threats[0]?.state.value).toBe('notApplicable')
    expect(model.triageHistory.map((record) => `${record.field}:${record.by}`)).toEqual(['justification:Priya Shah', 'state:Tom Okafor'])
  })

  it('bulk edits many threats in one model, one record per changed field per threat', () => {
    const model = edited(editThreats(twoThreats(), [t1, t2], { priority: 'high', owner: 'Marta Jensen' }, tom))
    expect(model.threats.map((threat) => [threat.priority?.value, threat.owner])).toEqual([
      ['high', 'Marta Jensen'],
      ['high', 'Marta Jensen']
    ])
    expect(model.triageHistory.map((record) => `${record.threatId}.${record.field}`)).toEqual([
      't1.priority',
      't1.owner',
      't2.priority',
      't2.owner'
    ])
  })

  it('returns the same model when nothing changes, so the store records no undo step', () => {
    const model = twoThreats()
    expect(edited(editThreats(model, [t1], { owner: '', state: 'notStarted' }, priya))).toBe(model)
  })

  it('sets severity, mitigations, ticket and review date, and appends to an existing history', () => {
    const first = edited(editThreats(twoThreats(), [t2], { severity: 'elevated' }, priya))
    const model = edited(
      editThreats(
        first,
        [t2],
        { mitigations: [{ description: 'MFA for admins', status: 'planned' }], ticket: 'SHOP-12', reviewDate: '2027-01-31', severity: null },
        tom
      )
    )
    expect(model.threats[1]).toMatchObject({ severity: null, ticket: 'SHOP-12', reviewDate: '2027-01-31' })
    expect(model.triageHistory.map((record) => [record.field, record.from, record.to])).toEqual([
      ['severity', null, 'elevated'],
      ['severity', 'elevated', null],
      ['mitigations', null, 'MFA for admins [planned]'],
      ['ticket', '', 'SHOP-12'],
      ['reviewDate', null, '2027-01-31']
    ])
  })

  it('keeps the source spelling of a value that does not change', () => {
    const model = twoThreats()
    const imported = { ...model, threats: model.threats.map((threat) => ({ ...threat, state: { value: 'notStarted' as const, raw: 'AutoGenerated' } })) }
    const result = edited(editThreats(imported, [t1], { owner: 'Marta Jensen' }, priya))
    expect(result.threats[0]?.state).toEqual({ value: 'notStarted', raw: 'AutoGenerated' })
  })
})

describe('user-written, copied and moved threats', () => {
  const diagramId = asId<DiagramId>('d1')

  it('adds a user threat on an interaction and records its creation', () => {
    const threat = { ...newUserThreat({ kind: 'interaction', sourceId: asId('p1'), flowId: asId('f1'), targetId: asId('s1') }, 'Replay'), id: asId<ThreatId>('t3') }
    const model = addUserThreat(twoThreats(), { ...threat, diagramId }, priya)
    expect(model.threats.at(-1)).toMatchObject({ id: 't3', changedBy: 'Priya Shah', origin: { kind: 'user' } })
    expect(model.triageHistory).toEqual([
      { threatId: 't3', field: 'created', from: null, to: 'interaction:p1>f1>s1', by: 'Priya Shah', at: priya.at }
    ])
    expect(validateModel(model).diagnostics.filter((entry) => entry.severity === 'error')).toEqual([])
  })

  it('copies a threat untriaged to another target, next to the original', () => {
    const triaged = edited(setThreatState(twoThreats(), [t1], 'mitigated', priya, 'Signed.'))
    const model = copyThreat(triaged, t1, { target: { kind: 'element', elementId: asId('s1') }, diagramId, newId: asId('t1-copy') }, tom)
    expect(model.threats.map((threat) => threat.id)).toEqual(['t1', 't1-copy', 't2'])
    expect(model.threats[1]).toMatchObject({ title: 'Tampering with f1', state: { value: 'notStarted' }, justification: '', target: { kind: 'element', elementId: 's1' } })
    expect(model.threats[0]?.state.value).toBe('mitigated')
    expect(model.triageHistory.at(-1)).toMatchObject({ threatId: 't1-copy', field: 'copied', from: 't1', to: 'element:s1' })
  })

  it('refuses a copy under an id already taken', () => {
    const model = twoThreats()
    expect(copyThreat(model, t1, { target: { kind: 'model' }, diagramId: null, newId: t2 }, tom)).toBe(model)
  })

  it('moves a threat with its triage and records from where to where', () => {
    const triaged = edited(setThreatState(twoThreats(), [t1], 'accepted', priya, 'Low value data.'))
    const model = moveThreat(triaged, t1, { target: { kind: 'element', elementId: asId('p1') }, diagramId }, tom)
    expect(model.threats[0]).toMatchObject({ state: { value: 'accepted' }, justification: 'Low value data.', target: { kind: 'element', elementId: 'p1' } })
    expect(model.triageHistory.at(-1)).toMatchObject({ field: 'moved', from: 'flow:f1', to: 'element:p1', by: 'Tom Okafor' })
    expect(moveThreat(model, t1, { target: { kind: 'element', elementId: asId('p1') }, diagramId }, tom)).toBe(model)
  })
})
