import { describe, expect, it } from 'vitest'
import { readTm7 } from '../../../importers/tm7/read-tm7'
import { writeTm7 } from '../../../importers/tm7/write-tm7'
import { addUserThreat, editThreats, type TriageAuthor, type TriagePatch } from '../../../model/edits/threat-edits'
import { newUserThreat } from '../../../model/factory'
import { asId, type BoundaryId, type DataAssetId, type ElementId, type FlowId, type ThreatDefinitionId, type ThreatId } from '../../../model/ids'
import { canonical } from '../../../model/canonical'
import type { Threat, ThreatDefinition, ThreatModel } from '../../../model/model'
import { sampleModel } from '../../small-model'
import { corpusModel, textOf, threatMeaning } from './tm7-test-files'

/**
 * The triage issue's .tm7 half: threats in all five states, on every kind of target, with everything a
 * reviewer decides (owner, ticket, review date, mitigations, severity, the approver of an accepted risk)
 * and the triage history, survive a .tm7 and come back with the same ids.
 */
const author = (by: string, at: string): TriageAuthor => ({ by, at })

function triaged(model: ThreatModel, id: string, patch: TriagePatch, by: TriageAuthor): ThreatModel {
  const result = editThreats(model, [asId<ThreatId>(id)], patch, by)
  if (result.kind !== 'edited') throw new Error(result.reason)
  return result.model
}

function userThreat(id: string, target: Threat['target'], title: string): Threat {
  return { ...newUserThreat(target, title, { diagramId: null }), id: asId<ThreatId>(id) }
}

/** sampleModel (diagram d1: p1 → f1 → s1 in box b1; d2: e2; data asset a1) with seven threats, triaged. */
function triagedModel(): ThreatModel {
  const base = sampleModel()
  const tmtThreat: Threat = {
    ...userThreat('tmt-generated', { kind: 'interaction', sourceId: asId<ElementId>('p1'), flowId: asId<FlowId>('f1'), targetId: asId<ElementId>('s1') }, 'Tampering with f1 data'),
    definitionId: asId<ThreatDefinitionId>('T1'),
    origin: { kind: 'generated', engine: 'tmt', ruleId: 'T1' },
    customProperties: [{ kind: 'list', key: 'sdl-phase', label: 'SDL Phase', options: ['Design', 'Implementation'], selected: 1, editable: true }]
  }
  const definition: ThreatDefinition = {
    id: asId<ThreatDefinitionId>('T1'),
    title: 'Tampering with {flow.Name} data',
    description: 'Data on the flow could be changed on its way.',
    category: canonical('tampering'),
    defaultPriority: canonical('high'),
    mitigations: 'Sign or MAC the data.',
    references: ['https://example.org/tampering'],
    extensions: {}
  }
  let model: ThreatModel = {
    ...base,
    threatDefinitions: [definition],
    threats: [
      ...base.threats,
      tmtThreat,
      { ...userThreat('boundary-threat', { kind: 'boundary', boundaryId: asId<BoundaryId>('b1') }, 'Boundary bypass'), extensions: { threagile: { synthetic_id: 'x@b1', occurrences: 1 } } },
      userThreat('asset-threat', { kind: 'dataAsset', dataAssetId: asId<DataAssetId>('a1') }, 'Customer records leak'),
      userThreat('model-threat', { kind: 'model' }, 'No incident response plan')
    ]
  }
  const priya = author('Priya Shah', '2026-03-01T09:00:00.000Z')
  model = addUserThreat(model, { ...userThreat('element-threat', { kind: 'element', elementId: asId<ElementId>('p1') }, 'Web app runs as root'), diagramId: asId('d1') }, priya)
  model = addUserThreat(model, userThreat('interactor-threat', { kind: 'element', elementId: asId<ElementId>('e2') }, 'Partner spoofs its identity'), priya)
  model = triaged(model, 't1', { state: 'mitigated', justification: 'Writes are signed.\n', mitigations: [{ description: 'HMAC on every record', status: 'implemented' }] }, priya)
  model = triaged(model, 'tmt-generated', { state: 'needsInvestigation', priority: 'high', owner: 'Ade Bello', ticket: 'SEC-7' }, priya)
  model = triaged(model, 'boundary-threat', { state: 'notApplicable', justification: 'The box is drawn for layout only.' }, priya)
  model = triaged(model, 'element-threat', { state: 'accepted', justification: 'Container is rootless from Q3; accepted until then.', owner: 'Marta Jensen', reviewDate: '2026-09-30', severity: 'elevated' }, author('Marta Jensen', '2026-03-02T10:00:00.000Z'))
  model = triaged(model, 'asset-threat', { severity: 'high', priority: 'critical' }, priya)
  return model
}

const roundTrip = (model: ThreatModel) => {
  const written = writeTm7(model)
  const read = readTm7({ bytes: written.bytes, fileName: 'triaged.tm7' })
  if (read.model === null) throw new Error(JSON.stringify(read.diagnostics))
  return { written, text: textOf(written.bytes), read, model: read.model }
}

