import type { RuleExpression, RuleSubject } from './rule-ast'

/** What a rule can ask about one end of an interaction or its flow. */
export interface RuleSubjectFacts {
  /** True when the item's type is `typeId` or any ancestor except ROOT (tmt-rules.md §3). */
  readonly isType: (typeId: string) => boolean
  /** The property's current value (selected list value, string, or 'True'/'False'), or undefined. */
  readonly property: (key: string) => string | undefined
}

/** One interaction (source, flow, target) as a rule sees it. */
export interface RuleInteraction {
  readonly source: RuleSubjectFacts
  readonly flow: RuleSubjectFacts
  readonly target: RuleSubjectFacts
  /** True when the flow crosses a boundary of type `boundaryTypeId` or a subtype. */
  readonly crosses: (boundaryTypeId: string) => boolean
}

export type CompiledRule = (interaction: RuleInteraction) => boolean

/**
 * Compiles a parsed rule to a predicate (closures, never eval). Values compare case-insensitively:
 * TMT stores booleans as `true` while rules test `'True'`, and the corpus does not discriminate
 * (tmt-format.md §7, tmt-rules.md §4.2). A property the item does not have makes the test false.
 */
export function compileRule(expression: RuleExpression): CompiledRule {
  switch (expression.kind) {
    case 'isType': {
      const { subject, typeId } = expression
      return (interaction) => subjectOf(interaction, subject).isType(typeId)
    }
    case 'propertyIs': {
      const { subject, property } = expression
      const expected = expression.value.trim().toLowerCase()
      return (interaction) => subjectOf(interaction, subject).property(property)?.trim().toLowerCase() === expected
    }
    case 'crosses': {
      const { boundaryTypeId } = expression
      return (interaction) => interaction.crosses(boundaryTypeId)
    }
    case 'not': {
      const operand = compileRule(expression.operand)
      return (interaction) => !operand(interaction)
    }
    case 'and': {
      const operands = expression.operands.map(compileRule)
      return (interaction) => operands.every((operand) => operand(interaction))
    }
    case 'or': {
      const operands = expression.operands.map(compileRule)
      return (interaction) => operands.some((operand) => operand(interaction))
    }
  }
}

function subjectOf(interaction: RuleInteraction, subject: RuleSubject): RuleSubjectFacts {
  return interaction[subject]
}
