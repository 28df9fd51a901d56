import { load } from 'js-yaml'
import { describe, expect, it } from 'vitest'
import { readTm7 } from '../../../importers/tm7/read-tm7'
import { writeTm7 } from '../../../importers/tm7/write-tm7'
import { writeThreagile } from '../../../importers/threagile/write-threagile'
import type { ThreatModel } from '../../../model/model'
import { corpusModel, corpusModelFiles, readCorpusModel } from './threagile-corpus'

interface Boundaries {
  trust_boundaries?: Record<string, { id: string; technical_assets_inside?: string[]; trust_boundaries_nested?: string[] }>
}

function shape(model: ThreatModel): { elements: string[]; flows: string[]; boundaries: string[] } {
  const diagram = model.diagrams[0]!
  return {
    elements: diagram.elements.map((element) => `${element.id} ${element.name} ${element.kind}`).sort(),
    flows: diagram.flows.map((flow) => `${flow.id} ${flow.source} -> ${flow.target}`).sort(),
    boundaries: diagram.boundaries.map((boundary) => `${boundary.id} ${boundary.name}`).sort()
  }
}

/** Each boundary's assets and nested boundaries, as Threagile YAML lists them. */
function membership(yaml: Uint8Array): Record<string, { assets: string[]; nested: string[] }> {
  const document = load(new TextDecoder().decode(yaml)) as Boundaries
  return Object.fromEntries(
    Object.values(document.trust_boundaries ?? {}).map((boundary) => [
      boundary.id,
      { assets: [...(boundary.technical_assets_inside ?? [])].sort(), nested: [...(boundary.trust_boundaries_nested ?? [])].sort() }
    ])
  )
}

describe('Threagile → .tm7 → model (every valid corpus model)', () => {
  for (const path of corpusModelFiles()) {
    const source = corpusModel(path)
    const read = readCorpusModel(source)
    if (read.model === null) continue // invalid on purpose; read-threagile.test.ts checks their errors
    const original = read.model
    it(`${source.name}: keeps elements, flows and boundaries, and boundary membership through the drawn layout`, () => {
      const tm7 = writeTm7(original)
      const back = readTm7({ bytes: tm7.bytes, fileName: 'converted.tm7' }).model
      expect(back, 'the written .tm7 reads back').not.toBeNull()
      expect(shape(back!)).toEqual(shape(original))
      // The .tm7 holds geometry only; the Threagile writer takes membership from it. The automatic layout
      // drew each asset inside its stated boundary and nested boxes inside their parents.
      expect(membership(writeThreagile(back!).bytes)).toEqual(membership(writeThreagile(original).bytes))
    })
  }
})
