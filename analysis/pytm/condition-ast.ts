import type { PythonValue } from './python-values'

/** The parsed form of a pytm condition: Python's expression grammar, cut to what threats.json uses. */
export type ConditionNode =
  | { readonly kind: 'literal'; readonly value: PythonValue }
  | { readonly kind: 'name'; readonly name: string; readonly column: number }
  | { readonly kind: 'attribute'; readonly object: ConditionNode; readonly name: string; readonly column: number }
  | { readonly kind: 'call'; readonly callee: ConditionNode; readonly args: readonly ConditionNode[]; readonly column: number }
  | {
      /** `<element> for <variable> in <iterable> [if <filter>]`, only as the argument of any()/all(). */
      readonly kind: 'generator'
      readonly element: ConditionNode
      readonly variable: string
      readonly iterable: ConditionNode
      readonly filter: ConditionNode | null
    }
  | { readonly kind: 'tuple'; readonly items: readonly ConditionNode[] }
  | { readonly kind: 'not'; readonly operand: ConditionNode }
  | { readonly kind: 'boolean'; readonly operator: 'and' | 'or'; readonly operands: readonly ConditionNode[] }
  | { readonly kind: 'compare'; readonly first: ConditionNode; readonly rest: readonly ComparisonStep[] }

export type ComparisonOperator = '==' | '!=' | '<' | '<=' | '>' | '>=' | 'in' | 'not in' | 'is' | 'is not'

export interface ComparisonStep {
  readonly operator: ComparisonOperator
  readonly operand: ConditionNode
}
