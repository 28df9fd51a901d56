import { describe, expect, it } from 'vitest'
import { generatePytmFindings } from '../../../analysis/pytm/generate-findings'
import { parseThreatLibrary } from '../../../analysis/pytm/threat-library'
import { generateThreagileRisks } from '../../../analysis/threagile/generate-threagile-risks'
import { setThreatState } from '../../../model/edits/threat-edits'
import { appEngines, nativeEngineId, previewGeneration } from '../../../src-renderer/src/threats/generate-threats'
import { TEST_PYTM_LIBRARY } from '../../pytm-test-library'
import { sampleModel } from '../../small-model'
import { generateTmtThreats } from '../../../analysis/tmt-rules/generate-tmt-threats'
import type { Template } from '../../../model/template'
import { builtInTemplates } from '../../../templates/index'

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
  const library = parseThreatLibrary(TEST_PYTM_LIBRARY, 'threats.json')

  it('runs a pytm threat library once the user has chosen one, as the CLI does', () => {
    const model = sampleModel()
    expect(appEngines(model).find((engine) => engine.id === 'pytm')?.unavailable).toMatch(/choose a threat library/)
    const pytm = appEngines(model, { pytmLibrary: { fileName: 'threats.json', library } }).find((engine) => engine.id === 'pytm')!
    expect(pytm.label).toBe("pytm's threat library: threats.json")
    const expected = generatePytmFindings(model, library).threats
    expect(new Set(expected.map((threat) => threat.origin.kind === 'generated' && threat.origin.ruleId))).toEqual(new Set(['TW01', 'TW02']))
    const preview = previewGeneration(model, pytm)
    expect(preview.report.added).toEqual(expected.map((threat) => threat.id))
    // Again on the result: the same ids, so nothing is added twice.
    expect(previewGeneration(preview.report.model, pytm).addedTitles).toEqual([])
  })

  it('opens on the engine of the model’s own tool', () => {
    expect(nativeEngineId(sampleModel())).toBe('stride-interaction')
    expect(nativeEngineId({ ...sampleModel(), extensions: { pytm: {} } })).toBe('pytm')
    expect(nativeEngineId({ ...sampleModel(), extensions: { threagile: {} } })).toBe('threagile')
    expect(nativeEngineId({ ...sampleModel(), template: { id: 'threatwright-azure', name: 'Threatwright Azure', version: '1' } })).toBe('template')
  })

  it('runs Threagile’s rules on a model from Threagile, with their risk categories as definitions', () => {
    const model = { ...sampleModel(), extensions: { threagile: {} } }
    expect(appEngines(sampleModel()).find((engine) => engine.id === 'threagile')?.unavailable).not.toBeNull()
    const threagile = appEngines(model).find((engine) => engine.id === 'threagile')!
    expect(threagile.unavailable).toBeNull()
    const expected = generateThreagileRisks(model)
    // Checked by hand against Threagile's rules (threagile-rules.md): data asset a1 is neither processed nor
    // stored by any asset (unnecessary-data-asset), and interactor e2 processes and stores no data
    // (unnecessary-technical-asset); Threagile's synthetic ids are rule@asset.
    expect(expected.threats.map((threat) => threat.id)).toEqual(expect.arrayContaining(['unnecessary-data-asset@a1', 'unnecessary-technical-asset@e2']))
    const preview = previewGeneration(model, threagile)
    expect(preview.report.added).toEqual(expected.threats.map((threat) => threat.id))
    expect(preview.report.model.threatDefinitions.map((definition) => definition.id)).toEqual(
      expected.threatDefinitions.map((definition) => definition.id)
    )
  })
})

describe('template rules from the template a .tm7 embeds', () => {
  // Stands in for a TMT KnowledgeBase main read at open: our Azure rules under another identity.
  const azure = builtInTemplates.find((template) => template.ref.id === 'threatwright-azure')!
  const embedded: Template = { ...azure, ref: { id: 'ea2b7b2a-tmt-kb', name: 'Azure Threat Model Template', version: '1.0.0.33' } }

  it('runs the embedded rules while the model names that template, as TMT regenerates', () => {
    const model = { ...sampleModel(), template: embedded.ref }
    expect(appEngines(model).find((engine) => engine.id === 'template')?.unavailable).toMatch(/not one this app ships: apply its \.tb7 again \(Threats ▸ Apply Template…\)/)
    const engine = appEngines(model, { pytmLibrary: null, embeddedTemplate: embedded }).find((candidate) => candidate.id === 'template')!
    expect(engine.unavailable).toBeNull()
    expect(engine.label).toBe('Template rules: Azure Threat Model Template')
    expect(nativeEngineId(model, embedded)).toBe('template')
    const expected = generateTmtThreats(model, embedded).threats
    expect(expected.length).toBeGreaterThan(0)
    expect(previewGeneration(model, engine).report.added).toEqual(expected.map((threat) => threat.id))
  })

  it('adds the threat types the generated threats point at as definitions, as the CLI does (reports show their texts)', () => {
    const model = { ...sampleModel(), template: embedded.ref }
    const engine = appEngines(model, { pytmLibrary: null, embeddedTemplate: embedded }).find((candidate) => candidate.id === 'template')!
    const generated = previewGeneration(model, engine).report.model
    const used = new Set(generated.threats.flatMap((threat) => (threat.definitionId === null ? [] : [threat.definitionId])))
    expect(used.size).toBeGreaterThan(0)
    const defined = new Map(generated.threatDefinitions.map((definition) => [definition.id, definition]))
    for (const id of used) {
      const type = embedded.threatTypes.find((candidate) => candidate.id === id)!
      expect(defined.get(id)?.title, id).toBe(type.shortTitle)
      expect(defined.get(id)?.description, id).toBe(type.description)
    }
  })

  it('does not run them once the model names another template (after Apply Template)', () => {
    const other = { ...sampleModel(), template: { ...embedded.ref, version: '2.0' } }
    const engine = appEngines(other, { pytmLibrary: null, embeddedTemplate: embedded }).find((candidate) => candidate.id === 'template')!
    expect(engine.unavailable).not.toBeNull()
  })
})
