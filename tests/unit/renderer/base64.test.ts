import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { base64ToBytes, bytesToBase64 } from '../../../src-renderer/src/document/base64'
import { baseName, withExtension } from '../../../src-renderer/src/document/file-names'

describe('base64', () => {
  it('encodes the RFC 4648 test vectors', () => {
    const vectors: readonly (readonly [string, string])[] = [
      ['', ''],
      ['f', 'Zg=='],
      ['fo', 'Zm8='],
      ['foo', 'Zm9v'],
      ['foob', 'Zm9vYg=='],
      ['fooba', 'Zm9vYmE='],
      ['foobar', 'Zm9vYmFy']
    ]
    for (const [text, encoded] of vectors) {
      expect(bytesToBase64(new TextEncoder().encode(text))).toBe(encoded)
      expect(new TextDecoder().decode(base64ToBytes(encoded))).toBe(text)
    }
    expect(bytesToBase64(new Uint8Array([0, 255, 128]))).toBe('AP+A')
  })

  it('round-trips any bytes, including files larger than one chunk', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 70_000 }), (bytes) => {
        expect(base64ToBytes(bytesToBase64(bytes))).toEqual(bytes)
      }),
      { numRuns: 25 }
    )
  })
})

describe('file names', () => {
  it('takes the last segment of either kind of path', () => {
    expect(baseName('/home/ana/models/shop.twm')).toBe('shop.twm')
    expect(baseName('C:\\Users\\ana\\shop.twm')).toBe('shop.twm')
  })

  it('swaps or adds an extension', () => {
    expect(withExtension('shop.tm7', '.twm')).toBe('shop.twm')
    expect(withExtension('shop', '.yaml')).toBe('shop.yaml')
    expect(withExtension('.hidden', '.twm')).toBe('.hidden.twm')
  })
})
