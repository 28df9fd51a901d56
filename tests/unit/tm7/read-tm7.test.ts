import { describe, expect, it } from 'vitest'
import { readTm7 } from '../../../importers/tm7/read-tm7'
import type { DiagramElement, Flow, TrustBoundary } from '../../../model/model'
import { corpusFiles } from '../../corpus'
import { bytesOf, corpusModel, readCorpusTm7 } from './tm7-test-files'

/** Expected values below were read by hand from the XML (grep in ../shared/corpus/tm7), not from this reader. */
const allItems = (name: string) => {
  const model = corpusModel(name)
  const elements = model.diagrams.flatMap((diagram) => diagram.elements)
  const flows = model.diagrams.flatMap((diagram) => diagram.flows)
  const boundaries = model.diagrams.flatMap((diagram) => diagram.boundaries)
  const find = <Item extends { id: string }>(items: readonly Item[], id: string): Item => {
    const found = items.find((item) => item.id === id)
    if (found === undefined) throw new Error(`${id} not found`)
    return found
  }
  return { model, elements, flows, boundaries, find }
}

describe('readTm7 over the corpus', () => {
  it.each(corpusFiles('tm7', ['.tm7']))('%s reads into a valid model without errors', (path) => {
    const { model, diagnostics } = readCorpusTm7(path)
    expect(diagnostics.filter((entry) => entry.severity === 'error')).toEqual([])
    expect(model).not.toBeNull()
    for (const entry of diagnostics) expect(entry.location.file).toBe(path.split('/').pop())
  })
})

describe('readTm7 on hand-checked corpus facts', () => {
  it('otmt-simple-https.tm7: counts, template, states and a stencil with its list property', () => {
    const { model, elements, flows, boundaries, find } = allItems('otmt-simple-https.tm7')
    expect([model.diagrams.length, elements.length, flows.length, boundaries.length, model.threats.length]).toEqual([1, 3, 4, 1, 10])
    expect(model.template).toEqual({ id: 'aef9fb95-2bd6-4f3b-8325-62e83d6ccaa2', name: 'Secodis Web Plain', version: '1.0.0.229' })
    const states = model.threats.map((threat) => threat.state.value).sort()
    expect(states).toEqual([...Array(1).fill('mitigated'), ...Array(4).fill('needsInvestigation'), ...Array(5).fill('notApplicable')])
    const user = find(elements, 'b6775541-6516-4bc2-bb98-2d9914d8450c')
    expect(user).toMatchObject({ kind: 'externalInteractor', name: 'User', outOfScope: false, outOfScopeReason: '' })
    expect(user.layout).toEqual({ x: 68, y: 89, width: 100, height: 100 })
    expect(user.properties).toContainEqual({ kind: 'list', key: 'authenticatesItself', label: 'Authenticates Itself', options: ['Not Applicable', 'No', 'Yes'], selected: 0, editable: true })
    expect(user.properties.map((property) => property.label)).not.toContain('Out Of Scope')
  })

  it('akri-threat-model-sept23.tm7: boundary box, flow with handle, line boundary, annotation, a triaged threat', () => {
    const { elements, flows, boundaries, model, find } = allItems('akri-threat-model-sept23.tm7')
    const box: TrustBoundary = find(boundaries, '3687273c-8242-4d64-9a47-c866446e2ad0')
    expect(box).toMatchObject({ name: 'Container Trust Boundary Border', typeId: 'SE.TB.B.TMCore.Sandbox' })
    expect(box.shape).toEqual({ kind: 'box', rect: { x: 803, y: 507, width: 125, height: 275 } })
    const flow: Flow = find(flows, '8de3e2c4-e769-4110-9de4-8b8481e930b0')
    expect(flow).toMatchObject({
      name: '[00]Apply Akri Custom Resource Definition',
      typeId: 'GE.DF',
      source: 'af78a491-2737-44a5-978c-9c20d6b5cae3',
      target: '31e2ba1f-6d10-4ff8-b332-9470bb60d0d9',
      sourcePoint: { x: 326, y: 245 },
      targetPoint: { x: 530, y: 293 },
      bendPoints: [{ x: 450, y: 246 }]
    })
    const line: TrustBoundary = find(boundaries, 'f0531424-d44e-4a4d-aae4-582d76ca8de2')
    expect(line).toMatchObject({ name: 'Machine Trust Boundary', typeId: 'SE.TB.L.TMCore.Machine' })
    expect(line.shape).toEqual({ kind: 'line', points: [{ x: 287, y: 479 }, { x: 642, y: 352 }, { x: 694, y: 31 }] })
    // A StencilRectangle whose GenericTypeId is GE.A is an annotation, not an external interactor (tmt-format.md §5).
    const note: DiagramElement = find(elements, '315b6aaf-5d3a-4251-bd3c-2bd8859b5188')
    expect(note.kind).toBe('annotation')
    const threat = model.threats.find((candidate) => candidate.id.startsWith('I6cfd74a69-b11b-4b1f-9e8b-086e406b33d6'))
    expect(threat).toMatchObject({
      definitionId: 'I6',
      title: 'Data Flow Sniffing',
      category: { value: 'informationDisclosure', raw: 'Information Disclosure' },
      state: { value: 'notApplicable', raw: 'NotApplicable' },
      priority: { value: 'high', raw: 'High' },
      changedBy: 'REDMOND\\jshih',
      changedAt: '2023-06-22T18:59:06.5525126-07:00',
      justification: 'The Allocate/Allocate Response is part of the Device Plugin protocol, usually the data is device id and mounting path',
      target: {
        kind: 'interaction',
        sourceId: 'cfd74a69-b11b-4b1f-9e8b-086e406b33d6',
        flowId: 'e0335c57-bb35-40a5-bbf7-bd229b60dc27',
        targetId: '322c6c73-2c0e-487f-84e7-8e9cdb5906fd'
      }
    })
    expect(model.threatDefinitions.map((definition) => definition.id)).toContain('I6')
  })

  it('aws-example.tm7: GUID generic types are classified by their root Representation', () => {
    const { find, elements } = allItems('aws-example.tm7')
    // TypeId e62fc9fc… "User" → root a89fb4ef… "Interactor", Representation Rectangle.
    expect(find(elements, '95ed5a69-67c6-40c0-94d6-67d3dd7ff872').kind).toBe('externalInteractor')
    // StencilEllipse under root 1e39e467…: process.
    expect(find(elements, 'ce6c3ecc-96ee-4549-a0d4-fc8d9c3440f8').kind).toBe('process')
  })

  it('edgex-foundry-v4.tm7: meta information with CR LF kept, notes, TMT validations as warnings', () => {
    const { model } = allItems('edgex-foundry-v4.tm7')
    expect(model.metadata.title).toBe('EdgeX Foundry Threat Model')
    const dependencies = model.metadata.custom.find((entry) => entry.key === 'External Dependencies')?.value ?? ''
    expect(dependencies.startsWith('Operating system and hardware (including devices/sensors)\r\nDevice/sensor drivers\r\n')).toBe(true)
    expect(model.notes).toHaveLength(7)
    expect(model.notes[0]).toMatchObject({ id: '1', author: 'DESKTOP-SL3KKHH\\jpwhi', createdAt: '2022-08-26T09:40:40.1665057+08:00' })
    const { diagnostics } = readCorpusTm7('edgex-foundry-v4.tm7')
    expect(diagnostics).toContainEqual(
      expect.objectContaining({ code: 'tm7.validation', severity: 'warning', message: expect.stringContaining('The connector should be attached to two elements. (e6ad3a3b-3e9d-4f2a-8f3d-723e2cbf2585)') })
    )
  })

  it('secure-portal-modeling.tm7: the two threats of a re-attached flow are reported stale (tmt-format.md §8)', () => {
    const stale = readCorpusTm7('secure-portal-modeling.tm7').diagnostics.filter((entry) => entry.code === 'tm7.stale-threat')
    expect(stale).toHaveLength(2)
    expect(stale[0]?.location.path).toMatch(/^\/ThreatModel\/ThreatInstances\/a:KeyValueOfstringThreatpc_P0_PhOB\[\d+\]$/)
  })

  it('threatmodel-sdk-mstam2016.tm7 (pretty-printed): values are trimmed', () => {
    const { model } = allItems('threatmodel-sdk-mstam2016.tm7')
    expect(model.diagrams[0]?.id).toBe('ce7fc8d3-28f7-417c-b291-6668bea5e368')
    for (const flow of model.diagrams[0]?.flows ?? []) expect(flow.source).toMatch(/^[0-9a-f-]{36}$/)
  })
})

