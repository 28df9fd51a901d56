import { describe, expect, it } from 'vitest'
import { formatForOutputPath, readModelFile, writeModel } from '../../../importers/registry'
import { readCorpusTm7 } from './tm7-test-files'

describe('the tm7 registry entry', () => {
  it('reads a zip archive named .tm7 with a clear error instead of "unknown format"', () => {
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00])
    expect(readModelFile({ bytes: zip, fileName: 'mtmt-invalid-format-zip.tm7' })).toMatchObject({
      formatId: 'tm7',
      model: null,
      diagnostics: [{ code: 'tm7.not-xml', severity: 'error', location: { file: 'mtmt-invalid-format-zip.tm7' } }]
    })
  })

  it('is chosen for .tm7 output and writes through writeModel', () => {
    expect(formatForOutputPath('out/Model.TM7')?.id).toBe('tm7')
    const model = readCorpusTm7('autocert.tm7').model
    if (model === null) throw new Error('unreadable')
    const written = writeModel(model, 'tm7')
    expect(written.diagnostics).toEqual([])
    expect(readModelFile({ bytes: written.bytes, fileName: 'again.tm7' })).toMatchObject({ formatId: 'tm7', model: { threats: model.threats } })
  })
})
