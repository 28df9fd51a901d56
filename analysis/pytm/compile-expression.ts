import type { ComparisonOperator, ComparisonStep, ConditionNode } from './condition-ast'
import { ConditionSyntaxError } from './condition-tokens'
import { PYTM_ENUMS } from '../../vocabularies/pytm/pytm-enums'
import {
  attributeSlot,
  enumMember,
  isList,
  isPythonObject,
  isTruthy,
  pythonCompare,
  pythonContains,
  pythonEquals,
  pythonIs,
  pythonLength,
  PythonError,
  type PythonValue
} from './python-values'

/** Variables in scope, innermost first: generator loop variables, then `target` (a linked list, cheap to extend). */
export interface Scope {
  readonly name: string
  readonly value: PythonValue
  readonly outer: Scope | null
}

/** The names a compiled expression can see, innermost first, in the order its scopes will be chained. */
export type Variables = readonly string[]

export type Evaluate = (scope: Scope) => PythonValue

/** The methods pytm lets conditions call on a target that threats.json uses (pytm.md §5). */
const METHODS: ReadonlySet<string> = new Set(['hasDataLeaks', 'checkTLSVersion'])
const BUILTINS: ReadonlySet<string> = new Set(['any', 'all', 'len'])

/**
 * Compiles a parsed expression into a closure over its scope: no eval, and nothing outside the grammar
 * survives compilation (unknown names, private attributes, calls other than any/all/len and the target's
 * methods), so this throws ConditionSyntaxError for such an expression. Evaluating raises PythonError
 * where Python would raise.
 */
export function compileExpression(node: ConditionNode, variables: Variables): Evaluate {
  switch (node.kind) {
    case 'literal': {
      const value = node.value
      return () => value
    }
    case 'name': {
      // Scopes are chained in the order of `variables`, so a name's place is known before evaluation.
      const depth = variables.indexOf(node.name)
      if (depth === -1) throw unknownName(node.name, node.column)
      if (depth === 0) return (scope) => scope.value
      return (scope) => {
        let current = scope
        for (let step = 0; step < depth && current.outer !== null; step++) current = current.outer
        return current.value
      }
    }
    case 'attribute':
      return compileAttribute(node, variables)
    case 'call':
      return compileCall(node, variables)
    case 'generator':
      throw new ConditionSyntaxError('a generator is only allowed as the argument of any() or all()', 1)
    case 'tuple': {
      const items = node.items.map((item) => compileExpression(item, variables))
      return (scope) => items.map((item) => item(scope))
    }
    case 'not': {
      const operand = compileExpression(node.operand, variables)
      return (scope) => !isTruthy(operand(scope))
    }
    case 'boolean':
      return compileBoolean(node.operator, node.operands.map((operand) => compileExpression(operand, variables)))
    case 'compare':
      return compileComparison(node, variables)
  }
}

/**
 * `and`/`or` short-circuit and give an operand's value, as in Python. (Loops here are indexed: a
 * condition runs tens of thousands of times per resolve(), much of it before the optimiser has compiled
 * it, and `for…of` allocates an iterator and a result per step until then.)
 */
function compileBoolean(operator: 'and' | 'or', operands: readonly Evaluate[]): Evaluate {
  const stopWhen = operator === 'or'
  const [left, right] = operands
  if (operands.length === 2 && left !== undefined && right !== undefined) {
    // `a or b`, `a and b`: most of the library.
    return (scope) => {
      const value = left(scope)
      return isTruthy(value) === stopWhen ? value : right(scope)
    }
  }
  return (scope) => {
    let value: PythonValue = null
    for (let index = 0; index < operands.length; index++) {
      value = (operands[index] as Evaluate)(scope)
      if (isTruthy(value) === stopWhen) return value
    }
    return value
  }
}

