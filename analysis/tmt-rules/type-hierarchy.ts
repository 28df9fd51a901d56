import type { Template } from '../../model/template'

/** The id TMT gives the top of every type hierarchy; `X is 'ROOT'` never matches (tmt-rules.md §3). */
export const ROOT_TYPE_ID = 'ROOT'

/**
 * For each type id, the type itself and all its ancestors through ParentId, excluding ROOT. Ids the
 * template does not define are their own only ancestry, so a model element with an unknown type still
 * matches rules naming its exact id. Cycles in a broken template stop at the first repeat.
 */
export function typeAncestry(template: Template): (typeId: string) => ReadonlySet<string> {
  const parentOf = new Map(template.elementTypes.map((type) => [type.id, type.parentId]))
  const cache = new Map<string, ReadonlySet<string>>()
  return (typeId) => {
    const cached = cache.get(typeId)
    if (cached) return cached
    const ancestry = new Set<string>()
    let current: string | undefined = typeId
    while (current !== undefined && current !== ROOT_TYPE_ID && !ancestry.has(current)) {
      ancestry.add(current)
      current = parentOf.get(current)
    }
    cache.set(typeId, ancestry)
    return ancestry
  }
}
