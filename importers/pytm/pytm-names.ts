import { formatJsonPath, type JsonPath } from './json-locator'
import type { PytmReadContext } from './pytm-read-context'

/** One named pytm item as found in the file: its JSON object, where it is, and its name. */
export interface RawPytmItem {
  readonly object: Readonly<Record<string, unknown>>
  readonly path: JsonPath
  readonly name: string
}

/**
 * The items of one kind by name. pytm resolves every reference by name and, for duplicates, silently
 * lets the last one win (pytm.md §4), which would rewire flows without a word; here a repeated name is
 * an error at the repeat, and a name that refers to nothing is an error at the reference.
 */
export class PytmNameTable<Id extends string> {
  private readonly byName = new Map<string, { readonly id: Id; readonly item: RawPytmItem }>()

  constructor(
    private readonly kind: string,
    private readonly mint: (name: string) => Id
  ) {}

  register(item: RawPytmItem, context: PytmReadContext): void {
    const first = this.byName.get(item.name)
    if (first !== undefined) {
      context.error(
        'pytm.duplicate-name',
        `two ${this.kind}s are called "${item.name}"; pytm refers to everything by name, so names must be unique (the first is at ${formatJsonPath(first.item.path)})`,
        [...item.path, 'name']
      )
      return
    }
    this.byName.set(item.name, { id: this.mint(item.name), item })
  }

  has(name: string): boolean {
    return this.byName.has(name)
  }

  idOf(name: string): Id | null {
    return this.byName.get(name)?.id ?? null
  }

  /** The id a reference names, or null after reporting it. `role` says what the reference is for. */
  resolve(value: unknown, path: JsonPath, role: string, context: PytmReadContext): Id | null {
    if (typeof value !== 'string') {
      context.error('pytm.reference.type', `${role} must be the name of ${article(this.kind)} (a string)`, path)
      return null
    }
    const found = this.byName.get(value)
    if (found === undefined) {
      context.error('pytm.reference.dangling', `${role} names "${value}", which is not ${article(this.kind)} of this model`, path)
      return null
    }
    return found.id
  }

  /** `resolve` for the reference in `object[key]`; its path is only made for a report. */
  resolveKey(object: Readonly<Record<string, unknown>>, path: JsonPath, key: string, context: PytmReadContext): Id | null {
    const value = object[key]
    const found = typeof value === 'string' ? this.byName.get(value) : undefined
    return found !== undefined ? found.id : this.resolve(value, [...path, key], key, context)
  }

  /** Ids for a list of names (`data`, `carriedBy`, …); an absent list is empty. */
  resolveList(value: unknown, path: JsonPath, role: string, context: PytmReadContext): Id[] {
    if (value === undefined || value === null) return []
    if (!Array.isArray(value)) {
      context.error('pytm.reference.type', `${role} must be a list of ${this.kind} names`, path)
      return []
    }
    const ids: Id[] = []
    value.forEach((entry: unknown, index) => {
      const id = this.resolve(entry, [...path, index], role, context)
      if (id !== null && !ids.includes(id)) ids.push(id)
    })
    return ids
  }
}

function article(noun: string): string {
  return `${/^[aeiou]/.test(noun) ? 'an' : 'a'} ${noun}`
}
