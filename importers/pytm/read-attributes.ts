import type { JsonObject, JsonValue } from '../../model/json'
import type { Property } from '../../model/model'
import type { JsonPath } from './json-locator'
import { CONTROL_PREFIX, type PytmAttribute } from '../../vocabularies/pytm/pytm-classes'
import { enumMemberOf, enumSpellings } from '../../vocabularies/pytm/pytm-enums'
import type { RawPytmItem } from './pytm-names'
import { attributeProperty, type PytmScalar } from './pytm-properties'
import type { PytmReadContext } from './pytm-read-context'

/** An item's scalar attributes as properties, which of them the file set, and what pytm does not know. */
export interface ReadAttributes {
  /** Shared between items with the same values, and frozen. */
  readonly properties: readonly Property[]
  /** Every attribute's value by key, in the class's attribute order (pytm's default where the file has none). */
  readonly values: ReadonlyMap<string, PytmScalar>
  /** One attribute's value, without building `values`. */
  value(key: string): PytmScalar | undefined
  /** Keys the file set explicitly (pytm 1.3.1's write-once defaults only fill the others; pytm.md §2). */
  readonly present: { has(key: string): boolean }
  /** Unknown keys, kept so a re-export loses nothing; pytm accepts them silently (`extra="allow"`). */
  readonly extra: JsonObject
  readonly extraControls: JsonObject
}

/**
 * Reads the attributes of a pytm class from an item. `structural` are the keys the caller maps onto the
 * model's structure (name, references, lists); `computed` are the dump's output-only keys (`findings`,
 * `inputs`, …), which are recomputed and so ignored.
 */
export function readAttributes(
  item: RawPytmItem,
  attributes: readonly PytmAttribute[],
  structural: ReadonlySet<string>,
  context: PytmReadContext
): ReadAttributes {
  const plan = planFor(attributes)
  const controls = controlsObject(item, context)
  const read = new AttributeValues(plan)
  // A file sets a few of a class's ~60 attributes, so the item's own keys are walked rather than every
  // attribute; a value of the wrong type sends the item through `readInAttributeOrder`, which reports
  // problems in the class's attribute order.
  let wrongType = false
  let unknown = false
  const keys = Object.keys(item.object)
  for (let position = 0; position < keys.length; position++) {
    const key = keys[position] as string
    const index = plan.topLevel.get(key)
    if (index !== undefined) wrongType = !read.set(index, item.object[key]) || wrongType
    else if (!plan.keys.has(key) && !structural.has(key)) unknown = true
  }
  let unknownControl = false
  const controlNames = controls === null ? [] : Object.keys(controls)
  for (let position = 0; position < controlNames.length; position++) {
    const name = controlNames[position] as string
    const index = plan.inControls.get(name)
    if (index !== undefined) wrongType = !read.set(index, controls?.[name]) || wrongType
    else unknownControl = true
  }
  const values = wrongType ? readInAttributeOrder(item, plan, controls, context) : read
  const extra = unknown ? unknownKeys(item.object, (key) => plan.keys.has(key) || structural.has(key), item.path, context) : {}
  const extraControls =
    controls !== null && unknownControl
      ? unknownKeys(controls, (key) => plan.inControls.has(key), [...item.path, 'controls'], context)
      : {}
  return values.result(extra, extraControls, context)
}

/** The values read so far: the class defaults, then each value the file sets, as properties. */
class AttributeValues {
  /** Attributes the file sets, as (index in the class's attributes, property). */
  private readonly changes: (readonly [number, Property])[] = []
  /** The values the file set, by attribute key (pytm 1.3.1's write-once defaults only fill the others). */
  private readonly explicit = new Map<string, PytmScalar>()

  constructor(private readonly plan: ReadingPlan) {}

  /** Takes the file's value for the attribute at `index`; false, keeping the default, when it has the wrong type. */
  set(index: number, raw: unknown): boolean {
    const step = this.plan.steps[index]
    if (step === undefined) return true
    const value = scalarValue(step.attribute, raw)
    if (value === null) return false
    this.changes.push([index, attributeProperty(step.attribute, value)])
    this.explicit.set(step.attribute.key, value)
    return true
  }

  result(extra: JsonObject, extraControls: JsonObject, context: PytmReadContext): ReadAttributes {
    const properties = context.propertyLists.intern(this.plan.defaultProperties, this.changes)
    return new ReadValues(this.plan, properties, this.explicit, extra, extraControls)
  }
}

class ReadValues implements ReadAttributes {
  private all: ReadonlyMap<string, PytmScalar> | undefined

  constructor(
    private readonly plan: ReadingPlan,
    readonly properties: readonly Property[],
    readonly present: ReadonlyMap<string, PytmScalar>,
    readonly extra: JsonObject,
    readonly extraControls: JsonObject
  ) {}

  get values(): ReadonlyMap<string, PytmScalar> {
    this.all ??= new Map(this.plan.steps.map((step) => [step.attribute.key, this.value(step.attribute.key) ?? step.attribute.type.default]))
    return this.all
  }

  value(key: string): PytmScalar | undefined {
    const set = this.present.get(key)
    if (set !== undefined) return set
    const index = this.plan.indexOf.get(key)
    return index === undefined ? undefined : this.plan.defaultValues[index]
  }
}

