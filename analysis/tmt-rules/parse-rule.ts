import type { RuleExpression, RuleSubject } from './rule-ast'
import { RuleSyntaxError, tokenizeRule, type RuleToken } from './tokenize-rule'

/**
 * Parses a GenerationFilters expression. An empty (or all-whitespace) text gives null: an empty Include
 * generates nothing and an empty Exclude excludes nothing (tmt-rules.md §3).
 *
 * Precedence: `not` binds tightest, then `and`, then `or` (conventional). TMT's own documentation reads
 * as flat left-to-right, and template authors disagree; no corpus model discriminates the two readings
 * (tmt-rules.md §4.1), so we take the reading most templates were written for and report mixed
 * and/or at one level through `mixesAndOr` so the template report can flag them.
 */
export function parseRule(text: string): RuleExpression | null {
  const tokens = tokenizeRule(text)
  if (tokens.length === 0) return null
  const parser = new RuleParser(tokens, text.length)
  const expression = parser.parseOr()
  parser.expectEnd()
  return expression
}

const SUBJECTS: readonly RuleSubject[] = ['source', 'target', 'flow']

class RuleParser {
  private position = 0

  constructor(
    private readonly tokens: readonly RuleToken[],
    private readonly textLength: number
  ) {}

  parseOr(): RuleExpression {
    const operands = [this.parseAnd()]
    while (this.peekKeyword('or')) {
      this.position += 1
      operands.push(this.parseAnd())
    }
    return operands.length === 1 ? operands[0]! : { kind: 'or', operands }
  }

  private parseAnd(): RuleExpression {
    const operands = [this.parseUnary()]
    while (this.peekKeyword('and')) {
      this.position += 1
      operands.push(this.parseUnary())
    }
    return operands.length === 1 ? operands[0]! : { kind: 'and', operands }
  }

  private parseUnary(): RuleExpression {
    if (this.peekKeyword('not')) {
      this.position += 1
      return { kind: 'not', operand: this.parseUnary() }
    }
    const token = this.next('a condition')
    if (token.kind === 'open') {
      const inner = this.parseOr()
      const close = this.next("')'")
      if (close.kind !== 'close') throw new RuleSyntaxError("expected ')'", close.offset)
      return inner
    }
    if (token.kind !== 'word') throw new RuleSyntaxError('expected source, target or flow', token.offset)
    return this.parseComparison(token)
  }

  /** `subject is 'X'`, `subject.property is 'V'` or `flow crosses 'X'`. */
  private parseComparison(word: Extract<RuleToken, { kind: 'word' }>): RuleExpression {
    const dot = word.text.indexOf('.')
    const subjectText = (dot < 0 ? word.text : word.text.slice(0, dot)).toLowerCase()
    const subject = SUBJECTS.find((candidate) => candidate === subjectText)
    if (!subject) throw new RuleSyntaxError(`expected source, target or flow, found '${word.text}'`, word.offset)
    const property = dot < 0 ? null : word.text.slice(dot + 1)
    if (property === '') throw new RuleSyntaxError(`a property name is missing after '${word.text}'`, word.offset)
    const operator = this.next("'is' or 'crosses'")
    const operatorText = operator.kind === 'word' ? operator.text.toLowerCase() : ''
    const literal = this.next('a quoted value')
    if (literal.kind !== 'literal') throw new RuleSyntaxError('expected a quoted value', literal.offset)
    if (operatorText === 'crosses') {
      if (subject !== 'flow' || property !== null) throw new RuleSyntaxError('only flow can cross a boundary', operator.offset)
      return { kind: 'crosses', boundaryTypeId: literal.text.trim() }
    }
    if (operatorText !== 'is') throw new RuleSyntaxError("expected 'is' or 'crosses'", operator.offset)
    return property === null
      ? { kind: 'isType', subject, typeId: literal.text.trim() }
      : { kind: 'propertyIs', subject, property, value: literal.text }
  }

  expectEnd(): void {
    const token = this.tokens[this.position]
    if (token) throw new RuleSyntaxError('unexpected text after the end of the condition', token.offset)
  }

  private peekKeyword(keyword: string): boolean {
    const token = this.tokens[this.position]
    return token?.kind === 'word' && token.text.toLowerCase() === keyword
  }

  private next(expected: string): RuleToken {
    const token = this.tokens[this.position]
    if (!token) throw new RuleSyntaxError(`the condition ends where ${expected} was expected`, this.textLength)
    this.position += 1
    return token
  }
}

/** True when `and` and `or` meet at one level without parentheses: the reading then depends on precedence. */
export function mixesAndOr(text: string): boolean {
  let depth = 0
  const seen = new Map<number, Set<string>>()
  for (const token of tokenizeRule(text)) {
    if (token.kind === 'open') depth += 1
    else if (token.kind === 'close') depth -= 1
    else if (token.kind === 'word' && /^(and|or)$/i.test(token.text)) {
      const operators = seen.get(depth) ?? new Set<string>()
      operators.add(token.text.toLowerCase())
      seen.set(depth, operators)
      if (operators.size === 2) return true
    }
  }
  return false
}

export { RuleSyntaxError }
