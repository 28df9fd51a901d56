import {
  attributesOf,
  CONTROL_ATTRIBUTES,
  CONTROL_PREFIX,
  DATA_ATTRIBUTES,
  isPytmClassName,
  lineage,
  type PytmAttribute,
  type PytmAttributeType
} from '../../vocabularies/pytm/pytm-classes'

/**
 * pytm's attribute defaults (vocabularies/pytm/pytm-classes.ts) as the threat engine compares them: a
 * missing property reads as pytm's default, as an unset attribute does in pytm. Enum defaults name
 * their enum, because condition values are enum members, not the reader's spellings.
 */
export type PytmDefault = boolean | string | number | { readonly enumName: string; readonly member: string }

function defaultOf(type: PytmAttributeType): PytmDefault {
  return type.kind === 'enum' ? { enumName: type.enum.name, member: type.default } : type.default
}

const defaultsByKey = (attributes: readonly PytmAttribute[], prefix = ''): Record<string, PytmDefault> =>
  Object.fromEntries(attributes.map((attribute) => [attribute.key.slice(prefix.length), defaultOf(attribute.type)]))

/** `Controls`' fields by control name (without `controls.`). */
export const CONTROL_DEFAULTS: Readonly<Record<string, PytmDefault>> = defaultsByKey(CONTROL_ATTRIBUTES, CONTROL_PREFIX)

/** `Data`'s scalar fields besides name and description. */
export const DATA_DEFAULTS: Readonly<Record<string, PytmDefault>> = defaultsByKey(DATA_ATTRIBUTES)

const cache = new Map<string, ReadonlyMap<string, PytmDefault>>()

/** Every scalar attribute of a class (controls excluded) with its default; none for a name pytm lacks. */
export function classDefaults(className: string): ReadonlyMap<string, PytmDefault> {
  const cached = cache.get(className)
  if (cached !== undefined) return cached
  const attributes = isPytmClassName(className) ? attributesOf(className) : []
  const defaults = new Map(
    attributes
      .filter((attribute) => !attribute.key.startsWith(CONTROL_PREFIX))
      .map((attribute) => [attribute.key, defaultOf(attribute.type)] as const)
  )
  cache.set(className, defaults)
  return defaults
}

/** The class and its ancestors, the class first (threat targets match through `isinstance`); empty for a name pytm lacks. */
export function classLineage(className: string): readonly string[] {
  let found = lineages.get(className)
  if (found === undefined) {
    found = Object.freeze(isPytmClassName(className) ? lineage(className) : [])
    lineages.set(className, found)
  }
  return found
}

/** One frozen list per class, shared by its items. */
const lineages = new Map<string, readonly string[]>()
