import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { detectFormat, formatForOutputPath, formats, readModelFile, writeModel } from '../../../importers/registry'
import type { ThreatModel } from '../../../model/model'
import { readNative } from '../../../importers/native/read-native'
import { bytesOf, sampleBytes, textOf } from './native-test-files'

function sampleModel(): ThreatModel {
  const model = readNative({ bytes: sampleBytes, fileName: 'web-shop.twm' }).model
  if (model === null) throw new Error('the sample did not read')
  return model
}

describe('format registry', () => {
  it('lists native with reader and writer, and the formats only recognised without either', () => {
    const capabilities = Object.fromEntries(formats.map((format) => [format.id, [format.read !== undefined, format.write !== undefined]]))
    expect(capabilities.native).toEqual([true, true])
    expect(capabilities.threagile).toEqual([true, true])
    expect(capabilities.pytm).toEqual([true, true])
    // Recognised so their users get a clear message, but not read or written yet.
    expect(capabilities.threatdragon).toEqual([false, false])
    expect(capabilities.otm).toEqual([false, false])
    expect(capabilities.threatcomposer).toEqual([false, false])
    expect(formats.map((format) => format.id)).toEqual(['native', 'tm7', 'tb7', 'threagile', 'pytm', 'threatdragon', 'otm', 'threatcomposer'])
  })

  it('has unique ids and lower-case extensions with a dot', () => {
    expect(new Set(formats.map((format) => format.id)).size).toBe(formats.length)
    for (const format of formats) {
      for (const extension of format.extensions) expect(extension).toMatch(/^\.[a-z0-9.]+$/)
    }
  })
})

describe('readModelFile', () => {
  it('reads the sample as native, whatever the file is called', () => {
    const result = readModelFile({ bytes: sampleBytes, fileName: 'renamed.tm7' })
    expect(result.formatId).toBe('native')
    expect(result.model?.metadata.title).toBe('Web shop (sample)')
    expect(result.diagnostics).toEqual([])
  })

  it('refuses an empty file', () => {
    expect(readModelFile({ bytes: new Uint8Array(), fileName: 'empty.twm' })).toEqual({
      formatId: null,
      model: null,
      diagnostics: [{ code: 'format.empty', severity: 'error', message: 'the file is empty', location: { file: 'empty.twm' } }]
    })
  })

  it('names the file and the expected formats for unknown content', () => {
    const result = readModelFile({ bytes: bytesOf('just some notes\n'), fileName: 'notes.txt' })
    expect(result.formatId).toBeNull()
    expect(result.model).toBeNull()
    const [error] = result.diagnostics
    expect(error).toMatchObject({ code: 'format.unknown', severity: 'error', location: { file: 'notes.txt' } })
    expect(error?.message).toMatch(/^not a format Threatwright can read: expected a Threatwright model \(\.twm\), /)
    expect(error?.message).toContain('a Microsoft Threat Modeling Tool model (.tm7)')
  })

  it('says where unknown JSON is broken', () => {
    // `{"a": 1,` then a line break and `}`: the '}' on line 2, column 1 is where a name was expected.
    const result = readModelFile({ bytes: bytesOf('{"a": 1,\n}'), fileName: 'broken.json' })
    expect(result.diagnostics).toMatchObject([
      { code: 'format.unknown', location: { file: 'broken.json', line: 2, column: 1 } }
    ])
    expect(result.diagnostics[0]?.message).toContain('the file is not valid JSON')
  })

  it('reports a damaged native file through the native reader, with its line and column', () => {
    // Canonical native files start with the marker, so a truncated one is still recognised.
    const truncated = sampleBytes.slice(0, 60)
    const result = readModelFile({ bytes: truncated, fileName: 'cut.twm' })
    expect(result.formatId).toBe('native')
    expect(result.diagnostics).toMatchObject([{ code: 'native.json', location: { file: 'cut.twm' } }])
    expect(result.diagnostics[0]?.location.line).toBeGreaterThan(0)
  })

  it('recognises a format it cannot read yet and says so', () => {
    const otm = '{"otmVersion": "0.2.0", "project": {"name": "x", "id": "x"}}'
    expect(readModelFile({ bytes: bytesOf(otm), fileName: 'model.json' })).toEqual({
      formatId: 'otm',
      model: null,
      diagnostics: [
        {
          code: 'format.unsupported',
          severity: 'error',
          message: 'recognised as an Open Threat Model (OTM) file, which this version cannot read yet',
          location: { file: 'model.json' }
        }
      ]
    })
  })

  it('uses "a" before a consonant in the unsupported message', () => {
    const composer = '{"schema": 1, "threats": []}'
    expect(readModelFile({ bytes: bytesOf(composer), fileName: 'x' }).diagnostics[0]?.message).toMatch(/^recognised as an? /)
  })
})

