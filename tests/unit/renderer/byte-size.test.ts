import { describe, expect, it } from 'vitest'
import { base64ByteLength, formatByteSize } from '../../../src-renderer/src/document/byte-size'

describe('formatByteSize', () => {
  it('reads like a file manager', () => {
    expect(formatByteSize(21_100_000)).toBe('21.1 MB')
    expect(formatByteSize(640_400)).toBe('640 kB')
    expect(formatByteSize(312)).toBe('312 bytes')
    expect(formatByteSize(1)).toBe('1 byte')
    expect(formatByteSize(2_500_000_000)).toBe('2.5 GB')
  })
})

describe('base64ByteLength', () => {
  it('counts decoded bytes, padding included', () => {
    for (const text of ['', 'a', 'ab', 'abc', 'abcd', 'hello world']) {
      expect(base64ByteLength(btoa(text))).toBe(text.length)
    }
  })
})