describe('readTm7 refuses what is not a TMT model, naming the file', () => {
  const read = (text: string | Uint8Array) => readTm7({ bytes: typeof text === 'string' ? bytesOf(text) : text, fileName: 'in.tm7' })
  it('a zip archive', () => {
    expect(read(new Uint8Array([0x50, 0x4b, 3, 4, 0, 0])).diagnostics).toEqual([
      expect.objectContaining({ code: 'tm7.not-xml', severity: 'error', message: expect.stringContaining('this is a zip archive, not a TMT model'), location: { file: 'in.tm7' } })
    ])
  })
  it('malformed XML, with line and column', () => {
    expect(read('<ThreatModel xmlns="http://schemas.datacontract.org/2004/07/ThreatModeling.Model">\n<a></b>').diagnostics[0]).toMatchObject({
      code: 'xml.syntax',
      location: { file: 'in.tm7', line: 2, column: 7 }
    })
  })
  it('a DTD, another root, and z:Ref object references', () => {
    expect(read('<!DOCTYPE x><x/>').diagnostics[0]?.code).toBe('xml.doctype')
    expect(read('<KnowledgeBase/>').diagnostics[0]?.code).toBe('tm7.not-a-model')
    const withRef = '<ThreatModel xmlns="http://schemas.datacontract.org/2004/07/ThreatModeling.Model" xmlns:z="http://schemas.microsoft.com/2003/10/Serialization/"><Notes z:Ref="i1"/></ThreatModel>'
    expect(read(withRef)).toMatchObject({ model: null, diagnostics: [{ code: 'tm7.z-ref', severity: 'error' }] })
  })
})