/** Reads every attribute in the class's order, reporting each value of the wrong type where it is. */
function readInAttributeOrder(
  item: RawPytmItem,
  plan: ReadingPlan,
  controls: Readonly<Record<string, unknown>> | null,
  context: PytmReadContext
): AttributeValues {
  const read = new AttributeValues(plan)
  plan.steps.forEach((step, index) => {
    const source = step.isControl ? controls : item.object
    if (source === null || !Object.prototype.hasOwnProperty.call(source, step.name)) return
    const raw = source[step.name]
    if (read.set(index, raw)) return
    const path = step.isControl ? [...item.path, 'controls', step.name] : [...item.path, step.name]
    const message = `${step.attribute.key} must be ${expectedValue(step.attribute)}, got ${JSON.stringify(raw)}`
    context.error('pytm.attribute.type', message, path)
  })
  return read
}

interface ReadingStep {
  readonly attribute: PytmAttribute
  readonly isControl: boolean
  /** The key on the item, or inside its `controls`. */
  readonly name: string
}

/** How to read one class's attributes, worked out once per class rather than once per item. */
interface ReadingPlan {
  readonly steps: readonly ReadingStep[]
  readonly defaultValues: readonly PytmScalar[]
  readonly defaultProperties: readonly Property[]
  /** Step index by attribute key. */
  readonly indexOf: ReadonlyMap<string, number>
  /** Step index by key on the item, and by key inside `controls`. */
  readonly topLevel: ReadonlyMap<string, number>
  readonly inControls: ReadonlyMap<string, number>
  /** Attribute keys as written on the item (`controls.isEncrypted` counts only inside `controls`). */
  readonly keys: ReadonlySet<string>
}

const plans = new WeakMap<readonly PytmAttribute[], ReadingPlan>()

function planFor(attributes: readonly PytmAttribute[]): ReadingPlan {
  let plan = plans.get(attributes)
  if (plan === undefined) {
    const steps = attributes.map((attribute): ReadingStep => {
      const isControl = attribute.key.startsWith(CONTROL_PREFIX)
      return { attribute, isControl, name: isControl ? attribute.key.slice(CONTROL_PREFIX.length) : attribute.key }
    })
    // A class has one attribute per key (attributesOf), so each key has one step.
    plan = {
      steps,
      defaultValues: steps.map((step) => step.attribute.type.default),
      defaultProperties: steps.map((step) => attributeProperty(step.attribute, step.attribute.type.default)),
      indexOf: new Map(steps.map((step, index) => [step.attribute.key, index])),
      topLevel: new Map(steps.flatMap((step, index) => (step.isControl ? [] : [[step.name, index] as const]))),
      inControls: new Map(steps.flatMap((step, index) => (step.isControl ? [[step.name, index] as const] : []))),
      keys: new Set(attributes.map((attribute) => attribute.key))
    }
    plans.set(attributes, plan)
  }
  return plan
}

function controlsObject(item: RawPytmItem, context: PytmReadContext): Readonly<Record<string, unknown>> | null {
  const controls = item.object.controls
  if (controls === undefined || controls === null) return null
  if (typeof controls !== 'object' || Array.isArray(controls)) {
    context.error('pytm.attribute.type', 'controls must be an object of control flags', [...item.path, 'controls'])
    return null
  }
  return controls as Readonly<Record<string, unknown>>
}

/** The value in pytm's type, or null when it has another type (the caller reports it and keeps the default). */
export function scalarValue(attribute: PytmAttribute, raw: unknown): PytmScalar | null {
  const { type } = attribute
  switch (type.kind) {
    case 'boolean':
      return typeof raw === 'boolean' ? raw : null
    case 'string':
      return typeof raw === 'string' ? raw : null
    case 'integer':
      if (typeof raw === 'number' && Number.isInteger(raw)) return raw
      // Pydantic's lax mode, which pytm uses, accepts a whole number written as a string.
      if (typeof raw === 'string' && /^-?\d+$/.test(raw.trim())) return Number.parseInt(raw, 10)
      return null
    case 'enum':
      return enumMemberOf(type.enum, raw)?.name ?? null
  }
}

/** What an attribute's value must be, for messages. */
function expectedValue(attribute: PytmAttribute): string {
  const { type } = attribute
  switch (type.kind) {
    case 'boolean':
      return 'true or false'
    case 'string':
      return 'a string'
    case 'integer':
      return 'a whole number'
    case 'enum':
      return `one of ${type.enum.name} ${enumSpellings(type.enum)}`
  }
}

function unknownKeys(
  object: Readonly<Record<string, unknown>>,
  isKnown: (key: string) => boolean,
  path: JsonPath,
  context: PytmReadContext
): JsonObject {
  const extra: Record<string, JsonValue> = {}
  for (const key of Object.keys(object)) {
    if (isKnown(key)) continue
    // defineProperty, not assignment: a key such as "__proto__" must stay data, not reach the prototype.
    Object.defineProperty(extra, key, { value: object[key] as JsonValue, enumerable: true, writable: true, configurable: true })
    context.warning(
      'pytm.unknown-attribute',
      `pytm has no attribute "${key}" here; pytm accepts it silently and ignores it, so check for a typo (kept for re-export)`,
      [...path, key]
    )
  }
  return extra
}
