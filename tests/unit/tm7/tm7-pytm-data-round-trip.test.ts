import { describe, expect, it } from 'vitest'
import { readTm7 } from '../../../importers/tm7/read-tm7'
import { writeTm7 } from '../../../importers/tm7/write-tm7'
import type { ThreatModel } from '../../../model/model'
import { corpusName, pytmCorpusModels, readCorpusFile, requireModel } from '../pytm/pytm-test-files'
import { threatMeaning } from './tm7-test-files'

/**
 * The pytm issue's acceptance for .tm7: "converts to .tm7 … and back with elements, flows, boundaries and
 * data kept". TMT has no data assets; they travel in the Threatwright note (docs/decisions/0007).
 */
function dataUse(model: ThreatModel) {
  return model.diagrams.map((diagram) => ({
    elements: diagram.elements.map((element) => [element.id, element.name, element.kind, element.dataProcessed, element.dataStored]),
    flows: diagram.flows.map((flow) => [flow.id, flow.name, flow.source, flow.target, flow.dataSent, flow.dataReceived]),
    boundaries: diagram.boundaries.map((boundary) => [boundary.id, boundary.name])
  }))
}

describe('pytm model → .tm7 → model (every corpus model)', () => {
  for (const path of pytmCorpusModels()) {
    const original = requireModel(readCorpusFile(path))
    it(`${corpusName(path)}: keeps elements, flows, boundaries, data assets with their use, and findings`, () => {
      const written = writeTm7(original)
      expect(written.diagnostics.map((entry) => entry.code)).not.toContain('tm7.lost.data-assets')
      const back = readTm7({ bytes: written.bytes, fileName: 'converted.tm7' })
      expect(back.diagnostics.filter((entry) => entry.severity === 'error')).toEqual([])
      const model = back.model!
      expect(original.dataAssets.length).toBeGreaterThan(0)
      expect(model.dataAssets).toEqual(original.dataAssets)
      expect(dataUse(model)).toEqual(dataUse(original))
      expect(model.threats.map(threatMeaning)).toEqual(original.threats.map(threatMeaning))
    })
  }
})
