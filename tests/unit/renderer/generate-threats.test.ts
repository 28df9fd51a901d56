import { readFileSync } from 'node:fs'
import { basename } from 'node:path'
import { describe, expect, it } from 'vitest'
import { generatePytmFindings } from '../../../analysis/pytm/generate-findings'
import { parseThreatLibrary } from '../../../analysis/pytm/threat-library'
import { generateThreagileRisks } from '../../../analysis/threagile/generate-threagile-risks'
import { readModelFile } from '../../../importers/registry'
import type { ThreatModel } from '../../../model/model'
import { corpusFiles } from '../../corpus'
import { setThreatState } from '../../../model/edits/threat-edits'
import { appEngines, nativeEngineId, previewGeneration } from '../../../src-renderer/src/threats/generate-threats'
import { sampleModel } from '../../small-model'

describe('generating threats in the app', () => {
  it('offers template rules only when the model has a template this app ships', () => {
    const plain = appEngines(sampleModel())
    expect(plain.map((engine) => [engine.id, engine.unavailable === null])).toEqual([
      ['stride-interaction', true],
      ['stride-element', true],
      ['template', false],
      ['threagile', false],
      ['pytm', false]
    ])
    const azure = appEngines({ ...sampleModel(), template: { id: 'threatwright-azure', name: 'Threatwright Azure', version: '0.9' } })
    expect(azure[2]?.unavailable).toBeNull()
  })

  it('adds new threats, keeps triage, and adds nothing the second time', () => {
    const [perInteraction] = appEngines(sampleModel())
    if (!perInteraction) throw new Error('no engine')
    const first = previewGeneration(sampleModel(), perInteraction)
    expect(first.addedTitles.length).toBeGreaterThan(0)
    const generatedId = first.report.added[0]
    if (generatedId === undefined) throw new Error('nothing generated')
    const triaged = setThreatState(first.report.model, [generatedId], 'mitigated', { by: 'P', at: '2026-01-01T00:00:00Z' }, 'Done.')
    if (triaged.kind !== 'edited') throw new Error(triaged.reason)
    const second = previewGeneration(triaged.model, perInteraction)
    expect(second.addedTitles).toEqual([])
    expect(second.report.model.threats.find((threat) => threat.id === generatedId)?.state.value).toBe('mitigated')
  })

  it('lists threats whose interaction is gone as obsolete, without removing them', () => {
    const [perInteraction] = appEngines(sampleModel())
    if (!perInteraction) throw new Error('no engine')
    const generated = previewGeneration(sampleModel(), perInteraction).report.model
    const withoutFlow = { ...generated, diagrams: generated.diagrams.map((diagram) => ({ ...diagram, flows: [] })) }
    const preview = previewGeneration(withoutFlow, perInteraction)
    expect(preview.report.model.threats).toHaveLength(generated.threats.length)
    expect(preview.obsoleteTitles.length).toBeGreaterThan(0)
  })
})

describe('the format engines in the app', () => {
  const corpusModel = (folder: string, name: string): ThreatModel => {
    const path = corpusFiles(folder, [name])[0]!
    const read = readModelFile({ bytes: new Uint8Array(readFileSync(path)), fileName: basename(path) })
    if (read.model === null) throw new Error(`${name} did not read`)
    return read.model
  }
  const libraryPath = corpusFiles('pytm', ['threats.json'])[0]!
  const library = parseThreatLibrary(readFileSync(libraryPath, 'utf8'), 'threats.json')

  it('runs pytm’s threat library once the user has chosen one, as the CLI does', () => {
    const model = corpusModel('pytm', 'pytm__tests-input.json')
    expect(nativeEngineId(model)).toBe('pytm')
    expect(appEngines(model).find((engine) => engine.id === 'pytm')?.unavailable).toMatch(/choose a threat library/)
    const pytm = appEngines(model, { pytmLibrary: { fileName: 'threats.json', library } }).find((engine) => engine.id === 'pytm')!
    expect(pytm.label).toBe("pytm's threat library: threats.json")
    const preview = previewGeneration(model, pytm)
    expect(preview.report.added).toEqual(generatePytmFindings(model, library).threats.map((threat) => threat.id))
    expect(preview.addedTitles.length).toBeGreaterThan(0)
  })

  it('adds nothing to a pytm dump whose findings pytm already wrote: the same ids, triage kept', () => {
    const dump = corpusModel('pytm', 'generated__pytm-1.4.0-tm.py-output.json')
    const pytm = appEngines(dump, { pytmLibrary: { fileName: 'threats.json', library } }).find((engine) => engine.id === 'pytm')!
    expect(previewGeneration(dump, pytm).addedTitles).toEqual([])
  })

  it('runs Threagile’s rules on a Threagile model, with their risk categories as definitions', () => {
    const model = corpusModel('threagile', 'threagile-example-model.yaml')
    expect(nativeEngineId(model)).toBe('threagile')
    const threagile = appEngines({ ...model, threats: [], threatDefinitions: [] }).find((engine) => engine.id === 'threagile')!
    expect(threagile.unavailable).toBeNull()
    const preview = previewGeneration({ ...model, threats: [], threatDefinitions: [] }, threagile)
    const expected = generateThreagileRisks(model)
    expect(preview.report.added).toHaveLength(expected.threats.length)
    expect(preview.report.model.threatDefinitions.map((definition) => definition.id)).toEqual(expected.threatDefinitions.map((definition) => definition.id))
  })
})
