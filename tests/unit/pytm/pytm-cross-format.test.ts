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
import { readableCorpusModels } from '../../readable-corpus-models'
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

/**
 * What pytm.load needs besides the shape: every name a flow, element or data item refers to is written,
 * and names are unique per kind (pytm resolves references by name and refuses an unknown one). Checked
 * on every corpus model of every format we read; pytm itself ran on these files too (importers/pytm/CONTEXT.md).
 */
describe('pytm loader JSON written from any corpus model refers only to what it writes', () => {
  for (const { name, model } of readableCorpusModels()) {
    it(name, () => {
      const document = JSON.parse(new TextDecoder().decode(writePytm(model).bytes)) as LoaderDocument
      const names = (items: readonly { name: string }[]): Set<string> => {
        const found = new Set(items.map((item) => item.name))
        expect(found.size, 'names unique per kind').toBe(items.length)
        return found
      }
      const elements = names(document.elements)
      const boundaries = names(document.boundaries)
      const data = names(document.data)
      names(document.flows)
      for (const flow of document.flows) {
        expect(elements.has(flow.source), `flow "${flow.name}" source "${flow.source}"`).toBe(true)
        expect(elements.has(flow.sink), `flow "${flow.name}" sink "${flow.sink}"`).toBe(true)
        for (const item of flow.data ?? []) expect(data.has(item), `flow "${flow.name}" data "${item}"`).toBe(true)
      }
      for (const item of [...document.elements, ...document.boundaries]) {
        if (item.inBoundary !== undefined) expect(boundaries.has(item.inBoundary), `"${item.name}" inBoundary`).toBe(true)
      }
    })
  }
})

interface LoaderDocument {
  readonly elements: readonly { name: string; inBoundary?: string }[]
  readonly boundaries: readonly { name: string; inBoundary?: string }[]
  readonly data: readonly { name: string }[]
  readonly flows: readonly { name: string; source: string; sink: string; data?: string[] }[]
}
