import { describe, expect, it } from 'vitest'
import { setThreatState } from '../../../model/edits/threat-edits'
import { appEngines, previewGeneration } from '../../../src-renderer/src/threats/generate-threats'
import { sampleModel } from '../../small-model'

describe('generating threats in the app', () => {
  it('offers template rules only when the model has a template this app ships', () => {
    const plain = appEngines(sampleModel())
    expect(plain.map((engine) => [engine.id, engine.unavailable === null])).toEqual([
      ['stride-interaction', true],
      ['stride-element', true],
      ['template', false]
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
