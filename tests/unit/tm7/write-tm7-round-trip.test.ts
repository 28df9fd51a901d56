import { readFileSync } from 'node:fs'
import { basename } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readNative } from '../../../importers/native/read-native'
import { writeNative } from '../../../importers/native/write-native'
import { writeTm7 } from '../../../importers/tm7/write-tm7'
import { canonicalXml } from '../../../importers/xml/canonical-xml'
import { corpusFiles } from '../../corpus'
import { expectSameEvents } from '../xml/same-events'
import { readCorpusTm7, textOf } from './tm7-test-files'

/**
 * Lossless write-back over the whole corpus. The one expected byte difference: a re-indented file
 * (threatmodel-sdk-mstam2016.tm7) has whitespace inside start tags, which the XML tree does not keep
 * (tests/unit/xml/xml-corpus-round-trip.test.ts); its output must still be canonically equal.
 */
const collapseWhitespaceInsideTags = (text: string): string =>
  text.replace(/<[^>]*>/g, (tag) => tag.replace(/\s+/g, ' ').replace(/ \/>$/, '/>'))

describe('write-back over the corpus', () => {
  it.each(corpusFiles('tm7', ['.tm7']))('%s: read → write, and read → native → read → write, give the file back', (path) => {
    const original = readFileSync(path, 'utf8')
    const { model } = readCorpusTm7(path)
    if (model === null) throw new Error('unreadable')
    const written = writeTm7(model)
    expect(written.diagnostics).toEqual([])
    const text = textOf(written.bytes)
    if (text !== original) {
      expect(text).toBe(collapseWhitespaceInsideTags(original))
      expectSameEvents(canonicalXml(text), canonicalXml(original))
    }
    // Everything lives in the model: the native file carries it all, nothing is kept on the side.
    const native = readNative({ bytes: writeNative(model).bytes, fileName: `${basename(path)}.twm` })
    expect(native.diagnostics.filter((entry) => entry.severity === 'error')).toEqual([])
    if (native.model === null) throw new Error('native did not read back')
    expect(textOf(writeTm7(native.model).bytes)).toBe(text)
  })
})
