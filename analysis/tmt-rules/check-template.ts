import { diagnostic, type Diagnostic } from '../../model/diagnostics'
import type { AttributeDefinition, ElementType, Template } from '../../model/template'
import { parseRule, RuleSyntaxError } from './parse-rule'
import type { RuleExpression, RuleSubject } from './rule-ast'
import { ROOT_TYPE_ID, typeAncestry } from './type-hierarchy'

/**
 * Checks that a template's rules talk about things the template defines: every type a rule names
 * exists, every boundary it tests crossing is a boundary type, and every property it compares exists
 * on the types the rule is about, with the compared value among the property's options. A rule that
 * fails these checks still runs, but silently never (or always) matches; these are the mistakes a
 * template author cannot see in TMT (tmt-rules.md §4.5, §4.6). Works on our templates and on any .tb7.
 */
export function checkTemplateRules(template: Template): Diagnostic[] {
  const vocabulary = templateVocabulary(template)
  const diagnostics: Diagnostic[] = []
  for (const type of template.threatTypes) {
    for (const [part, text] of [
      ['Include', type.include],
      ['Exclude', type.exclude]
    ] as const) {
      const report = (code: string, severity: Diagnostic['severity'], message: string): void => {
        diagnostics.push(diagnostic(code, severity, `threat type ${type.id} (${type.shortTitle}), ${part}: ${message}`, { path: `threatTypes/${type.id}/${part}` }))
      }
      let expression: RuleExpression | null
      try {
        expression = parseRule(text)
      } catch (error) {
        if (!(error instanceof RuleSyntaxError)) throw error
        report('rules.unparseable', 'warning', `does not parse (${error.message} at character ${error.offset + 1})`)
        continue
      }
      if (expression !== null) checkExpression(expression, NO_CONSTRAINTS, vocabulary, report)
    }
  }
  return diagnostics
}

type Report = (code: string, severity: Diagnostic['severity'], message: string) => void

/** For each subject, the types an enclosing `and` says it must be one of (null: unconstrained). */
type Constraints = Readonly<Record<RuleSubject, readonly string[] | null>>

const NO_CONSTRAINTS: Constraints = { source: null, target: null, flow: null }
const SUBJECTS: readonly RuleSubject[] = ['source', 'target', 'flow']

interface TemplateVocabulary {
  readonly types: ReadonlyMap<string, ElementType>
  /** A type, its ancestors and its descendants: where a property of an element of that type can come from. */
  readonly relatedTypes: (typeId: string) => ReadonlySet<string>
  readonly isBoundary: (typeId: string) => boolean
}

function templateVocabulary(template: Template): TemplateVocabulary {
  const types = new Map(template.elementTypes.map((type) => [type.id, type]))
  const ancestry = typeAncestry(template)
  const related = new Map<string, ReadonlySet<string>>()
  const relatedTypes = (typeId: string): ReadonlySet<string> => {
    const cached = related.get(typeId)
    if (cached) return cached
    const found = new Set(ancestry(typeId))
    for (const type of template.elementTypes) if (ancestry(type.id).has(typeId)) found.add(type.id)
    related.set(typeId, found)
    return found
  }
  const isBoundary = (typeId: string): boolean =>
    [...ancestry(typeId)].some((id) => {
      const representation = types.get(id)?.representation
      return representation === 'borderBoundary' || representation === 'lineBoundary' || id === 'GE.TB.B' || id === 'GE.TB.L'
    })
  return { types, relatedTypes, isBoundary }
}

