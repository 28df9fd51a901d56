import { describe, expect, it } from 'vitest'
import { detectFormat } from '../../../importers/registry'
import type { DiagramElement, Flow, Property } from '../../../model/model'
import { readFileSync } from 'node:fs'
import { readPytm } from '../../../importers/pytm/read-pytm'
import { namesById } from '../../../cli/commands/threat-rows'
import { corpusName, pytmCorpusModels, readCorpusFile, readInline, requireModel } from './pytm-test-files'

const findFile = (suffix: string): string => {
  const path = pytmCorpusModels().find((candidate) => candidate.endsWith(suffix))
  if (path === undefined) throw new Error(`the corpus has no ${suffix}`)
  return path
}
const property = (item: { readonly properties: readonly Property[] }, key: string): Property | undefined =>
  item.properties.find((entry) => entry.key === key)
const element = (elements: readonly DiagramElement[], name: string): DiagramElement => {
  const found = elements.find((entry) => entry.name === name)
  if (found === undefined) throw new Error(`no element ${name}`)
  return found
}

describe('readPytm over the corpus', () => {
  for (const path of pytmCorpusModels()) {
    it(`reads ${corpusName(path)} into a valid model without errors, detected as pytm`, () => {
      expect(detectFormat(new Uint8Array(readFileSync(path)))?.id).toBe('pytm')
      const result = readCorpusFile(path)
      expect(result.diagnostics.filter((entry) => entry.severity === 'error')).toEqual([])
      const model = requireModel(result)
      expect(model.diagrams).toHaveLength(1)
      // Every element sits inside the box of each boundary that states it as a member.
      const diagram = model.diagrams[0]
      for (const boundary of diagram?.boundaries ?? []) {
        if (boundary.shape.kind !== 'box') throw new Error('pytm boundaries are boxes')
        const box = boundary.shape.rect
        for (const member of boundary.statedMembers ?? []) {
          const layout = diagram?.elements.find((entry) => entry.id === member)?.layout
          expect(layout, member).toBeDefined()
          if (layout === undefined) continue
          const centre = { x: layout.x + layout.width / 2, y: layout.y + layout.height / 2 }
          expect(centre.x > box.x && centre.x < box.x + box.width && centre.y > box.y && centre.y < box.y + box.height).toBe(true)
        }
      }
    })
  }
})

describe('readPytm on the loader input (pytm tests/input.json, facts checked by hand)', () => {
  const result = readCorpusFile(findFile('pytm__tests-input.json'))
  const model = requireModel(result)
  const diagram = model.diagrams[0]
  if (diagram === undefined) throw new Error('no diagram')

  it('keeps classes as type ids, maps them to DFD kinds and mints ids from names', () => {
    expect(diagram.elements.map((entry) => [entry.id, entry.typeId, entry.kind])).toEqual([
      ['pytm:element:User', 'Actor', 'externalInteractor'],
      ['pytm:element:Web Server', 'Server', 'process'],
      ['pytm:element:SQL Database', 'Datastore', 'dataStore']
    ])
    expect(model.metadata).toMatchObject({ title: 'my test tm', description: 'aaa' })
  })

  it('states boundary membership from inBoundary', () => {
    expect(diagram.boundaries.map((entry) => [entry.name, entry.statedMembers])).toEqual([
      ['Internet', ['pytm:element:User']],
      ['Server/DB', ['pytm:element:SQL Database']]
    ])
  })

  it('keeps every control as a boolean property, with pytm defaults where the file says nothing', () => {
    const server = element(diagram.elements, 'Web Server')
    const controls = server.properties.filter((entry) => entry.key.startsWith('controls.'))
    expect(controls).toHaveLength(43)
    expect(property(server, 'controls.isEncrypted')).toMatchObject({ kind: 'boolean', value: false })
    expect(property(server, 'controls.usesEncryptionAlgorithm')).toMatchObject({ kind: 'string', value: '' })
    expect(property(server, 'port')).toMatchObject({ kind: 'string', value: '-1' })
    expect(property(element(diagram.elements, 'SQL Database'), 'isSQL')).toMatchObject({ kind: 'boolean', value: true })
  })

  it('resolves flow ends and data by name, and reads the classification by member name', () => {
    const request = diagram.flows.find((flow: Flow) => flow.name === 'Request')
    expect(request).toMatchObject({ source: 'pytm:element:User', target: 'pytm:element:Web Server', dataSent: ['pytm:data:Password'] })
    expect(property(request ?? { properties: [] }, 'note')).toMatchObject({ value: 'bbb' })
    expect(model.dataAssets[0]?.classification).toEqual({ value: 'strictlyConfidential', raw: 'SECRET' })
  })

  it('warns, at its line and column, that pytm ignores "lifetime" on data', () => {
    expect(result.diagnostics).toEqual([
      expect.objectContaining({
        code: 'pytm.data.lifetime',
        severity: 'warning',
        location: { file: 'pytm/pytm__tests-input.json', path: 'data[0].lifetime', line: 18, column: 19 }
      })
    ])
    expect(model.dataAssets[0]?.extensions.pytm).toMatchObject({ credentialsLife: 'NONE', extra: { lifetime: 'LONG' } })
  })
})

