import { PYTM_ENUMS } from '../../vocabularies/pytm/pytm-enums'

/**
 * The values a pytm condition computes with, and Python's rules for them (pytm.md §5, "Semantics you
 * must copy exactly"). Lists stand for pytm's lists and DataSets; objects are read-only views of model
 * items (pytm-view.ts).
 */
export type PythonValue = null | boolean | number | string | PythonEnumMember | PythonObject | readonly PythonValue[]

export interface PythonEnumMember {
  readonly kind: 'enum'
  readonly enumName: string
  readonly member: string
}

export interface PythonObject {
  readonly kind: 'object'
  /** pytm's class name (`Server`, `Dataflow`, `Data`, `Controls`). */
  readonly className: string
  /** The attribute, or undefined when the object has none (Python raises AttributeError). */
  attribute(name: string): PythonValue | undefined
  /** Calls a method; undefined when there is no such method. */
  call(name: string, args: readonly PythonValue[]): PythonValue | undefined
  /** `attribute(name)` by the name's number (`attributeSlot`), for objects that index their attributes. */
  readonly attributeAt?: (slot: number, name: string) => PythonValue | undefined
  /**
   * `controls.<name>` read straight from an object whose `controls` is its own Controls view: the same
   * value as the chain `.controls.<name>` (undefined where that has none), without the hop.
   */
  readonly readControl?: (key: string) => PythonValue | undefined
}

/**
 * A small number per attribute name, the same for every object, so compiled conditions and views can
 * keep attributes in arrays rather than look names up: the engine reads about 100,000 attributes per
 * resolve(). Names come from conditions and pytm's own tables, so the table stays small.
 */
export function attributeSlot(name: string): number {
  let slot = attributeSlots.get(name)
  if (slot === undefined) {
    slot = attributeSlots.size
    attributeSlots.set(name, slot)
  }
  return slot
}

const attributeSlots = new Map<string, number>()

/**
 * A Python exception while evaluating. pytm wraps every condition in try/except and treats any
 * exception as "condition false" (pytm.md §5), so the evaluator does the same with this one type.
 */
export class PythonError extends Error {}

/**
 * One frozen object per (enum, member), like Python's enum singletons: conditions read enum attributes of
 * thousands of items, and a fresh object per read was a large share of the engine's garbage.
 */
export function enumMember(enumName: string, member: string): PythonEnumMember {
  let members = enumMembers.get(enumName)
  if (members === undefined) {
    members = new Map()
    enumMembers.set(enumName, members)
  }
  let found = members.get(member)
  if (found === undefined) {
    found = Object.freeze({ kind: 'enum', enumName, member })
    members.set(member, found)
  }
  return found
}

const enumMembers = new Map<string, Map<string, PythonEnumMember>>()

export function isEnumMember(value: PythonValue): value is PythonEnumMember {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && (value as PythonEnumMember).kind === 'enum'
}

export function isPythonObject(value: PythonValue): value is PythonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && (value as PythonObject).kind === 'object'
}

export function isList(value: PythonValue): value is readonly PythonValue[] {
  return Array.isArray(value)
}

/** Python truthiness: None, False, 0, "" and empty containers are false; enum members and objects true. */
export function isTruthy(value: PythonValue): boolean {
  if (typeof value === 'boolean') return value
  if (value === null) return false
  if (typeof value === 'number') return value !== 0
  if (typeof value === 'string') return value.length > 0
  if (isList(value)) return value.length > 0
  return true
}

/** `==`: True == 1 as in Python; enum members equal only their own member; objects by identity. */
export function pythonEquals(left: PythonValue, right: PythonValue): boolean {
  if (isNumeric(left) && isNumeric(right)) return Number(left) === Number(right)
  if (typeof left === 'string' || typeof right === 'string') return left === right
  if (left === null || right === null) return left === right
  if (isEnumMember(left) && isEnumMember(right)) return left.enumName === right.enumName && left.member === right.member
  if (isList(left) && isList(right)) {
    return left.length === right.length && left.every((item, index) => pythonEquals(item, right[index] ?? null))
  }
  return left === right
}

/** `is`: identity. True, False, None and enum members are singletons; views are cached, so one per item. */
export function pythonIs(left: PythonValue, right: PythonValue): boolean {
  if (isEnumMember(left) && isEnumMember(right)) return pythonEquals(left, right)
  return left === right
}

/** `<`, `<=`, `>`, `>=`: numbers, strings, and members of one ordered enum; anything else is a TypeError. */
export function pythonCompare(left: PythonValue, right: PythonValue): number {
  if (isNumeric(left) && isNumeric(right)) return Number(left) - Number(right)
  if (typeof left === 'string' && typeof right === 'string') return left < right ? -1 : left > right ? 1 : 0
  if (isEnumMember(left) && isEnumMember(right) && left.enumName === right.enumName) {
    const leftValue = orderedValue(left)
    const rightValue = orderedValue(right)
    if (leftValue !== undefined && rightValue !== undefined) return leftValue - rightValue
  }
  throw new PythonError(`'<' not supported between ${typeName(left)} and ${typeName(right)}`)
}

/** `in`: membership in a list or tuple, a substring, or a data name in a DataSet (pytm.md §2, `Asset.data`). */
export function pythonContains(container: PythonValue, item: PythonValue): boolean {
  if (typeof container === 'string') {
    if (typeof item !== 'string') throw new PythonError("'in <string>' requires a string")
    return container.includes(item)
  }
  if (isList(container)) {
    return container.some(
      (entry) =>
        pythonEquals(entry, item) ||
        (typeof item === 'string' && isPythonObject(entry) && entry.className === 'Data' && entry.attribute('name') === item)
    )
  }
  throw new PythonError(`argument of type ${typeName(container)} is not iterable`)
}

/** The number an ordered enum's member compares by; undefined for unordered enums and non-numbers. */
function orderedValue(value: PythonEnumMember): number | undefined {
  let values = orderedValues.get(value.enumName)
  if (values === undefined) {
    const definition = PYTM_ENUMS.get(value.enumName)
    const byName = new Map<string, number | string>()
    // The first member of a name wins, as enumMemberOf's search by name does.
    for (const member of definition?.members ?? []) if (!byName.has(member.name)) byName.set(member.name, member.value)
    const numbers = new Map<string, number>()
    if (definition?.ordered === true) {
      for (const [name, number] of byName) if (typeof number === 'number') numbers.set(name, number)
    }
    orderedValues.set(value.enumName, numbers)
    values = numbers
  }
  return values.get(value.member)
}

const orderedValues = new Map<string, ReadonlyMap<string, number>>()

export function pythonLength(value: PythonValue): number {
  if (typeof value === 'string' || isList(value)) return value.length
  throw new PythonError(`object of type ${typeName(value)} has no len()`)
}

function isNumeric(value: PythonValue): value is number | boolean {
  return typeof value === 'number' || typeof value === 'boolean'
}

function typeName(value: PythonValue): string {
  if (value === null) return 'NoneType'
  if (isList(value)) return 'list'
  if (isEnumMember(value)) return value.enumName
  if (isPythonObject(value)) return value.className
  return typeof value
}
