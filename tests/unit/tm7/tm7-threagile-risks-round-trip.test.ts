import { describe, expect, it } from 'vitest'
import { generateThreagileRisks } from '../../../analysis/threagile/generate-threagile-risks'
import { readTm7 } from '../../../importers/tm7/read-tm7'
import { writeTm7 } from '../../../importers/tm7/write-tm7'
import type { Diagnostic } from '../../../model/diagnostics'
import type { ThreatModel } from '../../../model/model'
import { validateModel } from '../../../model/validate'
import { corpusModel, corpusModelFiles, readCorpusModel } from '../threagile/threagile-corpus'
import { threatMeaning } from './tm7-test-files'

/**
 * The Threagile issue's acceptance: "A Threagile model converts to .tm7 and back to a model with the same
 * elements, flows, boundaries and threat states". The threats are the risks Threagile's rules generate,
 * with the states and justifications of the model's risk_tracking, as `threats --engine threagile` attaches them.
 */
function drawing(model: ThreatModel) {
  return model.diagrams.map((diagram) => ({
    elements: diagram.elements.map((element) => [element.id, element.name, element.kind, element.dataProcessed, element.dataStored]),
    flows: diagram.flows.map((flow) => [flow.id, flow.name, flow.source, flow.target, flow.dataSent, flow.dataReceived]),
    boundaries: diagram.boundaries.map((boundary) => [boundary.id, boundary.name, boundary.shape.kind])
  }))
}

const staleReferences = (diagnostics: readonly Diagnostic[]): string[] =>
  diagnostics.filter((entry) => entry.code === 'model.stale-reference').map((entry) => `${entry.location.path ?? ''} ${entry.message}`)

const byId = <Item extends { id: string }>(items: readonly Item[]): Item[] => [...items].sort((a, b) => a.id.localeCompare(b.id))

function withRisks(model: ThreatModel): ThreatModel {
  const risks = generateThreagileRisks(model)
  return { ...model, threats: risks.threats, threatDefinitions: [...model.threatDefinitions, ...risks.threatDefinitions] }
}

describe('Threagile model with its risks → .tm7 → model (every valid corpus model)', () => {
  const models: ThreatModel[] = []
  for (const path of corpusModelFiles()) {
    const source = corpusModel(path)
    const read = readCorpusModel(source)
    if (read.model === null) continue // invalid on purpose; read-threagile.test.ts checks their errors
    const original = withRisks(read.model)
    models.push(original)
    it(`${source.name}: same elements, flows, boundaries, data assets and threats, with their states and justifications`, () => {
      const back = readTm7({ bytes: writeTm7(original).bytes, fileName: 'converted.tm7' })
      expect(back.diagnostics.filter((entry) => entry.severity === 'error')).toEqual([])
      // Manual risks can name links that do not exist (genai-rag); the .tm7 adds no stale reference of its own.
      expect(staleReferences(back.diagnostics)).toEqual(staleReferences(validateModel(original).diagnostics))
      const model = back.model!
      expect(drawing(model)).toEqual(drawing(original))
      expect(model.dataAssets).toEqual(original.dataAssets)
      expect(model.threats.map(threatMeaning)).toEqual(original.threats.map(threatMeaning))
      // Threagile's own status spellings come back too (in-progress and in-discussion are both Needs Investigation).
      expect(model.threats.map((threat) => threat.state)).toEqual(original.threats.map((threat) => threat.state))
      expect(byId(model.threatDefinitions)).toEqual(byId(original.threatDefinitions))
    })
  }

  it('the corpus exercises it: asset-level risks and tracked risks in four or more states, with justifications', () => {
    const threats = models.flatMap((model) => model.threats)
    expect(threats.filter((threat) => threat.target.kind !== 'interaction').length).toBeGreaterThan(100)
    const tracked = threats.filter((threat) => threat.state.raw !== 'unchecked')
    expect(new Set(tracked.map((threat) => threat.state.value)).size).toBeGreaterThanOrEqual(4)
    expect(tracked.filter((threat) => threat.justification !== '').length).toBeGreaterThan(5)
  })
})
