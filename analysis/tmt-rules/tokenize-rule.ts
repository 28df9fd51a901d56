/**
 * Tokens of the rule language. Keywords are case-insensitive (one Azure-derived template writes `OR`,
 * tmt-rules.md §2.2); whitespace includes CR/LF because templates indent their rules across lines.
 * Literals are single-quoted with no escape mechanism (none occurs in 644 corpus expressions).
 */
export type RuleToken =
  | { readonly kind: 'word'; readonly text: string; readonly offset: number }
  | { readonly kind: 'literal'; readonly text: string; readonly offset: number }
  | { readonly kind: 'open' | 'close'; readonly offset: number }

export class RuleSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number
  ) {
    super(message)
  }
}

/** Characters a bare word may hold: keywords, subjects and property paths such as `target.SE.DS.TMCore.SQL.Technology` or GUIDs. */
const WORD_CHARACTER = /[A-Za-z0-9_.-]/

export function tokenizeRule(text: string): RuleToken[] {
  const tokens: RuleToken[] = []
  let index = 0
  while (index < text.length) {
    const character = text[index]!
    if (/\s/.test(character)) {
      index += 1
    } else if (character === '(' || character === ')') {
      tokens.push({ kind: character === '(' ? 'open' : 'close', offset: index })
      index += 1
    } else if (character === "'") {
      const end = text.indexOf("'", index + 1)
      if (end < 0) throw new RuleSyntaxError('a quoted value is not closed', index)
      tokens.push({ kind: 'literal', text: text.slice(index + 1, end), offset: index })
      index = end + 1
    } else if (WORD_CHARACTER.test(character)) {
      const start = index
      while (index < text.length && WORD_CHARACTER.test(text[index]!)) index += 1
      tokens.push({ kind: 'word', text: text.slice(start, index), offset: start })
    } else {
      throw new RuleSyntaxError(`unexpected character '${character}'`, index)
    }
  }
  return tokens
}
