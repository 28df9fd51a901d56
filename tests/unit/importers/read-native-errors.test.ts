import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { readNative } from '../../../importers/native/read-native'
import { canonicalJson } from '../../../model/canonical-json'
import { bytesOf, sampleBytes, sampleDocument, sampleText } from './native-test-files'

const read = (bytes: Uint8Array, fileName = 'shop.twm') => readNative({ bytes, fileName })

function onlyError(bytes: Uint8Array, fileName = 'shop.twm') {
  const result = read(bytes, fileName)
  expect(result.model).toBeNull()
  expect(result.diagnostics).toHaveLength(1)
  const [error] = result.diagnostics
  expect(error?.severity).toBe('error')
  return error
}

describe('native reader: damaged files', () => {
  it('names the file, line and column of a JSON syntax error', () => {
    // Line 1 `{`, line 2 `  "format": "threatwright",`, line 3 `  "formatVersion": 1` then line 4 `  "model": {}` with no comma.
    const text = '{\n  "format": "threatwright",\n  "formatVersion": 1\n  "model": {}\n}\n'
    expect(onlyError(bytesOf(text), 'broken.twm')).toMatchObject({
      code: 'native.json',
      location: { file: 'broken.twm', line: 4, column: 3 }
    })
  })

  it('locates the end of a truncated file', () => {
    // The sample's first 4 lines, up to `  "model": {` and its line break: the file ends at line 5, column 1.
    const cut = sampleText.indexOf('"model": {') + '"model": {\n'.length
    const error = onlyError(sampleBytes.slice(0, cut))
    expect(error).toMatchObject({ code: 'native.json', location: { file: 'shop.twm', line: 5, column: 1 } })
    expect(error?.message).toContain('not valid JSON')
  })

  it('refuses JSON without the Threatwright marker', () => {
    expect(onlyError(bytesOf('{"formatVersion": 1, "model": {}}'))).toMatchObject({ code: 'native.format' })
    expect(onlyError(bytesOf('{"format": "threagile", "formatVersion": 1}'))).toMatchObject({ code: 'native.format' })
    expect(onlyError(bytesOf('[1, 2]'))).toMatchObject({ code: 'native.format', location: { file: 'shop.twm' } })
  })

  it('refuses a missing or malformed format version', () => {
    for (const version of [undefined, '1', 0, 1.5, -2]) {
      const text = JSON.stringify({ format: 'threatwright', formatVersion: version, model: {} })
      expect(onlyError(bytesOf(text)), String(version)).toMatchObject({ code: 'native.version.invalid' })
    }
  })

  it('refuses a file from a newer Threatwright and says which versions it reads', () => {
    const document = { ...sampleDocument(), formatVersion: 3 }
    const error = onlyError(bytesOf(canonicalJson(document)), 'from-the-future.twm')
    expect(error).toMatchObject({ code: 'native.version.future', location: { file: 'from-the-future.twm' } })
    expect(error?.message).toBe(
      'written by a newer Threatwright: format version 3, this version reads up to 2; nothing was changed'
    )
  })

  it('passes validation errors on with the file name and the model path', () => {
    const document = sampleDocument() as { model: { diagrams: { elements: { layout: { width: unknown } }[] }[] } }
    const element = document.model.diagrams[0]?.elements[3]
    if (element === undefined) throw new Error('the sample has fewer than 4 elements')
    element.layout.width = 'wide'
    const result = read(bytesOf(canonicalJson(document)), 'edited.twm')
    expect(result.model).toBeNull()
    expect(result.diagnostics.length).toBeGreaterThan(0)
    for (const entry of result.diagnostics) expect(entry.location.file).toBe('edited.twm')
    expect(result.diagnostics.map((entry) => entry.location.path)).toContain('diagrams[0].elements[3].layout.width')
  })
})

describe('native reader: encodings', () => {
  it('strips a UTF-8 byte-order mark', () => {
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...sampleBytes])
    const result = read(withBom)
    expect(result.diagnostics).toEqual([])
    expect(result.model?.metadata.title).toBe('Web shop (sample)')
  })

  it('refuses UTF-16 with a clear reason', () => {
    const utf16 = new Uint8Array([0xff, 0xfe, ...Array.from('{}', (character) => [character.charCodeAt(0), 0]).flat()])
    const error = onlyError(utf16)
    expect(error).toMatchObject({ code: 'native.encoding', location: { file: 'shop.twm' } })
    expect(error?.message).toContain('UTF-16')
  })

  it('refuses binary data and invalid UTF-8', () => {
    expect(onlyError(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]))?.message).toContain('binary')
    // 0xE9 alone is "é" in Windows-1252 and invalid in UTF-8.
    expect(onlyError(new Uint8Array([0x7b, 0x22, 0xe9, 0x22, 0x7d]))).toMatchObject({ code: 'native.encoding' })
  })
})

describe('native reader: never throws', () => {
  it('answers any bytes with a model or an error diagnostic', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        const result = read(bytes)
        return result.model !== null || result.diagnostics.some((entry) => entry.severity === 'error')
      })
    )
  })

  it('answers any JSON value with a model or an error diagnostic', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const result = read(bytesOf(JSON.stringify({ format: 'threatwright', formatVersion: 1, model: value })))
        return result.model === null && result.diagnostics.some((entry) => entry.severity === 'error')
      })
    )
  })
})
