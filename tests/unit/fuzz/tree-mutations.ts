/**
 * Structure-aware mutations on a parsed JSON or YAML document: drop, duplicate, reorder, wrong types,
 * corrupted ids, huge strings, deep nesting, grafting one part where another belongs, and the keys that
 * pollute prototypes. The node to mutate is an index into a depth-first walk, modulo the node count.
 */
import fc from 'fast-check'

export type TreeOperation =
  | 'drop'
  | 'duplicate'
  | 'reorder'
  | 'wrong-type'
  | 'corrupt-string'
  | 'huge-string'
  | 'deep-nesting'
  | 'graft'
  | 'prototype-key'

export interface TreeMutation {
  readonly kind: 'tree'
  readonly operation: TreeOperation
  readonly node: number
  readonly other: number
  readonly choice: number
}

export const treeMutation: fc.Arbitrary<TreeMutation> = fc.record({
  kind: fc.constant('tree' as const),
  operation: fc.constantFrom<TreeOperation>(
    'drop',
    'duplicate',
    'reorder',
    'wrong-type',
    'corrupt-string',
    'huge-string',
    'deep-nesting',
    'graft',
    'prototype-key'
  ),
  node: fc.nat(),
  other: fc.nat(),
  choice: fc.nat()
})

/** Values of every JSON type and a few that readers commonly mistake for another. */
export const WRONG_TYPE_VALUES: readonly unknown[] = [
  null,
  0,
  -1,
  1.5,
  1e308,
  -1e308,
  2 ** 53 + 1,
  true,
  false,
  '',
  ' ',
  'NaN',
  'Infinity',
  '0000-00-00',
  'null',
  [],
  [null],
  [[]],
  {},
  { '': null },
  { length: 1e9 },
  { toString: 'x', valueOf: 1, hasOwnProperty: null }
]

export const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype'] as const

type Container = Record<string, unknown> | unknown[]
interface Slot {
  readonly parent: Container | null
  readonly key: string | number
  readonly value: unknown
}

const MAX_WALK = 20_000

function isContainer(value: unknown): value is Container {
  return typeof value === 'object' && value !== null
}

function walk(root: unknown): Slot[] {
  const slots: Slot[] = [{ parent: null, key: '', value: root }]
  for (let index = 0; index < slots.length && slots.length < MAX_WALK; index++) {
    const { value } = slots[index] as Slot
    if (!isContainer(value)) continue
    for (const key of Object.keys(value)) {
      slots.push({ parent: value, key: Array.isArray(value) ? Number(key) : key, value: (value as Record<string, unknown>)[key] })
    }
  }
  return slots
}

/** Sets an own property even for `__proto__`, which plain assignment would turn into a prototype change. */
function setOwn(target: Container, key: string | number, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true })
}

function corrupt(text: string, choice: number): string {
  const variants = [
    '',
    text.slice(0, Math.floor(text.length / 2)),
    text.toUpperCase(),
    `${text}\u0000`,
    `${text} `,
    text.replace(/[0-9a-f]/i, 'g'),
    text.replace(/-/g, ''),
    `{${text}}`,
    text.split('').reverse().join(''),
    `${text}\u202e`,
    '00000000-0000-0000-0000-000000000000',
    '../../../etc/passwd',
    '<script>alert(1)</script>',
    '\uD800'
  ]
  return variants[choice % variants.length] ?? ''
}

/** A copy that stops at 1,000 levels (structuredClone would overflow the stack on the nesting made here). */
function cloneLimited(value: unknown, depth = 0): unknown {
  if (!isContainer(value)) return value
  if (depth > 1000) return null
  if (Array.isArray(value)) return value.map((item) => cloneLimited(item, depth + 1))
  const copy: Record<string, unknown> = {}
  for (const [key, item] of Object.entries(value)) setOwn(copy, key, cloneLimited(item, depth + 1))
  return copy
}

function deeplyNested(depth: number, asArray: boolean): unknown {
  let value: unknown = 'bottom'
  for (let level = 0; level < depth; level++) value = asArray ? [value] : { a: value }
  return value
}

function replacement(slot: Slot, mutation: TreeMutation, slots: readonly Slot[]): unknown {
  const { value } = slot
  switch (mutation.operation) {
    case 'wrong-type':
      return cloneLimited(WRONG_TYPE_VALUES[mutation.choice % WRONG_TYPE_VALUES.length])
    case 'corrupt-string':
      // JSON.stringify, not String(): a mapping with its own `toString` key makes String() throw.
      return typeof value === 'string' ? corrupt(value, mutation.choice) : (JSON.stringify(value) ?? 'undefined')
    case 'huge-string':
      return 'x'.repeat(1000 + (mutation.choice % 1_000_000))
    case 'deep-nesting':
      // 2,000 levels: deeper trips structuredClone and the serialisers here before any reader sees it; the
      // XML mutations nest 50,000 levels in text, where no serialiser is involved.
      return deeplyNested(100 + (mutation.choice % 1_900), mutation.choice % 2 === 0)
    case 'graft':
      return cloneLimited((slots[mutation.other % slots.length] as Slot).value)
    case 'reorder':
      if (Array.isArray(value)) return mutation.choice % 2 === 0 ? [...value].reverse() : [...value.slice(1), ...value.slice(0, 1)]
      if (isContainer(value)) return Object.fromEntries(Object.entries(value).reverse())
      return value
    default:
      return value
  }
}

/** Mutates `root` in place and returns it (or its replacement, when the root itself is replaced). */
export function applyTreeMutation(root: unknown, mutation: TreeMutation): unknown {
  const copy = root
  const slots = walk(copy)
  const slot = slots[mutation.node % slots.length] as Slot
  const { parent, key, value } = slot

  if (mutation.operation === 'prototype-key') {
    const target = isContainer(value) && !Array.isArray(value) ? value : parent !== null && !Array.isArray(parent) ? parent : null
    const payload = { polluted: 'yes', toString: 'polluted', prototype: { polluted: 'yes' } }
    if (target === null) return { [PROTOTYPE_KEYS[0]]: payload, root: copy }
    setOwn(target, PROTOTYPE_KEYS[mutation.choice % PROTOTYPE_KEYS.length] as string, payload)
    return copy
  }
  if (mutation.operation === 'drop' || mutation.operation === 'duplicate') {
    if (parent === null) return mutation.operation === 'drop' ? {} : [copy, copy]
    if (Array.isArray(parent)) {
      if (mutation.operation === 'drop') parent.splice(key as number, 1)
      else parent.splice(key as number, 0, cloneLimited(value))
    } else if (mutation.operation === 'drop') {
      delete parent[key as string]
    } else {
      // JSON cannot hold a repeated key; a near-duplicate under a new key is the closest tree-level stand-in.
      setOwn(parent, `${String(key)}_copy`, cloneLimited(value))
    }
    return copy
  }
  const next = replacement(slot, mutation, slots)
  if (parent === null) return next
  setOwn(parent, key, next)
  return copy
}
