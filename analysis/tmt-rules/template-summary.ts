import type { Diagnostic } from '../../model/diagnostics'
import type { Template } from '../../model/template'
import { checkTemplateRules } from './check-template'
import { compileTemplate } from './compile-template'

/**
 * What a template defines and how its rules fare in this engine (the template's counterpart of
 * analysis/summary.ts): threat types disabled because a rule does not parse, with the reason; rules
 * whose and/or precedence had to be assumed; rule parts that can never match as written.
 */
export interface TemplateSummary {
  readonly counts: {
    readonly elementTypes: number
    /** The abstract roots rules refer to (GE.P, GE.DS…), included in elementTypes. */
    readonly genericElementTypes: number
    readonly threatCategories: number
    readonly threatTypes: number
    readonly threatProperties: number
  }
  readonly rules: {
    /** Threat types that generate nothing here because their Include or Exclude does not parse. */
    readonly disabled: readonly { readonly threatTypeId: string; readonly title: string; readonly reason: string }[]
    /** Include/Exclude texts mixing and/or without parentheses, read with `and` binding tighter. */
    readonly andOrWithoutParentheses: number
    /** Rule parts that can never match as written: a type, property or value the template does not define, ROOT. */
    readonly neverMatching: number
  }
  /** The compiler's messages, then the rule checker's (without its parse failures, reported once as disabling). */
  readonly diagnostics: readonly Diagnostic[]
}

export function summarizeTemplate(template: Template): TemplateSummary {
  const compiled = compileTemplate(template)
  const ruleChecks = checkTemplateRules(template).filter((entry) => entry.code !== 'rules.unparseable')
  const enabled = new Set(compiled.threatTypes.map((entry) => entry.type.id))
  const reasons = new Map(compiled.diagnostics.filter((entry) => entry.code === 'rules.unparseable').map((entry) => [entry.location.path, entry.message]))
  return {
    counts: {
      elementTypes: template.elementTypes.length,
      genericElementTypes: template.elementTypes.filter((type) => type.parentId === 'ROOT').length,
      threatCategories: template.threatCategories.length,
      threatTypes: template.threatTypes.length,
      threatProperties: template.threatProperties.length
    },
    rules: {
      disabled: template.threatTypes
        .filter((type) => !enabled.has(type.id))
        .map((type) => ({ threatTypeId: type.id, title: type.shortTitle, reason: reasons.get(`threatTypes/${type.id}`) ?? 'its rule does not parse' })),
      andOrWithoutParentheses: compiled.diagnostics.filter((entry) => entry.code === 'rules.and-or-precedence').length,
      neverMatching: ruleChecks.length
    },
    diagnostics: [...compiled.diagnostics, ...ruleChecks]
  }
}
