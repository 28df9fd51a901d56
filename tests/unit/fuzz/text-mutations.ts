/**
 * Mutations specific to YAML and JSON text: what a parser sees that a tree cannot express (aliases and
 * alias bombs, tags, merge keys, repeated keys, indentation, multiple documents, line endings).
 */
import fc from 'fast-check'

export type TextOperation =
  | 'alias-bomb'
  | 'alias-node'
  | 'tag'
  | 'merge-key'
  | 'duplicate-line'
  | 'indent'
  | 'multi-document'
  | 'line-endings'
  | 'repeat-json-key'
  | 'json-number'

export interface TextMutation {
  readonly kind: 'text'
  readonly operation: TextOperation
  readonly line: number
  readonly choice: number
}

export const yamlTextMutation: fc.Arbitrary<TextMutation> = fc.record({
  kind: fc.constant('text' as const),
  operation: fc.constantFrom<TextOperation>('alias-bomb', 'alias-node', 'tag', 'merge-key', 'duplicate-line', 'indent', 'multi-document', 'line-endings'),
  line: fc.nat(),
  choice: fc.nat()
})

export const jsonTextMutation: fc.Arbitrary<TextMutation> = fc.record({
  kind: fc.constant('text' as const),
  operation: fc.constantFrom<TextOperation>('repeat-json-key', 'json-number', 'duplicate-line', 'line-endings'),
  line: fc.nat(),
  choice: fc.nat()
})

const TAGS = ['!!binary aGVsbG8=', '!!timestamp 2001-12-14t21:59:43.10-05:00', '!!float .nan', '!!float .inf', '!!int 0x7fffffff', '!!set {a, b}', '!!omap [a: 1]', '!!js/function "x"', '!unknown x', '!!str', '!!null ""', '!!pairs [a: 1]']
const NUMBERS = ['1e400', '-0', '1E-400', '123456789012345678901234567890', '0.1e1', '-1', '2e308']

/** An anchor of 10 aliases to the level below, nine levels deep: ~10^9 nodes if a reader expands it. */
function aliasBomb(): string {
  const lines = ['bomb0: &b0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
  for (let level = 1; level < 9; level++) {
    lines.push(`bomb${level}: &b${level} [${Array.from({ length: 10 }, () => `*b${level - 1}`).join(',')}]`)
  }
  return lines.join('\n')
}

export function applyTextMutation(text: string, mutation: TextMutation): string {
  const lines = text.split('\n')
  const index = mutation.line % Math.max(1, lines.length)
  const line = lines[index] ?? ''
  const indent = /^\s*/.exec(line)?.[0] ?? ''
  const keyed = /^(\s*(?:- )?)([^\s:#][^:#]*):(\s.*)?$/.exec(line)
  switch (mutation.operation) {
    case 'alias-bomb':
      // At the top level, so it is valid YAML whatever the document holds; readers must not walk it.
      return `${aliasBomb()}\n${text}`
    case 'alias-node':
      if (keyed === null) return text
      lines[index] = `${keyed[1] ?? ''}${keyed[2] ?? ''}: *b8`
      return `${aliasBomb()}\n${lines.join('\n')}`
    case 'tag':
      if (keyed === null) return text
      lines[index] = `${keyed[1] ?? ''}${keyed[2] ?? ''}: ${TAGS[mutation.choice % TAGS.length] ?? ''}`
      return lines.join('\n')
    case 'merge-key':
      lines.splice(index + 1, 0, `${indent}<<: ${mutation.choice % 2 === 0 ? '*undefined_anchor' : '{ __proto__: { polluted: yes } }'}`)
      return lines.join('\n')
    case 'duplicate-line':
      lines.splice(index, 0, line)
      return lines.join('\n')
    case 'indent':
      lines[index] = mutation.choice % 3 === 0 ? `\t${line}` : mutation.choice % 3 === 1 ? ` ${line}` : line.trimStart()
      return lines.join('\n')
    case 'multi-document':
      return mutation.choice % 2 === 0 ? `${text}\n---\nsecond: document\n` : `---\n{}\n---\n${text}`
    case 'line-endings':
      return mutation.choice % 3 === 0 ? text.replace(/\n/g, '\r\n') : mutation.choice % 3 === 1 ? text.replace(/\n/g, '\r') : `\uFEFF${text}`
    case 'repeat-json-key': {
      const key = /^\s*("[^"]+")\s*:/.exec(line)
      if (key === null) return text
      lines.splice(index, 0, `${indent}${key[1] ?? '""'}: ${mutation.choice % 2 === 0 ? 'null' : '{"__proto__": {"polluted": "yes"}}'},`)
      return lines.join('\n')
    }
    case 'json-number':
      return text.replace(/(:\s*)-?\d+(\.\d+)?/, `$1${NUMBERS[mutation.choice % NUMBERS.length] ?? '0'}`)
  }
}
