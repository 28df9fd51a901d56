import { describe, expect, it } from 'vitest'
import { readPytm } from '../../../importers/pytm/read-pytm'
import { writePytm } from '../../../importers/pytm/write-pytm'
import type { ThreatModel } from '../../../model/model'
import { corpusName, pytmCorpusModels, readCorpusFile, readInline, requireModel } from './pytm-test-files'

const decoder = new TextDecoder()

function write(model: ThreatModel): string {
  return decoder.decode(writePytm(model).bytes)
}

function reread(text: string): ThreatModel {
  return requireModel(readPytm({ bytes: new TextEncoder().encode(text), fileName: 'written.json' }))
}

describe('pytm loader JSON round trip over the corpus', () => {
  for (const path of pytmCorpusModels()) {
    it(`${corpusName(path)}: model → loader JSON → model → loader JSON is stable`, () => {
      const first = requireModel(readCorpusFile(path))
      const written = write(first)
      const second = reread(written)
      const rewritten = write(second)
      expect(rewritten).toBe(written)
      expect(reread(rewritten)).toEqual({ ...second })
      // The diagram survives: same items, ends, boundaries and membership.
      const shape = (model: ThreatModel) =>
        model.diagrams.map((diagram) => ({
          elements: diagram.elements.map(({ id, typeId, kind, properties, outOfScope }) => ({ id, typeId, kind, properties, outOfScope })),
          flows: diagram.flows.map(({ id, source, target, responseTo, dataSent, properties }) => ({ id, source, target, responseTo, dataSent, properties })),
          boundaries: diagram.boundaries.map(({ id, statedMembers }) => ({ id, statedMembers }))
        }))
      expect(shape(second)).toEqual(shape(first))
    })
  }
})

describe('writePytm writes what pytm.load accepts (pytm.md §4)', () => {
  const model = requireModel(
    readInline({
      name: 'shapes',
      description: 'd',
      onDuplicates: 'IGNORE',
      boundaries: [{ name: 'Outer' }, { name: 'Inner', inBoundary: 'Outer' }],
      data: [{ name: 'Token', classification: 'SECRET', credentialsLife: 'LONG_LIVED', isCredentials: true }],
      elements: [
        { __class__: 'Actor', name: 'User', inBoundary: 'Outer' },
        { __class__: 'Server', name: 'Web', inBoundary: 'Inner', maxClassification: 4, controls: { isHardened: true } },
        { __class__: 'Datastore', name: 'DB', type: 'SQL', assumptions: [{ name: 'No PHP', exclude: ['INP16'] }] }
      ],
      flows: [
        { name: 'Login', source: 'User', sink: 'Web', data: ['Token'], tlsVersion: 6, protocol: 'HTTPS' },
        { name: 'Reply', source: 'Web', sink: 'User', isResponse: true }
      ]
    })
  )
  const document = JSON.parse(write(model)) as Record<string, unknown>

  it('writes enums as values on elements and flows, and by name or value in the data section', () => {
    expect(document.onDuplicates).toBe('IGNORE')
    expect(document.data).toEqual([{ name: 'Token', classification: 'SECRET', isCredentials: true, credentialsLife: 'LONG_LIVED' }])
    expect(document.elements).toEqual([
      { __class__: 'Actor', name: 'User', inBoundary: 'Outer' },
      { __class__: 'Server', name: 'Web', inBoundary: 'Inner', maxClassification: 4, controls: { isHardened: true } },
      { __class__: 'Datastore', name: 'DB', type: 'SQL', assumptions: [{ name: 'No PHP', exclude: ['INP16'] }] }
    ])
  })

  it('nests boundaries and writes responses as isResponse, never responseTo', () => {
    expect(document.boundaries).toEqual([{ name: 'Outer' }, { name: 'Inner', inBoundary: 'Outer' }])
    expect(document.flows).toEqual([
      { name: 'Login', source: 'User', sink: 'Web', data: ['Token'], tlsVersion: 6, protocol: 'HTTPS' },
      { name: 'Reply', source: 'Web', sink: 'User', isResponse: true }
    ])
  })

  it('leaves out an annotation and the flows ending on it, and lets a written element keep its name', () => {
    const diagram = model.diagrams[0]
    if (diagram === undefined) throw new Error('no diagram')
    const web = diagram.elements[1]!
    // Placed first, so that if annotations took names the real element would be renamed "Web (2)".
    const note = { ...web, id: 'note' as typeof web.id, kind: 'annotation' as const, typeId: 'GE.A' }
    const toNote = { ...diagram.flows[0]!, id: 'to-note' as (typeof diagram.flows)[number]['id'], name: 'To the note', target: note.id }
    const annotated: ThreatModel = { ...model, diagrams: [{ ...diagram, elements: [note, ...diagram.elements], flows: [...diagram.flows, toNote] }] }
    const result = writePytm(annotated)
    const written = JSON.parse(decoder.decode(result.bytes)) as { elements: { name: string }[]; flows: { name: string }[] }
    expect(written.elements.map((entry) => entry.name)).toEqual(['User', 'Web', 'DB'])
    expect(written.flows.map((entry) => entry.name)).not.toContain('To the note')
    const messages = result.diagnostics.map((entry) => entry.message)
    expect(messages).toContain('flow "To the note" is not written: it ends on an annotation, which pytm has no class for')
    expect(messages.filter((message) => message.includes('a second element'))).toEqual([])
  })

  it('renames repeated names and reports it', () => {
    const diagram = model.diagrams[0]
    if (diagram === undefined) throw new Error('no diagram')
    const copy = { ...diagram.elements[1]!, id: 'copy' as (typeof diagram.elements)[number]['id'] }
    const twice: ThreatModel = { ...model, diagrams: [{ ...diagram, elements: [...diagram.elements, copy] }] }
    const result = writePytm(twice)
    const names = (JSON.parse(decoder.decode(result.bytes)) as { elements: { name: string }[] }).elements.map((entry) => entry.name)
    expect(names).toEqual(['User', 'Web', 'DB', 'Web (2)'])
    expect(result.diagnostics.map((entry) => entry.message)).toContain(
      'a second element called "Web" is written as "Web (2)": pytm names must be unique'
    )
  })
})
