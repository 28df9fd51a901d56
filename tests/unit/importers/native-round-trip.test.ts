import { describe, expect, it } from 'vitest'
import { readNative } from '../../../importers/native/read-native'
import { writeNative } from '../../../importers/native/write-native'
import type { ThreatModel } from '../../../model/model'
import { sampleBytes, sampleText, textOf } from './native-test-files'

function readSample(): ThreatModel {
  const result = readNative({ bytes: sampleBytes, fileName: 'web-shop.twm' })
  expect(result.diagnostics).toEqual([])
  if (result.model === null) throw new Error('the sample did not read')
  return result.model
}

describe('native writer', () => {
  it('writes the format marker and version first, then the model', () => {
    const text = textOf(writeNative(readSample()).bytes)
    expect(text.startsWith('{\n  "format": "threatwright",\n  "formatVersion": 2,\n  "model": {\n')).toBe(true)
    expect(text.endsWith('}\n')).toBe(true)
    expect(text).not.toContain('\r')
  })

  it('gives byte-identical output for the same model, and for a re-read of its own output', () => {
    const model = readSample()
    const first = writeNative(model).bytes
    expect(writeNative(model).bytes).toEqual(first)
    const again = readNative({ bytes: first, fileName: 'again.twm' })
    expect(again.model).not.toBeNull()
    expect(writeNative(again.model as ThreatModel).bytes).toEqual(first)
  })

  it('writes the committed sample back byte for byte (the sample is canonical)', () => {
    expect(textOf(writeNative(readSample()).bytes)).toBe(sampleText)
  })

  it('reads back a model deep-equal to the one written', () => {
    const model = readSample()
    const reread = readNative({ bytes: writeNative(model).bytes, fileName: 'x.twm' })
    expect(reread.model).toEqual(model)
  })

  it('does not depend on the key order of the model it is given', () => {
    const model = readSample()
    const reversed = reverseKeys(model) as ThreatModel
    expect(Object.keys(reversed)[0]).toBe(Object.keys(model).at(-1))
    expect(writeNative(reversed).bytes).toEqual(writeNative(model).bytes)
  })

  it('reports no losses', () => {
    expect(writeNative(readSample()).diagnostics).toEqual([])
  })
})

function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys)
  if (typeof value !== 'object' || value === null) return value
  return Object.fromEntries(Object.entries(value).reverse().map(([key, item]) => [key, reverseKeys(item)]))
}
