import { describe, expect, it } from 'vitest'
import { findJsonSyntaxError } from '../../../importers/text/json-syntax-error'
import { lineColumnAt } from '../../../importers/text/line-column'

/** Line and column of the first error, both 1-based, or null for valid JSON. */
function place(text: string): { line: number; column: number; problem: string } | null {
  const error = findJsonSyntaxError(text)
  return error === null ? null : { ...lineColumnAt(text, error.offset), problem: error.problem }
}

describe('findJsonSyntaxError', () => {
  it('accepts valid JSON of every kind', () => {
    for (const text of ['{}', '[]', '0', '-1.5e+3', '"a\\u00e9\\n"', 'true', ' null ', '{"a":[1,{"b":false}]}']) {
      expect(findJsonSyntaxError(text), text).toBeNull()
    }
  })

  it('points at a trailing comma before a closing brace', () => {
    // Line 3 is `  "b": 2,` ; the '}' on line 4 column 1 is where a property name was expected.
    expect(place('{\n  "a": 1,\n  "b": 2,\n}')).toEqual({
      line: 4,
      column: 1,
      problem: "expected a property name in double quotes, found '}'"
    })
  })

  it('points at a missing comma between properties', () => {
    // `{"a": 1 "b": 2}`: the second '"' is at index 8, column 9.
    expect(place('{"a": 1 "b": 2}')).toMatchObject({ line: 1, column: 9 })
  })

  it('reports a file that ends too early at its end', () => {
    // Line 2 is `  "a": [1, 2`, 12 characters: the end of the file is column 13.
    expect(place('{\n  "a": [1, 2')).toMatchObject({ line: 2, column: 13 })
  })

  it('reports an unclosed string where the string starts', () => {
    expect(place('{"a": "abc')).toMatchObject({ line: 1, column: 7, problem: 'a string is not closed before the end of the file' })
  })

  it('rejects single quotes, comments, leading zeros and text after the value', () => {
    expect(place("{'a': 1}")).toMatchObject({ line: 1, column: 2 })
    expect(place('// comment\n{}')).toMatchObject({ line: 1, column: 1 })
    expect(place('[01]')).toMatchObject({ line: 1, column: 3 })
    expect(place('{} x')).toMatchObject({ line: 1, column: 4, problem: 'unexpected text after the end of the JSON value' })
  })

  it('agrees with JSON.parse on what is valid', () => {
    for (const text of ['[1,]', '{"a":1}}', '"\t"', '[1 2]', '{"a" 1}', '-', '[-]', '1.', '.5', '"\\x"', 'nul']) {
      expect(() => JSON.parse(text), text).toThrow()
      expect(findJsonSyntaxError(text), text).not.toBeNull()
    }
  })

  it('does not overflow the stack on deeply nested input', () => {
    expect(findJsonSyntaxError('['.repeat(100_000))).toMatchObject({ offset: 512, problem: 'values are nested more than 512 levels deep' })
  })
})
