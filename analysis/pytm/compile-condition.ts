import { parseCondition } from './condition-parser'
import { holdsForAll, type TargetGroup } from './condition-lanes'
import { compileExpression, type Scope } from './compile-expression'
import { compileLanes } from './compile-lanes'
import { isTruthy, PythonError, type PythonObject, type PythonValue } from './python-values'

/** A compiled condition: true when the threat applies to the target. Never throws. */
export interface ConditionPredicate {
  (target: PythonObject): boolean
  /** The same for every target of a group at once: 1 where it holds, entry i for `group.targets[i]`. */
  readonly forAll: (group: TargetGroup) => Uint8Array
}

/**
 * Parses and compiles a condition into a predicate made of closures: no eval, and nothing outside the
 * grammar survives compilation (unknown names, private attributes, calls other than any/all/len and the
 * target's methods). As in pytm, a Python error while evaluating makes the condition false.
 * Throws ConditionSyntaxError when the condition is outside the language.
 */
export function compileCondition(text: string): ConditionPredicate {
  const condition = parseCondition(text)
  const evaluate = compileExpression(condition, ['target'])
  const lanes = compileLanes(condition, ['target'])
  // The outermost scope is reused from call to call (a predicate runs once per item, tens of thousands
  // of times); a call made while another is still running gets its own.
  const outermost: { name: string; value: PythonValue; outer: null } = { name: 'target', value: null, outer: null }
  let running = false
  const holds = (target: PythonObject): boolean => {
    const reused = !running
    const scope: Scope = reused ? outermost : { name: 'target', value: target, outer: null }
    if (reused) {
      running = true
      outermost.value = target
    }
    try {
      return isTruthy(evaluate(scope))
    } catch (error) {
      if (error instanceof PythonError) return false
      throw error
    } finally {
      if (reused) {
        running = false
        outermost.value = null
      }
    }
  }
  return Object.assign(holds, { forAll: (group: TargetGroup) => holdsForAll(lanes, group) })
}