function checkExpression(expression: RuleExpression, constraints: Constraints, vocabulary: TemplateVocabulary, report: Report): void {
  switch (expression.kind) {
    case 'isType':
      checkTypeName(expression.typeId, `${expression.subject} is '${expression.typeId}'`, vocabulary, report)
      return
    case 'crosses':
      checkTypeName(expression.boundaryTypeId, `flow crosses '${expression.boundaryTypeId}'`, vocabulary, report)
      if (vocabulary.types.has(expression.boundaryTypeId) && !vocabulary.isBoundary(expression.boundaryTypeId)) {
        report('rules.not-a-boundary', 'warning', `'${expression.boundaryTypeId}' is not a trust boundary type, so no flow ever crosses it`)
      }
      return
    case 'propertyIs':
      checkProperty(expression, constraints[expression.subject], vocabulary, report)
      return
    case 'not':
      checkExpression(expression.operand, constraints, vocabulary, report)
      return
    case 'or':
      for (const operand of expression.operands) checkExpression(operand, constraints, vocabulary, report)
      return
    case 'and': {
      const narrowed: Record<RuleSubject, readonly string[] | null> = { ...constraints }
      for (const subject of SUBJECTS) {
        const implied = expression.operands.map((operand) => impliedTypes(operand, subject)).find((types) => types !== null)
        if (implied) narrowed[subject] = implied
      }
      for (const operand of expression.operands) checkExpression(operand, narrowed, vocabulary, report)
    }
  }
}

/** The types `subject` must have for `expression` to hold, when the expression says so plainly; else null. */
function impliedTypes(expression: RuleExpression, subject: RuleSubject): readonly string[] | null {
  switch (expression.kind) {
    case 'isType':
      return expression.subject === subject ? [expression.typeId] : null
    case 'or': {
      const alternatives = expression.operands.map((operand) => impliedTypes(operand, subject))
      return alternatives.every((types) => types !== null) ? alternatives.flatMap((types) => types ?? []) : null
    }
    case 'and':
      return expression.operands.map((operand) => impliedTypes(operand, subject)).find((types) => types !== null) ?? null
    default:
      return null
  }
}

function checkTypeName(typeId: string, test: string, vocabulary: TemplateVocabulary, report: Report): void {
  if (typeId === ROOT_TYPE_ID) report('rules.matches-nothing', 'info', `${test} never holds: no element has the type ROOT`)
  else if (!vocabulary.types.has(typeId)) report('rules.unknown-type', 'warning', `${test} names a type the template does not define`)
}

function checkProperty(
  test: Extract<RuleExpression, { kind: 'propertyIs' }>,
  constrainedTo: readonly string[] | null,
  vocabulary: TemplateVocabulary,
  report: Report
): void {
  const everywhere = attributesNamed(test.property, vocabulary.types.keys(), vocabulary)
  const text = `${test.subject}.${test.property} is '${test.value}'`
  if (everywhere.length === 0) {
    report('rules.unknown-property', 'warning', `${text}: no type in the template has the property '${test.property}'`)
    return
  }
  const relevant =
    constrainedTo === null
      ? everywhere
      : attributesNamed(test.property, new Set(constrainedTo.flatMap((typeId) => [...vocabulary.relatedTypes(typeId)])), vocabulary)
  if (relevant.length === 0) {
    report('rules.property-not-on-type', 'warning', `${text}: '${test.property}' is not a property of ${constrainedTo?.map((id) => `'${id}'`).join(' or ')}`)
    return
  }
  const expected = test.value.trim().toLowerCase()
  const offered = relevant.flatMap((attribute) => attribute.values)
  const isFreeText = relevant.some((attribute) => attribute.values.length === 0)
  if (!isFreeText && !offered.some((value) => value.trim().toLowerCase() === expected)) {
    const options = [...new Set(offered)].map((value) => `'${value}'`).join(', ')
    report('rules.unknown-value', 'warning', `${text}: '${test.value}' is not an option of '${test.property}' (${options})`)
  }
}

/**
 * The definitions of a property on the given types. Like the engine (item-facts.ts), a type-qualified
 * reference such as `SE.DS.TMCore.SQL.Technology` falls back to the bare name `Technology`.
 */
function attributesNamed(key: string, typeIds: Iterable<string>, vocabulary: TemplateVocabulary): AttributeDefinition[] {
  const attributes = [...typeIds].flatMap((typeId) => vocabulary.types.get(typeId)?.attributes ?? [])
  const exact = attributes.filter((attribute) => attribute.key === key)
  if (exact.length > 0) return exact
  const bare = key.slice(key.lastIndexOf('.') + 1)
  return attributes.filter((attribute) => attribute.key === bare)
}
