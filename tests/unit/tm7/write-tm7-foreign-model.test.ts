import fc from 'fast-check'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { readNative } from '../../../importers/native/read-native'
import { readTm7 } from '../../../importers/tm7/read-tm7'
import { writeTm7 } from '../../../importers/tm7/write-tm7'
import { sampleBytes } from '../importers/native-test-files'
import { bytesOf, tm7Path } from './tm7-test-files'

describe('writeTm7 for a model from another format (the web-shop sample)', () => {
  const sample = readNative({ bytes: sampleBytes, fileName: 'web-shop.twm' }).model
  if (sample === null) throw new Error('the sample did not read')

  it('writes a file that reads back with the same diagrams and data assets, and says what TMT cannot hold', () => {
    const written = writeTm7(sample)
    const codes = written.diagnostics.map((entry) => entry.code)
    expect(codes).toContain('tm7.lost.descriptions')
    expect(codes).not.toContain('tm7.lost.data-assets')
    const back = readTm7({ bytes: written.bytes, fileName: 'web-shop.tm7' })
    expect(back.diagnostics.filter((entry) => entry.severity === 'error')).toEqual([])
    const shape = (model: typeof sample) =>
      model.diagrams.map((diagram) => ({
        id: diagram.id,
        name: diagram.name,
        elements: diagram.elements.map((element) => [element.id, element.kind, element.name, element.layout, element.outOfScope]),
        flows: diagram.flows.map((flow) => [flow.id, flow.name, flow.source, flow.target, flow.sourcePoint, flow.targetPoint]),
        boundaries: diagram.boundaries.map((boundary) => [boundary.id, boundary.name, boundary.shape.kind])
      }))
    expect(back.model && shape(back.model)).toEqual(shape(sample))
    // The data assets travel in the Threatwright note (docs/decisions/0007).
    expect(back.model?.dataAssets).toEqual(sample.dataAssets)
  })
})

describe('readTm7 never throws', () => {
  const small = readFileSync(tm7Path('otmt-simple-https.tm7'), 'utf8')
  it('answers truncated and spliced TMT files with a model or errors naming the file', () => {
    fc.assert(
      fc.property(fc.nat(small.length), fc.nat(small.length), fc.string({ maxLength: 20 }), (cut, at, insert) => {
        const text = `${small.slice(0, Math.min(cut, at))}${insert}${small.slice(Math.max(cut, at))}`
        const result = readTm7({ bytes: bytesOf(text), fileName: 'fuzz.tm7' })
        const errors = result.diagnostics.filter((entry) => entry.severity === 'error')
        return result.model !== null || (errors.length > 0 && errors.every((entry) => entry.location.file === 'fuzz.tm7'))
      }),
      { numRuns: 40 }
    )
  })
})
