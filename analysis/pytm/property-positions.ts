import type { Property } from '../../model/model'

/** A list of property keys and where each key last occurs, as `new Map(entries)` would index them. */
interface Layout {
  readonly keys: readonly string[]
  readonly positions: ReadonlyMap<string, number>
}

/** Enough for every pytm class in one model; items of other formats vary more and get their own table. */
const KEPT_LAYOUTS = 32

/**
 * Properties by key for the threat engine. The pytm reader writes every item of a class with the same
 * keys in the same order (one per attribute of the class), so a model of thousands of items has a few
 * distinct layouts: each is indexed once, and an item is matched to one key by key, which costs no
 * allocation (a table per item was a large share of the engine's garbage).
 */
export class PropertyPositions {
  private readonly layouts: Layout[] = []
  /** Readers share one list between items with equal values, so most lookups are by the list itself. */
  private readonly byList = new WeakMap<readonly Property[], ReadonlyMap<string, number>>()

  /** Where each key's property is in `properties` (its last occurrence, when a key repeats). */
  of(properties: readonly Property[]): ReadonlyMap<string, number> {
    let positions = this.byList.get(properties)
    if (positions === undefined) {
      positions = this.layoutOf(properties)
      this.byList.set(properties, positions)
    }
    return positions
  }

  private layoutOf(properties: readonly Property[]): ReadonlyMap<string, number> {
    for (const layout of this.layouts) if (sameKeys(layout.keys, properties)) return layout.positions
    const keys = properties.map((property) => property.key)
    const positions = new Map(keys.map((key, index) => [key, index]))
    if (this.layouts.length < KEPT_LAYOUTS) this.layouts.push({ keys, positions })
    return positions
  }
}

function sameKeys(keys: readonly string[], properties: readonly Property[]): boolean {
  if (keys.length !== properties.length) return false
  for (let index = 0; index < keys.length; index++) if (keys[index] !== properties[index]?.key) return false
  return true
}