/** `a < b < c` means `a < b and b < c`, each operand evaluated once. */
function compileComparison(node: Extract<ConditionNode, { kind: 'compare' }>, variables: Variables): Evaluate {
  const first = compileExpression(node.first, variables)
  const [only] = node.rest
  if (node.rest.length === 1 && only !== undefined && isPlainIdentity(only)) {
    // `x is False`, `x == 'HTTP'`: against True, False, None or a string, Python's `is` and `==` are `===`.
    const constant = only.operand.kind === 'literal' ? only.operand.value : null
    const negated = only.operator === 'is not' || only.operator === '!='
    return (scope) => (first(scope) === constant) !== negated
  }
  const steps = node.rest.map((step) => ({ test: comparison(step.operator), operand: compileExpression(step.operand, variables) }))
  return (scope) => {
    let left = first(scope)
    for (let index = 0; index < steps.length; index++) {
      const step = steps[index] as (typeof steps)[number]
      const right = step.operand(scope)
      if (!step.test(left, right)) return false
      left = right
    }
    return true
  }
}

/**
 * A comparison that is plain identity: `is`/`is not` against True, False or None (never enum members),
 * or `==`/`!=` against a string (Python compares a string only with strings, by value, and JS strings
 * compare by value).
 */
export function isPlainIdentity(step: ComparisonStep): boolean {
  if (step.operand.kind !== 'literal') return false
  const { value } = step.operand
  if (step.operator === 'is' || step.operator === 'is not') return value === null || typeof value === 'boolean'
  if (step.operator === '==' || step.operator === '!=') return typeof value === 'string'
  return false
}

function comparison(operator: ComparisonOperator): (left: PythonValue, right: PythonValue) => boolean {
  switch (operator) {
    case '==':
      return pythonEquals
    case '!=':
      return (left, right) => !pythonEquals(left, right)
    case '<':
      return (left, right) => pythonCompare(left, right) < 0
    case '<=':
      return (left, right) => pythonCompare(left, right) <= 0
    case '>':
      return (left, right) => pythonCompare(left, right) > 0
    case '>=':
      return (left, right) => pythonCompare(left, right) >= 0
    case 'in':
      return (left, right) => pythonContains(right, left)
    case 'not in':
      return (left, right) => !pythonContains(right, left)
    case 'is':
      return pythonIs
    case 'is not':
      return (left, right) => !pythonIs(left, right)
  }
}

function compileAttribute(node: Extract<ConditionNode, { kind: 'attribute' }>, variables: Variables): Evaluate {
  if (node.name.startsWith('_')) {
    throw new ConditionSyntaxError(`private attribute "${node.name}" is not allowed`, node.column)
  }
  // `Lifetime.LONG`, `Classification.SECRET`: constants, resolved once.
  if (node.object.kind === 'name' && isEnumConstant(node, variables)) {
    const enumName = node.object.name
    if (PYTM_ENUMS.get(enumName)?.members.some((member) => member.name === node.name) !== true) {
      throw new ConditionSyntaxError(`${enumName} has no member ${node.name}`, node.column)
    }
    const constant = enumMember(enumName, node.name)
    return () => constant
  }
  // `target.controls.isHardened`: a chain of reads is one step, reading from the innermost name out.
  const names = [node.name]
  let base = node.object
  while (base.kind === 'attribute' && !isEnumConstant(base, variables)) {
    if (base.name.startsWith('_')) throw new ConditionSyntaxError(`private attribute "${base.name}" is not allowed`, base.column)
    names.unshift(base.name)
    base = base.object
  }
  // Most chains start at the innermost variable (`target`), read straight from the scope.
  const object = base.kind === 'name' && variables.indexOf(base.name) === 0 ? null : compileExpression(base, variables)
  const slots = names.map(attributeSlot)
  return (scope) => {
    let value = object === null ? scope.value : object(scope)
    for (let index = 0; index < names.length; index++) value = readAttribute(value, slots[index] ?? 0, names[index] ?? '')
    return value
  }
}

/**
 * The attributes read by `node` when it is a plain chain from the innermost variable (`target.a.b`), as
 * (slot, name) pairs in reading order; null for anything else. Only called on a node that compiled.
 */
export function targetPath(node: ConditionNode, variables: Variables): (readonly [number, string])[] | null {
  const path: (readonly [number, string])[] = []
  let current = node
  while (current.kind === 'attribute' && !isEnumConstant(current, variables)) {
    path.unshift([attributeSlot(current.name), current.name])
    current = current.object
  }
  return current.kind === 'name' && variables.indexOf(current.name) === 0 && path.length > 0 ? path : null
}

