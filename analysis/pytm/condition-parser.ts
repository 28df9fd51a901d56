import type { ComparisonOperator, ComparisonStep, ConditionNode } from './condition-ast'
import { ConditionSyntaxError, tokenizeCondition, type ConditionToken } from './condition-tokens'

/**
 * A precedence parser for pytm conditions (pytm.md §5): `or` < `and` < `not` < comparison chains <
 * attribute access and calls < literals, names, tuples and parenthesised expressions. Throws
 * ConditionSyntaxError with the column where the text leaves the grammar.
 */
export function parseCondition(text: string): ConditionNode {
  const parser = new ConditionParser(tokenizeCondition(text))
  const node = parser.expression()
  parser.expectEnd()
  return node
}

const COMPARISON_SYMBOLS: ReadonlySet<string> = new Set(['==', '!=', '<', '<=', '>', '>='])

class ConditionParser {
  private index = 0

  constructor(private readonly tokens: readonly ConditionToken[]) {}

  expression(): ConditionNode {
    return this.booleanChain('or', () => this.booleanChain('and', () => this.negation()))
  }

  expectEnd(): void {
    const token = this.peek()
    if (token.kind !== 'end') this.fail(`unexpected ${describe(token)}`)
  }

  private booleanChain(operator: 'and' | 'or', operand: () => ConditionNode): ConditionNode {
    const operands = [operand()]
    while (this.acceptKeyword(operator)) operands.push(operand())
    return operands.length === 1 ? (operands[0] as ConditionNode) : { kind: 'boolean', operator, operands }
  }

  private negation(): ConditionNode {
    if (this.acceptKeyword('not')) return { kind: 'not', operand: this.negation() }
    return this.comparison()
  }

  private comparison(): ConditionNode {
    const first = this.postfix()
    const rest: ComparisonStep[] = []
    for (let operator = this.comparisonOperator(); operator !== null; operator = this.comparisonOperator()) {
      rest.push({ operator, operand: this.postfix() })
    }
    return rest.length === 0 ? first : { kind: 'compare', first, rest }
  }

  private comparisonOperator(): ComparisonOperator | null {
    const token = this.peek()
    if (token.kind === 'symbol' && COMPARISON_SYMBOLS.has(token.text)) {
      this.index += 1
      return token.text as ComparisonOperator
    }
    if (this.acceptKeyword('in')) return 'in'
    if (this.acceptKeyword('is')) return this.acceptKeyword('not') ? 'is not' : 'is'
    const next = this.tokens[this.index + 1]
    if (token.kind === 'keyword' && token.text === 'not' && next?.kind === 'keyword' && next.text === 'in') {
      this.index += 2
      return 'not in'
    }
    return null
  }

  private postfix(): ConditionNode {
    let node = this.primary()
    for (;;) {
      const token = this.peek()
      if (this.acceptSymbol('.')) {
        const name = this.peek()
        if (name.kind !== 'name') this.fail(`expected an attribute name after '.', found ${describe(name)}`)
        this.index += 1
        node = { kind: 'attribute', object: node, name: name.text, column: name.column }
      } else if (this.acceptSymbol('(')) {
        node = { kind: 'call', callee: node, args: this.callArguments(), column: token.column }
      } else {
        return node
      }
    }
  }

  private callArguments(): ConditionNode[] {
    if (this.acceptSymbol(')')) return []
    const first = this.expression()
    if (this.acceptKeyword('for')) {
      const generator = this.generatorAfter(first)
      this.expectSymbol(')')
      return [generator]
    }
    const args = [first]
    while (this.acceptSymbol(',')) {
      if (this.peekSymbol(')')) break
      args.push(this.expression())
    }
    this.expectSymbol(')')
    return args
  }

  private generatorAfter(element: ConditionNode): ConditionNode {
    const variable = this.peek()
    if (variable.kind !== 'name') this.fail(`expected a loop variable after 'for', found ${describe(variable)}`)
    this.index += 1
    if (!this.acceptKeyword('in')) this.fail(`expected 'in' after 'for ${variable.text}'`)
    // The iterable stops before `if`: Python's grammar takes an or-test there, not a conditional expression.
    const iterable = this.booleanChain('or', () => this.booleanChain('and', () => this.negation()))
    const filter = this.acceptKeyword('if') ? this.expression() : null
    return { kind: 'generator', element, variable: variable.text, iterable, filter }
  }

  private primary(): ConditionNode {
    const token = this.peek()
    this.index += 1
    switch (token.kind) {
      case 'number':
        return { kind: 'literal', value: token.value }
      case 'string': {
        // Python joins adjacent string literals.
        let value = token.value
        for (let next = this.peek(); next.kind === 'string'; next = this.peek()) {
          value += next.value
          this.index += 1
        }
        return { kind: 'literal', value }
      }
      case 'name':
        return { kind: 'name', name: token.text, column: token.column }
      case 'keyword':
        if (token.text === 'True') return { kind: 'literal', value: true }
        if (token.text === 'False') return { kind: 'literal', value: false }
        if (token.text === 'None') return { kind: 'literal', value: null }
        break
      case 'symbol':
        if (token.text === '(') return this.parenthesised()
        break
      case 'end':
        break
    }
    this.index -= 1
    return this.fail(`unexpected ${describe(token)}`)
  }

  /** `( expr )`, or a tuple `( a, b, … )` / `()`, as in `credentialsLife in (Lifetime.UNKNOWN, …)`. */
  private parenthesised(): ConditionNode {
    if (this.acceptSymbol(')')) return { kind: 'tuple', items: [] }
    const first = this.expression()
    if (this.acceptSymbol(')')) return first
    const items = [first]
    while (this.acceptSymbol(',')) {
      if (this.peekSymbol(')')) break
      items.push(this.expression())
    }
    this.expectSymbol(')')
    return { kind: 'tuple', items }
  }

  private peek(): ConditionToken {
    return this.tokens[this.index] ?? { kind: 'end', column: 0 }
  }

  private peekSymbol(symbol: string): boolean {
    const token = this.peek()
    return token.kind === 'symbol' && token.text === symbol
  }

  private acceptSymbol(symbol: string): boolean {
    if (!this.peekSymbol(symbol)) return false
    this.index += 1
    return true
  }

  private expectSymbol(symbol: string): void {
    if (!this.acceptSymbol(symbol)) this.fail(`expected '${symbol}', found ${describe(this.peek())}`)
  }

  private acceptKeyword(keyword: string): boolean {
    const token = this.peek()
    if (token.kind !== 'keyword' || token.text !== keyword) return false
    this.index += 1
    return true
  }

  private fail(message: string): never {
    throw new ConditionSyntaxError(message, this.peek().column)
  }
}

function describe(token: ConditionToken): string {
  switch (token.kind) {
    case 'end':
      return 'end of the condition'
    case 'number':
      return `the number ${token.value}`
    case 'string':
      return `the string '${token.value}'`
    default:
      return `'${token.text}'`
  }
}
