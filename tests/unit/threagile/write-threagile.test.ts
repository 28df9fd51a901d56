import { load } from 'js-yaml'
import { describe, expect, it } from 'vitest'
import { generateThreagileRisks } from '../../../analysis/threagile/generate-threagile-risks'
import { readThreagile } from '../../../importers/threagile/read-threagile'
import { checkThreagileDocument } from '../../../importers/threagile/threagile-schema-check'
import { writeThreagile } from '../../../importers/threagile/write-threagile'
import { detectFormat, readModelFile, writeModel } from '../../../importers/registry'
import { canonical } from '../../../model/canonical'
import { emptyModel } from '../../../model/factory'
import { corpusModel, corpusModelFiles, readCorpusModel } from './threagile-corpus'

const readable = corpusModelFiles()
  .map(corpusModel)
  .map((model) => ({ model, result: readCorpusModel(model) }))
  .filter((entry) => entry.result.model !== null)

describe('writeThreagile over the corpus', () => {
  it('covers the corpus', () => {
    expect(readable.length).toBeGreaterThan(15)
  })

  for (const { model, result } of readable) {
    describe(model.name, () => {
      const first = writeThreagile(result.model!)
      const reread = readThreagile({ bytes: first.bytes, fileName: 'written.yaml' })

      it('writes a file that passes the v1 schema checks and reads back without errors', () => {
        expect(first.diagnostics.filter((entry) => entry.severity === 'error')).toEqual([])
        expect(checkThreagileDocument(load(new TextDecoder().decode(first.bytes)))).toEqual([])
        expect(reread.diagnostics.filter((entry) => entry.severity === 'error')).toEqual([])
      })

      it('is stable: read → write → read → write gives the same bytes', () => {
        expect(new TextDecoder().decode(writeThreagile(reread.model!).bytes)).toBe(new TextDecoder().decode(first.bytes))
      })

      it('loses nothing the rules see: the same risks with the same ratings and states', () => {
        const summary = (risks: ReturnType<typeof generateThreagileRisks>) =>
          risks.threats.map((threat) => [threat.id, threat.severity?.raw, threat.likelihood?.raw, threat.impact?.raw, threat.state.raw])
        expect(summary(generateThreagileRisks(reread.model!))).toEqual(summary(generateThreagileRisks(result.model!)))
      })
    })
  }
})

describe('writing what the model knows', () => {
  const official = readable.find((entry) => entry.model.name === 'official-example-v0.9.1/threagile.yaml')!.result.model!

  it('writes a triaged threat back as an exact risk_tracking entry', () => {
    const threat = generateThreagileRisks(official).threats.find((candidate) => candidate.id === 'xml-external-entity@erp-system')!
    expect(threat.state.raw).toBe('unchecked')
    const triaged = { ...threat, state: canonical('mitigated' as const), justification: 'XXE disabled', ticket: 'SEC-1' }
    const written = load(new TextDecoder().decode(writeThreagile({ ...official, threats: [triaged] }).bytes)) as {
      risk_tracking: Record<string, unknown>
    }
    expect(written.risk_tracking['xml-external-entity@erp-system']).toEqual({
      status: 'mitigated',
      justification: 'XXE disabled',
      ticket: 'SEC-1',
      date: '',
      checked_by: ''
    })
  })

  it('warns about what a Threagile file cannot hold and still writes a valid file', () => {
    const written = writeThreagile(emptyModel('From scratch'))
    expect(checkThreagileDocument(load(new TextDecoder().decode(written.bytes)))).toEqual([])
    expect(written.diagnostics.map((entry) => entry.code)).toContain('threagile.write-default')
  })
})

describe('the registry entry', () => {
  it('detects, reads and writes Threagile models', () => {
    const official = readable.find((entry) => entry.model.name === 'official-example-v0.9.1/threagile.yaml')!.model
    expect(detectFormat(official.input.bytes)?.id).toBe('threagile')
    const read = readModelFile(official.input)
    expect(read.formatId).toBe('threagile')
    expect(writeModel(read.model!, 'threagile').diagnostics).toEqual([])
  })
})
