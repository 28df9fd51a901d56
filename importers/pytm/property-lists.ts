import type { Property } from '../../model/model'

/**
 * The property lists of one read, shared between items whose attributes all have the same values.
 * Items mostly keep pytm's defaults and set a few attributes, often the same ones (a thousand HTTP flows
 * on port 80), so a list is looked up by the few values that differ from the class defaults. Shared lists
 * are frozen: the model is immutable, and frozen lists validate once (model/property-schema.ts).
 */
export class PropertyLists {
  private readonly lists = new Map<readonly Property[], Map<string, readonly Property[]>>()
  private readonly propertyIds = new Map<Property, number>()

  /** `defaults` with `changes` (index, property) applied, the same list for the same changes. */
  intern(defaults: readonly Property[], changes: readonly (readonly [number, Property])[]): readonly Property[] {
    const ordered = inIndexOrder(changes)
    const key = ordered.map(([index, property]) => `${index}:${this.idOf(property)}`).join(',')
    let byKey = this.lists.get(defaults)
    if (byKey === undefined) {
      byKey = new Map()
      this.lists.set(defaults, byKey)
    }
    let list = byKey.get(key)
    if (list === undefined) {
      const properties = defaults.slice()
      for (const [index, property] of ordered) properties[index] = property
      list = Object.freeze(properties)
      byKey.set(key, list)
    }
    return list
  }

  private idOf(property: Property): number {
    let id = this.propertyIds.get(property)
    if (id === undefined) {
      id = this.propertyIds.size
      this.propertyIds.set(property, id)
    }
    return id
  }
}

/** The changes by index. An item sets a handful of attributes, so a plain insertion sort does. */
function inIndexOrder(changes: readonly (readonly [number, Property])[]): readonly (readonly [number, Property])[] {
  const ordered = changes.slice()
  for (let next = 1; next < ordered.length; next++) {
    const change = ordered[next] as readonly [number, Property]
    let place = next
    for (; place > 0 && (ordered[place - 1] as readonly [number, Property])[0] > change[0]; place--) {
      ordered[place] = ordered[place - 1] as readonly [number, Property]
    }
    ordered[place] = change
  }
  return ordered
}