describe('a triaged model → .tm7 → model', () => {
  const original = triagedModel()
  const trip = roundTrip(original)

  it('gives back every threat with its id, target, state and every triage field, and the history', () => {
    expect(new Set(original.threats.map((threat) => threat.state.value))).toEqual(new Set(['notStarted', 'needsInvestigation', 'notApplicable', 'mitigated', 'accepted']))
    expect(trip.model.threats.map(threatMeaning)).toEqual(original.threats.map(threatMeaning))
    expect(trip.model.triageHistory).toEqual(original.triageHistory)
    expect(trip.model.dataAssets).toEqual(original.dataAssets)
    expect(trip.model.threatDefinitions).toEqual(original.threatDefinitions)
    expect(trip.read.diagnostics.filter((entry) => entry.severity !== 'info')).toEqual([])
  })

  it('writes what TMT can show in TMT’s own fields: Accepted as NeedsInvestigation, the element as target, TMT’s key for its own threat', () => {
    const accepted = /<a:Key>element-threat<\/a:Key>.*?<\/a:KeyValueOfstringThreatpc_P0_PhOB>/s.exec(trip.text)?.[0] ?? ''
    expect(accepted).toContain('<b:State>NeedsInvestigation</b:State>')
    expect(accepted).toContain('<b:InteractionKey>00000000-0000-0000-0000-000000000000:00000000-0000-0000-0000-000000000000:p1</b:InteractionKey>')
    expect(accepted).toContain('<a:Key>Threatwright.State</a:Key><a:Value>accepted</a:Value>')
    expect(accepted).toContain('<a:Key>Threatwright.Owner</a:Key><a:Value>Marta Jensen</a:Value>')
    expect(accepted).toContain('<a:Key>Threatwright.ReviewDate</a:Key><a:Value>2026-09-30</a:Value>')
    expect(trip.text).toContain('<a:Key>T1p1f1s1</a:Key>')
    expect(trip.text).toContain('<a:Key>Threatwright.Id</a:Key><a:Value>tmt-generated</a:Value>')
    expect(trip.written.diagnostics.map((entry) => entry.code)).toEqual(expect.arrayContaining(['tm7.threat-without-flow', 'tm7.accepted-shown-open']))
  })

  it('writes the same file again when nothing changed', () => {
    expect(textOf(writeTm7(trip.model).bytes)).toBe(trip.text)
  })

  it('lets a decision made in TMT win over what Threatwright carried', () => {
    const accepted = /<a:Key>element-threat<\/a:Key>.*?<\/a:KeyValueOfstringThreatpc_P0_PhOB>/s.exec(trip.text)?.[0] ?? ''
    const editedInTmt = accepted
      .replace('<b:State>NeedsInvestigation</b:State>', '<b:State>Mitigated</b:State>')
      .replace('Container is rootless from Q3; accepted until then.', 'Rootless since the 2026-04 release.')
    const text = trip.text.replace(accepted, editedInTmt).replace('<a:Value>Writes are signed.\n</a:Value>', '<a:Value>Writes are signed and logged.</a:Value>')
    const model = readTm7({ bytes: new TextEncoder().encode(text), fileName: 'edited-in-tmt.tm7' }).model!
    const threat = (id: string) => model.threats.find((candidate) => candidate.id === id)
    expect(threat('element-threat')).toMatchObject({ state: { value: 'mitigated' }, justification: 'Rootless since the 2026-04 release.', owner: 'Marta Jensen' })
    expect(threat('t1')?.justification).toBe('Writes are signed and logged.')
  })

  it('reports a damaged entry, reads the rest, and keeps a damaged note as an ordinary note', () => {
    const text = trip.text
      .replace(/(<a:Key>Threatwright\.Mitigations<\/a:Key><a:Value>)[^<]*/, '$1[{"description":')
      .replace('"threatwright":1', '"threatwright":1,,')
    expect(text).not.toBe(trip.text)
    const read = readTm7({ bytes: new TextEncoder().encode(text), fileName: 'damaged.tm7' })
    const codes = read.diagnostics.map((entry) => `${entry.code} ${entry.severity}`)
    expect(codes).toEqual(expect.arrayContaining(['tm7.threatwright-entry warning', 'tm7.threatwright-note warning']))
    const t1 = read.model?.threats.find((threat) => threat.id === 't1')
    expect(t1).toMatchObject({ state: { value: 'mitigated' }, mitigations: [], justification: 'Writes are signed.\n' })
    expect(read.model?.dataAssets).toEqual([])
    expect(read.model?.notes.map((note) => note.text.slice(0, 14))).toEqual(['[Threatwright]'])
  })
})

describe('triage on a TMT model (otmt-simple-https.tm7) → .tm7 → model', () => {
  const original = corpusModel('otmt-simple-https.tm7')
  const threat = original.threats[0]!

  it('carries Accepted with its approver and review date in the threat’s entry, and drops the entries once TMT can hold the state again', () => {
    const accepted = triaged(original, threat.id, { state: 'accepted', justification: 'Risk owner signs off.', owner: 'Ade Bello', reviewDate: '2027-01-31' }, author('Ade Bello', '2026-05-05T08:00:00.000Z'))
    const back = roundTrip(accepted).model.threats.find((candidate) => candidate.id === threat.id)
    expect(back).toMatchObject({ state: { value: 'accepted' }, justification: 'Risk owner signs off.', owner: 'Ade Bello', reviewDate: '2027-01-31', changedBy: 'Ade Bello' })

    const reopened = triaged(roundTrip(accepted).model, threat.id, { state: 'needsInvestigation', owner: '', reviewDate: null }, author('Ade Bello', '2026-06-01T08:00:00.000Z'))
    const text = roundTrip(reopened).text
    const entry = new RegExp(`<a:Key>${threat.id}</a:Key>.*?</a:KeyValueOfstringThreatpc_P0_PhOB>`, 's').exec(text)?.[0] ?? ''
    expect(entry).toContain('<b:State>NeedsInvestigation</b:State>')
    expect(entry).not.toContain('Threatwright.')
  })
})
