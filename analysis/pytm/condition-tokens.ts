/**
 * Tokens of pytm's condition language: the small Python subset threats.json uses (pytm.md §5 census).
 * Anything else, such as arithmetic, subscripts or lambdas, is not a token, so it cannot be parsed.
 */
export type ConditionToken =
  | { readonly kind: 'name'; readonly text: string; readonly column: number }
  | { readonly kind: 'keyword'; readonly text: ConditionKeyword; readonly column: number }
  | { readonly kind: 'number'; readonly value: number; readonly column: number }
  | { readonly kind: 'string'; readonly value: string; readonly column: number }
  | { readonly kind: 'symbol'; readonly text: ConditionSymbol; readonly column: number }
  | { readonly kind: 'end'; readonly column: number }

export const CONDITION_KEYWORDS = ['and', 'or', 'not', 'is', 'in', 'for', 'if', 'True', 'False', 'None'] as const
export type ConditionKeyword = (typeof CONDITION_KEYWORDS)[number]

/** Two-character symbols first, so `<=` is not read as `<` then `=`. */
const SYMBOLS = ['==', '!=', '<=', '>=', '<', '>', '(', ')', ',', '.'] as const
export type ConditionSymbol = (typeof SYMBOLS)[number]

export class ConditionSyntaxError extends Error {
  constructor(
    message: string,
    /** 1-based column in the condition text. */
    readonly column: number
  ) {
    super(message)
  }
}

const NAME = /[A-Za-z_][A-Za-z0-9_]*/y
const NUMBER = /\d+(?:\.\d+)?/y
const ESCAPES: Readonly<Record<string, string>> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"' }

export function tokenizeCondition(text: string): ConditionToken[] {
  const tokens: ConditionToken[] = []
  let position = 0
  while (position < text.length) {
    const character = text.charAt(position)
    const column = position + 1
    if (/\s/.test(character)) {
      position += 1
      continue
    }
    NAME.lastIndex = position
    const name = NAME.exec(text)
    if (name !== null) {
      const word = name[0]
      tokens.push(
        (CONDITION_KEYWORDS as readonly string[]).includes(word)
          ? { kind: 'keyword', text: word as ConditionKeyword, column }
          : { kind: 'name', text: word, column }
      )
      position += word.length
      continue
    }
    NUMBER.lastIndex = position
    const number = NUMBER.exec(text)
    if (number !== null) {
      tokens.push({ kind: 'number', value: Number(number[0]), column })
      position += number[0].length
      continue
    }
    if (character === "'" || character === '"') {
      const { value, end } = readString(text, position)
      tokens.push({ kind: 'string', value, column })
      position = end
      continue
    }
    const symbol = SYMBOLS.find((candidate) => text.startsWith(candidate, position))
    if (symbol === undefined) throw new ConditionSyntaxError(`unexpected character '${character}'`, column)
    tokens.push({ kind: 'symbol', text: symbol, column })
    position += symbol.length
  }
  tokens.push({ kind: 'end', column: text.length + 1 })
  return tokens
}

function readString(text: string, start: number): { value: string; end: number } {
  const quote = text.charAt(start)
  let value = ''
  for (let position = start + 1; position < text.length; position += 1) {
    const character = text.charAt(position)
    if (character === quote) return { value, end: position + 1 }
    if (character === '\\') {
      const escaped = ESCAPES[text.charAt(position + 1)]
      if (escaped === undefined) throw new ConditionSyntaxError('unsupported escape in a string', position + 1)
      value += escaped
      position += 1
      continue
    }
    value += character
  }
  throw new ConditionSyntaxError('a string is not closed', start + 1)
}
