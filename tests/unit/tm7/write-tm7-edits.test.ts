import { describe, expect, it } from 'vitest'
import { readTm7 } from '../../../importers/tm7/read-tm7'
import { writeTm7 } from '../../../importers/tm7/write-tm7'
import { canonical } from '../../../model/canonical'
import { emptyModel, newElement, newFlow, newUserThreat } from '../../../model/factory'
import { asId, type ElementId } from '../../../model/ids'
import type { Diagram, DiagramElement, ThreatModel } from '../../../model/model'
import { corpusModel, textOf } from './tm7-test-files'

const USER = asId<ElementId>('b6775541-6516-4bc2-bb98-2d9914d8450c')

function roundTrip(model: ThreatModel): { model: ThreatModel; text: string; warnings: string[] } {
  const written = writeTm7(model)
  const read = readTm7({ bytes: written.bytes, fileName: 'edited.tm7' })
  if (read.model === null) throw new Error(JSON.stringify(read.diagnostics))
  return { model: read.model, text: textOf(written.bytes), warnings: written.diagnostics.map((entry) => entry.code) }
}

const withoutBags = <Item extends { extensions: unknown }>(item: Item): Omit<Item, 'extensions'> => {
  const { extensions: _ignored, ...rest } = item
  return rest
}

const mapFirstDiagram = (model: ThreatModel, edit: (diagram: Diagram) => Diagram): ThreatModel => ({
  ...model,
  diagrams: model.diagrams.map((diagram, index) => (index === 0 ? edit(diagram) : diagram))
})

const mapElement = (model: ThreatModel, id: string, edit: (element: DiagramElement) => DiagramElement): ThreatModel =>
  mapFirstDiagram(model, (diagram) => ({ ...diagram, elements: diagram.elements.map((element) => (element.id === id ? edit(element) : element)) }))

describe('writeTm7 writes edits, and keeps everything else', () => {
  const original = corpusModel('otmt-simple-https.tm7')

  it('renames and moves an element and changes a list selection', () => {
    const edited = mapElement(original, USER, (element) => ({
      ...element,
      name: 'Browser user',
      layout: { ...element.layout, x: 200, y: 300 },
      properties: element.properties.map((property) =>
        property.kind === 'list' && property.key === 'authenticatesItself' ? { ...property, selected: 2 } : property
      )
    }))
    const back = roundTrip(edited)
    const element = back.model.diagrams[0]?.elements.find((candidate) => candidate.id === USER)
    expect(element?.name).toBe('Browser user')
    expect(element?.layout).toEqual({ x: 200, y: 300, width: 100, height: 100 })
    expect(element?.properties.find((property) => property.key === 'authenticatesItself')).toMatchObject({ selected: 2 })
    const others = (model: ThreatModel) => model.diagrams[0]?.elements.filter((candidate) => candidate.id !== USER).map(withoutBags)
    expect(others(back.model)).toEqual(others(original))
    expect(back.model.threats.map(withoutBags)).toEqual(original.threats.map(withoutBags))
    expect(back.text).toContain('<b:Value i:type="c:string" xmlns:c="http://www.w3.org/2001/XMLSchema">Browser user</b:Value>')
  })

  it('sets a threat to mitigated with a justification', () => {
    const target = original.threats.find((threat) => threat.state.value !== 'mitigated')
    if (target === undefined) throw new Error('no open threat')
    const edited: ThreatModel = {
      ...original,
      threats: original.threats.map((threat) =>
        threat.id === target.id ? { ...threat, state: canonical('mitigated'), justification: 'TLS 1.3 everywhere.\r\nSee ticket 42.', changedBy: 'reviewer' } : threat
      )
    }
    const back = roundTrip(edited).model.threats.find((threat) => threat.id === target.id)
    expect(back).toMatchObject({ state: { value: 'mitigated', raw: 'Mitigated' }, justification: 'TLS 1.3 everywhere.\r\nSee ticket 42.', changedBy: 'reviewer' })
  })

  it('deletes a flow: its threats are kept, stale, with a warning (the triage is the user’s work)', () => {
    const flow = original.diagrams[0]?.flows.find((candidate) => original.threats.some((threat) => threat.target.kind === 'interaction' && threat.target.flowId === candidate.id))
    if (flow === undefined) throw new Error('no flow with threats')
    const edited = mapFirstDiagram(original, (diagram) => ({ ...diagram, flows: diagram.flows.filter((candidate) => candidate.id !== flow.id) }))
    const back = roundTrip(edited)
    expect(back.warnings).toContain('tm7.stale-threat')
    expect(back.model.diagrams[0]?.flows.map((candidate) => candidate.id)).not.toContain(flow.id)
    expect(back.model.threats).toHaveLength(original.threats.length)
  })

  it('adds an element, a flow and a user threat made with the model factory', () => {
    const element = { ...newElement('dataStore', { x: 500, y: 40 }, 'Audit log'), typeId: 'GE.DS' }
    const flow = { ...newFlow(USER, element.id, { sourcePoint: { x: 168, y: 139 }, targetPoint: { x: 500, y: 90 }, bendPoints: [{ x: 330, y: 100 }] }), name: 'Write audit' }
    const diagramId = original.diagrams[0]?.id ?? null
    const threat = { ...newUserThreat({ kind: 'interaction', sourceId: USER, flowId: flow.id, targetId: element.id }, 'Log tampering', { diagramId }), state: canonical('needsInvestigation' as const) }
    const edited: ThreatModel = {
      ...mapFirstDiagram(original, (diagram) => ({ ...diagram, elements: [...diagram.elements, element], flows: [...diagram.flows, flow] })),
      threats: [...original.threats, threat]
    }
    const back = roundTrip(edited).model
    const readElement = back.diagrams[0]?.elements.find((candidate) => candidate.id === element.id)
    expect(readElement && withoutBags(readElement)).toEqual(withoutBags(element))
    const readFlow = back.diagrams[0]?.flows.find((candidate) => candidate.id === flow.id)
    expect(readFlow && withoutBags(readFlow)).toEqual(withoutBags(flow))
    const readThreat = back.threats.find((candidate) => candidate.id === threat.id)
    expect(readThreat).toMatchObject({ title: 'Log tampering', state: { value: 'needsInvestigation' }, target: threat.target, diagramId, definitionId: null })
  })
})

