import type { ConditionNode } from './condition-ast'
import { booleanLanes, identityLanes, notLanes, perTarget, type LaneEvaluate } from './condition-lanes'
import { compileExpression, isPlainIdentity, readAttribute, targetPath, type Variables } from './compile-expression'
import { PythonError, type PythonObject, type PythonValue } from './python-values'

/**
 * The condition over a whole group of targets (condition-lanes.ts): `and`, `or`, `not`, attribute
 * chains from `target` and plain identity tests work on columns; anything else runs target by target
 * through its compiled closure. Only called on a condition that compiled, so it throws nothing.
 */
export function compileLanes(node: ConditionNode, variables: Variables): LaneEvaluate {
  switch (node.kind) {
    case 'boolean':
      return booleanLanes(
        node.operator === 'or',
        node.operands.map((operand) => compileLanes(operand, variables))
      )
    case 'not':
      return notLanes(compileLanes(node.operand, variables))
    case 'attribute': {
      const path = targetPath(node, variables)
      if (path !== null) return pathLanes(path)
      break
    }
    case 'compare': {
      const [only] = node.rest
      if (node.rest.length === 1 && only !== undefined && isPlainIdentity(only)) {
        const constant = only.operand.kind === 'literal' ? only.operand.value : null
        return identityLanes(compileLanes(node.first, variables), constant, only.operator === 'is not' || only.operator === '!=')
      }
      break
    }
    default:
      break
  }
  const evaluate = compileExpression(node, variables)
  return perTarget((target) => evaluate({ name: 'target', value: target, outer: null }))
}

/** `target.a.b` for every target of a group: one column, shared by every condition that reads it. */
function pathLanes(path: readonly (readonly [number, string])[]): LaneEvaluate {
  const names = path.map(([, name]) => name)
  const slots = path.map(([slot]) => slot)
  const key = names.join('.')
  const chain = (target: PythonObject): PythonValue => {
    let value: PythonValue = target
    for (let index = 0; index < names.length; index++) value = readAttribute(value, slots[index] ?? 0, names[index] ?? '')
    return value
  }
  // `target.controls.<name>`, most of the library, straight from the target when it can.
  const control = names.length === 2 && names[0] === 'controls' ? names[1] : undefined
  const read =
    control === undefined
      ? chain
      : (target: PythonObject): PythonValue => {
          if (target.readControl === undefined) return chain(target)
          const value = target.readControl(key)
          if (value === undefined) throw new PythonError(`'Controls' object has no attribute '${control}'`)
          return value
        }
  return (group) => group.column(key, read)
}
