import { describe, expect, it } from 'vitest'
import { canonicalJson } from '../../../model/canonical-json'

describe('canonicalJson', () => {
  it('sorts keys at every depth, keeps array order, indents by two spaces and ends with one newline', () => {
    const text = canonicalJson({ b: [3, 1, { z: true, a: null }], a: { d: 'x', c: 1.5 } })
    expect(text).toBe(
      '{\n  "a": {\n    "c": 1.5,\n    "d": "x"\n  },\n  "b": [\n    3,\n    1,\n    {\n      "a": null,\n      "z": true\n    }\n  ]\n}\n'
    )
  })

  it('sorts integer-like keys as text too, unlike JavaScript object order', () => {
    // JS iterates {"10", "2", "a"} as 2, 10, a; code-unit order is "10" < "2" < "a".
    expect(canonicalJson({ a: 0, 2: 0, 10: 0 })).toBe('{\n  "10": 0,\n  "2": 0,\n  "a": 0\n}\n')
  })

  it('gives the same text whatever order the keys were inserted in', () => {
    expect(canonicalJson({ x: 1, y: { q: 1, p: 2 } })).toBe(canonicalJson({ y: { p: 2, q: 1 }, x: 1 }))
  })

  it('writes empty containers inline and escapes strings as JSON does', () => {
    expect(canonicalJson({ list: [], bag: {}, text: 'a "quote"\nand é' })).toBe(
      '{\n  "bag": {},\n  "list": [],\n  "text": "a \\"quote\\"\\nand é"\n}\n'
    )
  })

  it('treats undefined and non-finite numbers as JSON.stringify does', () => {
    expect(canonicalJson({ gone: undefined, items: [undefined, Number.NaN, Infinity] })).toBe(
      '{\n  "items": [\n    null,\n    null,\n    null\n  ]\n}\n'
    )
  })

  it('uses LF only, never CRLF', () => {
    expect(canonicalJson({ a: [1, 2] })).not.toContain('\r')
  })
})
