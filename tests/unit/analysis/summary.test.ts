import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { summarizeModel } from '../../../analysis/summary'
import { readNative } from '../../../importers/native/read-native'
import { emptyModel, newDiagram } from '../../../model/factory'
import type { ThreatModel } from '../../../model/model'

function sampleModel(): ThreatModel {
  const bytes = new Uint8Array(readFileSync(join(__dirname, '..', '..', '..', 'samples', 'web-shop.twm')))
  const model = readNative({ bytes, fileName: 'web-shop.twm' }).model
  if (model === null) throw new Error('the sample did not read')
  return model
}

describe('summarizeModel', () => {
  it('counts the sample (counted by hand from samples/web-shop.twm)', () => {
    expect(summarizeModel(sampleModel())).toEqual({
      diagrams: 1,
      elements: 5,
      flows: 7,
      boundaries: 3,
      dataAssets: 3,
      threatDefinitions: 6,
      threats: 8,
      assumptions: 2,
      notes: 1,
      threatsByState: { notStarted: 2, needsInvestigation: 2, notApplicable: 1, mitigated: 2, accepted: 1, unrecognized: 0 },
      perDiagram: [{ id: 'dfd-main', name: 'Shop overview', elements: 5, flows: 7, boundaries: 3, threats: 8 }]
    })
  })

  it('lists every state, zero included, for an empty model', () => {
    const summary = summarizeModel(emptyModel('Nothing yet'))
    expect(summary.threats).toBe(0)
    expect(summary.threatsByState).toEqual({
      notStarted: 0,
      needsInvestigation: 0,
      notApplicable: 0,
      mitigated: 0,
      accepted: 0,
      unrecognized: 0
    })
  })

  it('counts states without a canonical value as unrecognized, and threats per diagram by diagramId', () => {
    const model = sampleModel()
    const [first, second] = model.threats
    if (first === undefined || second === undefined) throw new Error('the sample has fewer than 2 threats')
    const extraDiagram = { ...newDiagram('Back office'), id: 'dfd-back-office' as never }
    const changed: ThreatModel = {
      ...model,
      diagrams: [...model.diagrams, extraDiagram],
      threats: [
        { ...first, state: { value: null, raw: 'Sev 0 triage' } },
        { ...second, diagramId: extraDiagram.id },
        ...model.threats.slice(2)
      ]
    }
    const summary = summarizeModel(changed)
    // The first threat was needsInvestigation: one fewer there, one unrecognized. The second only moved diagram.
    expect(summary.threatsByState).toEqual({
      notStarted: 2,
      needsInvestigation: 1,
      notApplicable: 1,
      mitigated: 2,
      accepted: 1,
      unrecognized: 1
    })
    expect(summary.diagrams).toBe(2)
    expect(summary.perDiagram.map((diagram) => [diagram.id, diagram.threats, diagram.elements])).toEqual([
      ['dfd-main', 7, 5],
      ['dfd-back-office', 1, 0]
    ])
  })
})