describe('readModelFile never throws', () => {
  it('answers arbitrary bytes and arbitrary text with a model or an error naming the file', () => {
    const answers = (bytes: Uint8Array): boolean => {
      const result = readModelFile({ bytes, fileName: 'fuzz.bin' })
      const errors = result.diagnostics.filter((entry) => entry.severity === 'error')
      return result.model !== null || (errors.length > 0 && errors.every((entry) => entry.location.file === 'fuzz.bin'))
    }
    fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), answers))
    fc.assert(fc.property(fc.string({ maxLength: 300 }), (text) => answers(bytesOf(text))))
    fc.assert(fc.property(fc.jsonValue(), (value) => answers(bytesOf(JSON.stringify(value) ?? 'null'))))
  })
})

describe('detectFormat', () => {
  it('never throws, and finds nothing in empty or binary input', () => {
    expect(detectFormat(new Uint8Array())).toBeNull()
    expect(detectFormat(new Uint8Array([0, 1, 2, 255, 254, 0]))).toBeNull()
    expect(detectFormat(new Uint8Array([0xff, 0xfe, 0x3c, 0x00]))).toBeNull()
  })

  it('recognises a TMT model saved with a UTF-16 byte-order mark', () => {
    const xml = '<ThreatModel xmlns="http://schemas.datacontract.org/2004/07/ThreatModeling.Model"/>'
    const utf16 = new Uint8Array([0xff, 0xfe, ...Array.from(xml, (character) => [character.charCodeAt(0), 0]).flat()])
    expect(detectFormat(utf16)?.id).toBe('tm7')
  })

  it('does not take a ThreatModel root in another namespace for TMT', () => {
    expect(detectFormat(bytesOf('<?xml version="1.0"?>\n<ThreatModel xmlns="urn:other"/>'))).toBeNull()
  })

  it('looks past an XML declaration and comments to the root element', () => {
    expect(detectFormat(bytesOf('<?xml version="1.0"?>\n<!-- exported -->\n<KnowledgeBase>'))?.id).toBe('tb7')
  })
})

describe('formatForOutputPath', () => {
  it('chooses the format by extension, ignoring case', () => {
    const idFor = (path: string) => formatForOutputPath(path)?.id ?? null
    expect(idFor('out/model.twm')).toBe('native')
    expect(idFor('C:\\Models\\Shop.TWM')).toBe('native')
    expect(idFor('model.tm7')).toBe('tm7')
    expect(idFor('model.yaml')).toBe('threagile')
    expect(idFor('model.yml')).toBe('threagile')
    expect(idFor('model.json')).toBe('pytm')
    expect(idFor('model.tc.json')).toBe('threatcomposer')
    expect(idFor('model.txt')).toBeNull()
    expect(idFor('twm')).toBeNull()
  })
})

describe('writeModel', () => {
  it('writes native bytes', () => {
    const result = writeModel(sampleModel(), 'native')
    expect(result.diagnostics).toEqual([])
    expect(textOf(result.bytes)).toBe(textOf(sampleBytes))
  })

  it('refuses a format without a writer with an error, and no bytes', () => {
    expect(writeModel(sampleModel(), 'otm')).toEqual({
      bytes: new Uint8Array(),
      diagnostics: [
        {
          code: 'format.write-unsupported',
          severity: 'error',
          message: 'cannot write Open Threat Model (OTM) files yet',
          location: {}
        }
      ]
    })
  })

  it('refuses an unknown format id', () => {
    expect(writeModel(sampleModel(), 'visio').diagnostics).toMatchObject([{ code: 'format.unknown-id', severity: 'error' }])
  })
})