describe('readPytm on the 1.4.0 dump of tm.py (counts from SOURCES.md)', () => {
  const model = requireModel(readCorpusFile(findFile('generated__pytm-1.4.0-tm.py-output.json')))
  const diagram = model.diagrams[0]
  if (diagram === undefined) throw new Error('no diagram')

  it('reads 8 elements, 3 boundaries, 11 flows, and 138 findings plus 1 excluded one as threats', () => {
    expect([diagram.elements.length, diagram.boundaries.length, diagram.flows.length]).toEqual([8, 3, 11])
    expect(model.threats).toHaveLength(139)
    expect(model.threats.filter((threat) => threat.state.value === 'notApplicable')).toHaveLength(1)
  })

  it('reads enums written as Python str() and keeps LLM and Agent classes', () => {
    expect(property(element(diagram.elements, 'Real Identity Database'), 'maxClassification')).toMatchObject({
      kind: 'list',
      selected: 5
    })
    expect(element(diagram.elements, 'AI Writing Assistant').typeId).toBe('LLM')
    expect(element(diagram.elements, 'Moderation Agent').typeId).toBe('Agent')
  })

  it('links responses to their requests', () => {
    const names = namesById(model)
    const pairs = diagram.flows.filter((flow) => flow.responseTo !== null).map((flow) => [flow.name, names.get(flow.responseTo ?? '')])
    expect(pairs).toContainEqual(['Show comments (*)', 'User enters comments (*)'])
    expect(pairs).toHaveLength(4)
  })

  it('restores the exclusion of the Web Server assumption from the excluded finding', () => {
    const assumption = model.assumptions.find((entry) => entry.title === 'This webserver does not use PHP')
    expect(assumption?.extensions.pytm).toEqual({ exclude: ['INP16'], appliesTo: 'pytm:element:Web Server' })
  })
})

describe('readPytm errors name the file, the JSON path and the line and column', () => {
  const base = {
    name: 'errors',
    boundaries: [{ name: 'Inside' }],
    elements: [
      { __class__: 'Server', name: 'Web' },
      { __class__: 'Actor', name: 'User', inBoundary: 'Inside' }
    ],
    flows: [{ name: 'Call', source: 'User', sink: 'Web' }]
  }
  const errorsOf = (document: unknown) => {
    const result = readInline(document, 'bad.json')
    expect(result.model).toBeNull()
    return result.diagnostics.filter((entry) => entry.severity === 'error')
  }

  it('reports a dangling reference', () => {
    const errors = errorsOf({ ...base, flows: [{ name: 'Call', source: 'User', sink: 'Nobody' }] })
    expect(errors).toEqual([
      expect.objectContaining({
        code: 'pytm.reference.dangling',
        // Counted by hand in the pretty-printed document: the value of "sink" on line 23, column 15.
        location: { file: 'bad.json', path: 'flows[0].sink', line: 23, column: 15 }
      })
    ])
    expect(errors[0]?.message).toContain('"Nobody"')
  })

  it('reports a duplicate name at the second one', () => {
    const errors = errorsOf({ ...base, elements: [...base.elements, { __class__: 'Process', name: 'Web' }] })
    expect(errors).toEqual([
      expect.objectContaining({ code: 'pytm.duplicate-name', location: expect.objectContaining({ path: 'elements[2].name' }) })
    ])
  })

  it('reports a wrong class, a wrong type and a boundary cycle', () => {
    expect(errorsOf({ ...base, elements: [{ __class__: 'Dataflow', name: 'Web' }] })[0]?.code).toBe('pytm.class')
    expect(errorsOf({ ...base, elements: [{ name: 'Web', controls: { isHardened: 'yes' } }] })[0]?.location.path).toBe(
      'elements[0].controls.isHardened'
    )
    const cycle = errorsOf({
      ...base,
      boundaries: [
        { name: 'Inside', inBoundary: 'B' },
        { name: 'B', inBoundary: 'Inside' }
      ]
    })
    expect(cycle.map((entry) => entry.code)).toEqual(['pytm.boundary.cycle', 'pytm.boundary.cycle'])
  })

  it('reports broken JSON where it breaks', () => {
    const broken = readPytm({ bytes: new TextEncoder().encode('{"name": "x", "elements": [}'), fileName: 'broken.json' })
    expect(broken.model).toBeNull()
    expect(broken.diagnostics[0]).toMatchObject({ code: 'pytm.json', location: { file: 'broken.json', line: 1, column: 28 } })
  })
})