/** `Lifetime.LONG`: an enum member, unless a loop variable has the enum's name. */
function isEnumConstant(node: Extract<ConditionNode, { kind: 'attribute' }>, variables: Variables): boolean {
  return node.object.kind === 'name' && !variables.includes(node.object.name) && PYTM_ENUMS.has(node.object.name)
}

/** `value.name`, raising AttributeError when `value` has no such attribute. */
export function readAttribute(value: PythonValue, slot: number, name: string): PythonValue {
  if (!isPythonObject(value)) throw new PythonError(`no attribute ${name}`)
  const attribute = value.attributeAt === undefined ? value.attribute(name) : value.attributeAt(slot, name)
  if (attribute === undefined) throw new PythonError(`'${value.className}' object has no attribute '${name}'`)
  return attribute
}

function compileCall(node: Extract<ConditionNode, { kind: 'call' }>, variables: Variables): Evaluate {
  const { callee } = node
  if (callee.kind === 'name' && !variables.includes(callee.name)) {
    if (!BUILTINS.has(callee.name)) throw new ConditionSyntaxError(`calling ${callee.name}() is not allowed`, callee.column)
    return compileBuiltin(callee.name, node.args, variables, node.column)
  }
  if (callee.kind !== 'attribute' || !METHODS.has(callee.name)) {
    throw new ConditionSyntaxError(`calls are limited to any(), all(), len(), hasDataLeaks() and checkTLSVersion()`, node.column)
  }
  const object = compileExpression(callee.object, variables)
  const args = node.args.map((arg) => compileExpression(arg, variables))
  return (scope) => {
    const receiver = object(scope)
    if (!isPythonObject(receiver)) throw new PythonError(`no method ${callee.name}`)
    const result = receiver.call(
      callee.name,
      args.map((arg) => arg(scope))
    )
    if (result === undefined) throw new PythonError(`'${receiver.className}' object has no attribute '${callee.name}'`)
    return result
  }
}

function compileBuiltin(name: string, args: readonly ConditionNode[], variables: Variables, column: number): Evaluate {
  const [only] = args
  if (args.length !== 1 || only === undefined) throw new ConditionSyntaxError(`${name}() takes exactly one argument`, column)
  if (name === 'len') {
    const value = compileExpression(only, variables)
    return (scope) => pythonLength(value(scope))
  }
  const wantAll = name === 'all'
  // any() stops at the first true item, all() at the first false one.
  const stopAt = wantAll ? isFalsy : isTruthy
  const items = only.kind === 'generator' ? compileGenerator(only, variables) : iterate(compileExpression(only, variables))
  return (scope) => (items(scope, stopAt) ? !wantAll : wantAll)
}

/** Visits items in order until `stop` holds for one; true when it stopped early. */
type EachItem = (scope: Scope, stop: (item: PythonValue) => boolean) => boolean

function isFalsy(value: PythonValue): boolean {
  return !isTruthy(value)
}

function iterate(value: Evaluate): EachItem {
  return (scope, stop) => {
    const items = value(scope)
    if (!isList(items)) throw new PythonError('object is not iterable')
    for (let index = 0; index < items.length; index++) if (stop(items[index] as PythonValue)) return true
    return false
  }
}

/**
 * `element for variable in iterable if filter`, evaluated item by item as a Python generator is, so
 * any() and all() stop at the first decisive item and never evaluate the rest.
 */
function compileGenerator(node: Extract<ConditionNode, { kind: 'generator' }>, variables: Variables): EachItem {
  const iterable = compileExpression(node.iterable, variables)
  const inner = [node.variable, ...variables]
  const element = compileExpression(node.element, inner)
  const filter = node.filter === null ? null : compileExpression(node.filter, inner)
  return (scope, stop) => {
    const items = iterable(scope)
    if (!isList(items)) throw new PythonError('object is not iterable')
    for (let index = 0; index < items.length; index++) {
      const itemScope: Scope = { name: node.variable, value: items[index] as PythonValue, outer: scope }
      if (filter !== null && !isTruthy(filter(itemScope))) continue
      if (stop(element(itemScope))) return true
    }
    return false
  }
}

function unknownName(name: string, column: number): ConditionSyntaxError {
  return new ConditionSyntaxError(`unknown name "${name}"; conditions may use target, loop variables and pytm's enums`, column)
}
