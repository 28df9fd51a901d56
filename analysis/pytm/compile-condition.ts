import type { ComparisonOperator, ConditionNode } from './condition-ast'
import { parseCondition } from './condition-parser'
import { ConditionSyntaxError } from './condition-tokens'
import { PYTM_ENUMS } from '../../vocabularies/pytm/pytm-enums'
import {
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
  type PythonObject,
  type PythonValue
} from './python-values'

/** A compiled condition: true when the threat applies to the target. Never throws. */
export type ConditionPredicate = (target: PythonObject) => boolean

/** Variables in scope, innermost first: `target`, then generator loop variables (a linked list, cheap to extend). */
interface Scope {
  readonly name: string
  readonly value: PythonValue
  readonly outer: Scope | null
}

function lookup(scope: Scope | null, name: string): PythonValue {
  for (let current = scope; current !== null; current = current.outer) if (current.name === name) return current.value
  return null
}
type Evaluate = (scope: Scope) => PythonValue

/** The methods pytm lets conditions call on a target that threats.json uses (pytm.md §5). */
const METHODS: ReadonlySet<string> = new Set(['hasDataLeaks', 'checkTLSVersion'])
const BUILTINS: ReadonlySet<string> = new Set(['any', 'all', 'len'])

/**
 * Parses and compiles a condition into a predicate made of closures: no eval, and nothing outside the
 * grammar survives compilation (unknown names, private attributes, calls other than any/all/len and the
 * target's methods). As in pytm, a Python error while evaluating makes the condition false.
 * Throws ConditionSyntaxError when the condition is outside the language.
 */
export function compileCondition(text: string): ConditionPredicate {
  const evaluate = compile(parseCondition(text), new Set(['target']))
  return (target) => {
    try {
      return isTruthy(evaluate({ name: 'target', value: target, outer: null }))
    } catch (error) {
      if (error instanceof PythonError) return false
      throw error
    }
  }
}

function compile(node: ConditionNode, variables: ReadonlySet<string>): Evaluate {
  switch (node.kind) {
    case 'literal': {
      const value = node.value
      return () => value
    }
    case 'name':
      if (!variables.has(node.name)) throw unknownName(node.name, node.column)
      return (scope) => lookup(scope, node.name)
    case 'attribute':
      return compileAttribute(node, variables)
    case 'call':
      return compileCall(node, variables)
    case 'generator':
      throw new ConditionSyntaxError('a generator is only allowed as the argument of any() or all()', 1)
    case 'tuple': {
      const items = node.items.map((item) => compile(item, variables))
      return (scope) => items.map((item) => item(scope))
    }
    case 'not': {
      const operand = compile(node.operand, variables)
      return (scope) => !isTruthy(operand(scope))
    }
    case 'boolean':
      return compileBoolean(node.operator, node.operands.map((operand) => compile(operand, variables)))
    case 'compare':
      return compileComparison(node, variables)
  }
}

/** `and`/`or` short-circuit and give an operand's value, as in Python. */
function compileBoolean(operator: 'and' | 'or', operands: readonly Evaluate[]): Evaluate {
  const stopWhen = operator === 'or'
  return (scope) => {
    let value: PythonValue = null
    for (const operand of operands) {
      value = operand(scope)
      if (isTruthy(value) === stopWhen) return value
    }
    return value
  }
}

/** `a < b < c` means `a < b and b < c`, each operand evaluated once. */
function compileComparison(node: Extract<ConditionNode, { kind: 'compare' }>, variables: ReadonlySet<string>): Evaluate {
  const first = compile(node.first, variables)
  const steps = node.rest.map((step) => ({ test: comparison(step.operator), operand: compile(step.operand, variables) }))
  return (scope) => {
    let left = first(scope)
    for (const step of steps) {
      const right = step.operand(scope)
      if (!step.test(left, right)) return false
      left = right
    }
    return true
  }
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

function compileAttribute(node: Extract<ConditionNode, { kind: 'attribute' }>, variables: ReadonlySet<string>): Evaluate {
  if (node.name.startsWith('_')) {
    throw new ConditionSyntaxError(`private attribute "${node.name}" is not allowed`, node.column)
  }
  // `Lifetime.LONG`, `Classification.SECRET`: constants, resolved once.
  if (node.object.kind === 'name' && !variables.has(node.object.name) && PYTM_ENUMS.has(node.object.name)) {
    const enumName = node.object.name
    if (PYTM_ENUMS.get(enumName)?.members.some((member) => member.name === node.name) !== true) {
      throw new ConditionSyntaxError(`${enumName} has no member ${node.name}`, node.column)
    }
    const constant = enumMember(enumName, node.name)
    return () => constant
  }
  const object = compile(node.object, variables)
  return (scope) => {
    const value = object(scope)
    if (!isPythonObject(value)) throw new PythonError(`no attribute ${node.name}`)
    const attribute = value.attribute(node.name)
    if (attribute === undefined) throw new PythonError(`'${value.className}' object has no attribute '${node.name}'`)
    return attribute
  }
}

function compileCall(node: Extract<ConditionNode, { kind: 'call' }>, variables: ReadonlySet<string>): Evaluate {
  const { callee } = node
  if (callee.kind === 'name' && !variables.has(callee.name)) {
    if (!BUILTINS.has(callee.name)) throw new ConditionSyntaxError(`calling ${callee.name}() is not allowed`, callee.column)
    return compileBuiltin(callee.name, node.args, variables, node.column)
  }
  if (callee.kind !== 'attribute' || !METHODS.has(callee.name)) {
    throw new ConditionSyntaxError(`calls are limited to any(), all(), len(), hasDataLeaks() and checkTLSVersion()`, node.column)
  }
  const object = compile(callee.object, variables)
  const args = node.args.map((arg) => compile(arg, variables))
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

function compileBuiltin(name: string, args: readonly ConditionNode[], variables: ReadonlySet<string>, column: number): Evaluate {
  const [only] = args
  if (args.length !== 1 || only === undefined) throw new ConditionSyntaxError(`${name}() takes exactly one argument`, column)
  if (name === 'len') {
    const value = compile(only, variables)
    return (scope) => pythonLength(value(scope))
  }
  const wantAll = name === 'all'
  const items = only.kind === 'generator' ? compileGenerator(only, variables) : iterate(compile(only, variables))
  return (scope) => {
    for (const item of items(scope)) if (isTruthy(item) !== wantAll) return !wantAll
    return wantAll
  }
}

function iterate(value: Evaluate): (scope: Scope) => Iterable<PythonValue> {
  return (scope) => {
    const items = value(scope)
    if (!isList(items)) throw new PythonError('object is not iterable')
    return items
  }
}

/** The values of `element for variable in iterable if filter`, lazily, so any() stops at the first true one. */
function compileGenerator(
  node: Extract<ConditionNode, { kind: 'generator' }>,
  variables: ReadonlySet<string>
): (scope: Scope) => Iterable<PythonValue> {
  const iterable = iterate(compile(node.iterable, variables))
  const inner = new Set([...variables, node.variable])
  const element = compile(node.element, inner)
  const filter = node.filter === null ? null : compile(node.filter, inner)
  return function* (scope) {
    for (const item of iterable(scope)) {
      const itemScope: Scope = { name: node.variable, value: item, outer: scope }
      if (filter !== null && !isTruthy(filter(itemScope))) continue
      yield element(itemScope)
    }
  }
}

function unknownName(name: string, column: number): ConditionSyntaxError {
  return new ConditionSyntaxError(`unknown name "${name}"; conditions may use target, loop variables and pytm's enums`, column)
}
