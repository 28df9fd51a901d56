/**
 * The syntax tree of a TMT GenerationFilters expression (tmt-rules.md §2.2):
 * type tests (`source is 'GE.P'`), property tests (`flow.authenticatesSource is 'Yes'`),
 * boundary tests (`flow crosses 'GE.TB.B'`), `not`, `and`, `or` and parentheses.
 */
export type RuleSubject = 'source' | 'target' | 'flow'

export type RuleExpression =
  | { readonly kind: 'isType'; readonly subject: RuleSubject; readonly typeId: string }
  | { readonly kind: 'propertyIs'; readonly subject: RuleSubject; readonly property: string; readonly value: string }
  | { readonly kind: 'crosses'; readonly boundaryTypeId: string }
  | { readonly kind: 'not'; readonly operand: RuleExpression }
  | { readonly kind: 'and'; readonly operands: readonly RuleExpression[] }
  | { readonly kind: 'or'; readonly operands: readonly RuleExpression[] }
