import { diagnostic, type Diagnostic } from '../../model/diagnostics'
import type { Template, ThreatTypeDefinition } from '../../model/template'
import { compileRule, type CompiledRule } from './evaluate-rule'
import { mixesAndOr, parseRule, RuleSyntaxError } from './parse-rule'

export interface CompiledThreatType {
  readonly type: ThreatTypeDefinition
  /** Null when the Include is empty: such a type never generates (tmt-rules.md §3). */
  readonly include: CompiledRule | null
  readonly exclude: CompiledRule | null
}

export interface CompiledTemplate {
  readonly threatTypes: readonly CompiledThreatType[]
  /** Rules that did not parse (their type is disabled) and rules whose reading depends on and/or precedence. */
  readonly diagnostics: readonly Diagnostic[]
}

/**
 * Compiles every threat type's rules once. A rule that does not parse disables only its own threat
 * type, with a diagnostic naming it; the rest still run.
 */
export function compileTemplate(template: Template): CompiledTemplate {
  const threatTypes: CompiledThreatType[] = []
  const diagnostics: Diagnostic[] = []
  for (const type of template.threatTypes) {
    try {
      threatTypes.push({ type, include: compileText(type.include), exclude: compileText(type.exclude) })
      for (const [part, text] of [
        ['Include', type.include],
        ['Exclude', type.exclude]
      ] as const) {
        if (mixesAndOr(text)) {
          diagnostics.push(
            diagnostic(
              'rules.and-or-precedence',
              'info',
              `threat type ${type.id} (${type.shortTitle}): its ${part} mixes 'and' and 'or' without parentheses; read with 'and' binding tighter`,
              { path: `threatTypes/${type.id}/${part}` }
            )
          )
        }
      }
    } catch (error) {
      if (!(error instanceof RuleSyntaxError)) throw error
      diagnostics.push(
        diagnostic(
          'rules.unparseable',
          'warning',
          `threat type ${type.id} (${type.shortTitle}) is disabled: its rule does not parse (${error.message} at character ${error.offset + 1})`,
          { path: `threatTypes/${type.id}` }
        )
      )
    }
  }
  return { threatTypes, diagnostics }
}

function compileText(text: string): CompiledRule | null {
  const expression = parseRule(text)
  return expression === null ? null : compileRule(expression)
}