describe('writeTm7 for a model made in Threatwright', () => {
  it('writes a TMT-shaped file that reads back to the same content', () => {
    const base = emptyModel('Payments')
    const web = { ...newElement('process', { x: 100, y: 100 }, 'Web app'), properties: [{ kind: 'list' as const, key: 'codeType', label: 'Code Type', options: ['Managed', 'Unmanaged'], selected: 1, editable: true }] }
    const db = newElement('dataStore', { x: 400, y: 100 }, 'Orders DB')
    const flow = { ...newFlow(web.id, db.id, { sourcePoint: { x: 200, y: 150 }, targetPoint: { x: 400, y: 150 }, bendPoints: [{ x: 300, y: 150 }] }), name: 'SQL' }
    const diagram = base.diagrams[0]
    if (diagram === undefined) throw new Error('no diagram')
    const threat = newUserThreat({ kind: 'interaction', sourceId: web.id, flowId: flow.id, targetId: db.id }, 'SQL injection', { diagramId: diagram.id })
    const model: ThreatModel = { ...base, diagrams: [{ ...diagram, elements: [web, db], flows: [flow] }], threats: [threat] }
    const back = roundTrip(model)
    expect(back.text.startsWith('<ThreatModel xmlns="http://schemas.datacontract.org/2004/07/ThreatModeling.Model" xmlns:i="http://www.w3.org/2001/XMLSchema-instance"><DrawingSurfaceList><DrawingSurfaceModel z:Id="i1" xmlns:z="http://schemas.microsoft.com/2003/10/Serialization/">')).toBe(true)
    expect(back.text).toContain('<Version>4.3</Version>')
    expect(back.text).toContain('<a:KeyValueOfstringThreatpc_P0_PhOB>')
    expect(back.text.endsWith('<Profile><PromptedKb xmlns=""/></Profile></ThreatModel>')).toBe(true)
    expect(back.model.metadata.title).toBe('Payments')
    expect(back.model.diagrams[0]?.elements.map(withoutBags)).toEqual([web, db].map(withoutBags))
    expect(back.model.diagrams[0]?.flows.map(withoutBags)).toEqual([withoutBags(flow)])
    expect(back.model.threats.map((candidate) => [candidate.id, candidate.title, candidate.state.value, candidate.target])).toEqual([[threat.id, 'SQL injection', 'notStarted', threat.target]])
    expect(back.model.template?.name).toBe('Threatwright generic elements')
  })
})
