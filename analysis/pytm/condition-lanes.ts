import { isTruthy, PythonError, type PythonObject, type PythonValue } from './python-values'

/**
 * One expression's value for every target of a group, entry i for `targets[i]`, and where evaluating
 * it raised (pytm then counts the whole condition false for that target).
 */
export interface Lanes {
  readonly values: readonly PythonValue[]
  readonly errors: Uint8Array
}

/**
 * Evaluates an expression for the targets marked 1 in `active`; other entries are unspecified. Python
 * evaluates `and`/`or` operands only while undecided, so an operand is only asked for the targets that
 * still need it, and an error there counts only for them.
 */
export type LaneEvaluate = (group: TargetGroup, active: Uint8Array) => Lanes

/**
 * Items of one class, whose conditions are evaluated together (compile-condition.ts `forAll`). The
 * library tests the same few attribute chains (`target.controls.sanitizesInput`) in dozens of threats,
 * so each chain is read once per target into a column, and conditions combine columns in plain loops
 * instead of walking a closure tree per item. Views cannot change, so reading a chain for a target
 * whose condition would not have reached it changes nothing but the time.
 */
export class TargetGroup {
  /** Every target, for evaluating a whole condition. */
  readonly all: Uint8Array
  private readonly columns = new Map<string, Lanes>()

  constructor(readonly targets: readonly PythonObject[]) {
    this.all = new Uint8Array(targets.length).fill(1)
  }

  /** The values of `read` for every target, read once per key. */
  column(key: string, read: (target: PythonObject) => PythonValue): Lanes {
    let column = this.columns.get(key)
    if (column === undefined) {
      column = perTarget(read)(this, this.all)
      this.columns.set(key, column)
    }
    return column
  }
}

/** An expression evaluated target by target (anything the lane forms below do not cover). */
export function perTarget(evaluate: (target: PythonObject) => PythonValue): LaneEvaluate {
  return (group, active) => {
    const { targets } = group
    const values: PythonValue[] = new Array<PythonValue>(targets.length).fill(null)
    const errors = new Uint8Array(targets.length)
    for (let index = 0; index < targets.length; index++) {
      if (active[index] !== 1) continue
      try {
        values[index] = evaluate(targets[index] as PythonObject)
      } catch (error) {
        if (!(error instanceof PythonError)) throw error
        errors[index] = 1
      }
    }
    return { values, errors }
  }
}

/** `x is C`, `x == 'text'` (plain identity, see compile-condition.ts), or their negations. */
export function identityLanes(operand: LaneEvaluate, constant: PythonValue, negated: boolean): LaneEvaluate {
  return (group, active) => {
    const { values, errors } = operand(group, active)
    const results: boolean[] = new Array<boolean>(values.length).fill(false)
    for (let index = 0; index < values.length; index++) results[index] = (values[index] === constant) !== negated
    return { values: results, errors }
  }
}

export function notLanes(operand: LaneEvaluate): LaneEvaluate {
  return (group, active) => {
    const { values, errors } = operand(group, active)
    const results: boolean[] = new Array<boolean>(values.length).fill(false)
    for (let index = 0; index < values.length; index++) results[index] = !isTruthy(values[index] ?? null)
    return { values: results, errors }
  }
}

/** `and`/`or`: each operand for the targets still undecided; the value is the deciding (or last) operand's. */
export function booleanLanes(isOr: boolean, operands: readonly LaneEvaluate[]): LaneEvaluate {
  return (group, active) => {
    const [first, ...rest] = operands
    if (first === undefined) return perTarget(() => null)(group, active)
    const firstLanes = first(group, active)
    const values = firstLanes.values.slice()
    const errors = firstLanes.errors.slice()
    let pending = active
    for (const operand of rest) {
      const undecided = new Uint8Array(values.length)
      let any = false
      for (let index = 0; index < values.length; index++) {
        if (pending[index] === 1 && errors[index] !== 1 && isTruthy(values[index] ?? null) !== isOr) {
          undecided[index] = 1
          any = true
        }
      }
      if (!any) break
      const next = operand(group, undecided)
      for (let index = 0; index < values.length; index++) {
        if (undecided[index] !== 1) continue
        values[index] = next.values[index] ?? null
        errors[index] = next.errors[index] ?? 0
      }
      pending = undecided
    }
    return { values, errors }
  }
}

/** Whether the condition holds for each target: evaluated without error, and true. */
export function holdsForAll(evaluate: LaneEvaluate, group: TargetGroup): Uint8Array {
  const { values, errors } = evaluate(group, group.all)
  const holds = new Uint8Array(values.length)
  for (let index = 0; index < values.length; index++) holds[index] = errors[index] !== 1 && isTruthy(values[index] ?? null) ? 1 : 0
  return holds
}
