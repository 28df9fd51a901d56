import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readNative } from '../../../importers/native/read-native'
import { readModelFile } from '../../../importers/registry'
import type { ThreatModel } from '../../../model/model'
import { repositoryRoot } from './native-test-files'

/**
 * The frozen format-version-1 file must read correctly forever (tests/fixtures/native/v1/README.md).
 * Every expected value below was read off the fixture by hand when it was frozen.
 */
const fixturePath = join(repositoryRoot, 'tests', 'fixtures', 'native', 'v1', 'web-shop.twm')
const fixtureBytes = new Uint8Array(readFileSync(fixturePath))

function readFixture(): ThreatModel {
  const result = readNative({ bytes: fixtureBytes, fileName: 'v1/web-shop.twm' })
  expect(result.diagnostics.filter((entry) => entry.severity === 'error')).toEqual([])
  if (result.model === null) throw new Error('the frozen v1 fixture no longer reads')
  return result.model
}

describe('frozen native fixture, format version 1', () => {
  it('is still a version 1 file (nobody regenerated it)', () => {
    expect(new TextDecoder().decode(fixtureBytes.slice(0, 60))).toContain('"formatVersion": 1,')
  })

  it('is detected as native by content', () => {
    expect(readModelFile({ bytes: fixtureBytes, fileName: 'frozen' }).formatId).toBe('native')
  })

  it('keeps its metadata', () => {
    const { metadata } = readFixture()
    expect(metadata.title).toBe('Web shop (sample)')
    expect(metadata.owner).toBe('Priya Shah')
    expect(metadata.reviewers).toEqual(['Marta Jensen', 'Tom Okafor'])
    expect(metadata.version).toBe('1.0')
  })

  it('keeps its counts', () => {
    const model = readFixture()
    const [diagram] = model.diagrams
    expect(model.diagrams).toHaveLength(1)
    expect(diagram?.name).toBe('Shop overview')
    expect(diagram?.elements.map((element) => element.name)).toEqual([
      'Browser',
      'Web app',
      'API',
      'Database',
      'Identity provider'
    ])
    expect(diagram?.flows).toHaveLength(7)
    expect(diagram?.boundaries.map((boundary) => boundary.shape.kind)).toEqual(['box', 'box', 'line'])
    expect(model.dataAssets).toHaveLength(3)
    expect(model.threatDefinitions).toHaveLength(6)
    expect(model.threats).toHaveLength(8)
    expect(model.assumptions).toHaveLength(2)
    expect(model.notes).toHaveLength(1)
  })

  it('keeps the triage of the SQL injection threat', () => {
    const threat = readFixture().threats.find((candidate) => candidate.id === 'threat-sql-injection')
    expect(threat?.state).toEqual({ value: 'mitigated', raw: null })
    expect(threat?.justification).toBe(
      'Every query goes through parameterised statements in the data-access layer; checked in the code review of SHOP-87.'
    )
    expect(threat?.mitigations).toEqual([
      { description: 'Parameterised queries only; a lint rule rejects string-built SQL.', status: 'implemented' }
    ])
    expect(threat?.target).toEqual({ kind: 'interaction', sourceId: 'api', flowId: 'flow-queries', targetId: 'database' })
  })

  it('keeps the accepted risk with its owner and review date', () => {
    const threat = readFixture().threats.find((candidate) => candidate.id === 'threat-request-flood')
    expect(threat?.state.value).toBe('accepted')
    expect(threat?.owner).toBe('Marta Jensen')
    expect(threat?.reviewDate).toBe('2026-06-30')
  })

  it('keeps typed properties and data carried by flows', () => {
    const diagram = readFixture().diagrams[0]
    const database = diagram?.elements.find((element) => element.id === 'database')
    expect(database?.dataStored).toEqual(['customer-pii', 'payment-tokens', 'catalogue'])
    expect(database?.properties).toContainEqual({
      kind: 'list',
      key: 'storeType',
      label: 'Store type',
      options: ['SQL', 'NoSQL', 'File system', 'Cache'],
      selected: 0,
      editable: false
    })
    const browse = diagram?.flows.find((flow) => flow.id === 'flow-browse')
    expect(browse?.bendPoints).toEqual([{ x: 300, y: 160 }])
    expect(browse?.dataSent).toEqual(['customer-pii', 'payment-tokens'])
  })
})
