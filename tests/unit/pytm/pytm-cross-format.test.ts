import { readFileSync } from 'node:fs'
import { basename } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readPytm } from '../../../importers/pytm/read-pytm'
import { writePytm } from '../../../importers/pytm/write-pytm'
import { readThreagile } from '../../../importers/threagile/read-threagile'
import { writeThreagile } from '../../../importers/threagile/write-threagile'
import { readTm7 } from '../../../importers/tm7/read-tm7'
import { writeTm7 } from '../../../importers/tm7/write-tm7'
import type { ReadResult, WriteResult } from '../../../importers/format'
import type { ThreatModel } from '../../../model/model'
import { corpusFiles } from '../../corpus'

/** What a conversion must keep, by name (ids may be rewritten for the target format's id syntax). */
function namesOf(model: ThreatModel): { elements: string[]; flows: string[]; boundaries: string[]; data: string[] } {
  const elements = model.diagrams.flatMap((diagram) => diagram.elements)
  const nameOf = new Map(elements.map((element) => [element.id as string, element.name]))
  return {
    elements: elements.map((element) => `${element.name} (${element.kind})`).sort(),
    flows: model.diagrams
      .flatMap((diagram) => diagram.flows)
      .map((flow) => `${nameOf.get(flow.source ?? '') ?? '?'} -> ${nameOf.get(flow.target ?? '') ?? '?'}`)
      .sort(),
    boundaries: model.diagrams.flatMap((diagram) => diagram.boundaries).map((boundary) => boundary.name).sort(),
    data: model.dataAssets.map((asset) => asset.name).sort()
  }
}

function through(model: ThreatModel, write: (model: ThreatModel) => WriteResult, read: (input: { bytes: Uint8Array; fileName: string }) => ReadResult): ThreatModel {
  const written = write(model)
  expect(written.diagnostics.filter((entry) => entry.severity === 'error')).toEqual([])
  const back = read({ bytes: written.bytes, fileName: 'converted' })
  expect(back.diagnostics.filter((entry) => entry.severity === 'error')).toEqual([])
  return back.model!
}

describe('pytm models converted to other formats and back', () => {
  for (const path of corpusFiles('pytm', ['.json']).filter((file) => !file.includes('threatlib'))) {
    const original = readPytm({ bytes: new Uint8Array(readFileSync(path)), fileName: basename(path) }).model
    if (original === null) continue
    const expected = namesOf(original)

    it(`${basename(path)}: via Threagile YAML keeps elements, flows, boundaries and data, and returns to pytm`, () => {
      const viaThreagile = through(original, writeThreagile, (input) => readThreagile(input))
      expect(namesOf(viaThreagile)).toEqual(expected)
      expect(namesOf(through(viaThreagile, writePytm, readPytm))).toEqual(expected)
    })

    it(`${basename(path)}: via .tm7 keeps elements, flows, boundaries and data (data in the Threatwright note)`, () => {
      expect(namesOf(through(original, writeTm7, readTm7))).toEqual(expected)
    })
  }
})
