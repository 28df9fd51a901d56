import type { JsonPath } from './json-locator'
import type { PytmReadContext } from './pytm-read-context'

export interface ListedObject {
  readonly object: Readonly<Record<string, unknown>>
  readonly path: JsonPath
}

/**
 * The objects of a top-level list (`elements`, `findings`, …), each with its JSON path. A missing or null
 * list is empty; a list that is not one, or an entry that is not an object, is an error and is skipped.
 */
export function objectList(document: Readonly<Record<string, unknown>>, key: string, context: PytmReadContext): ListedObject[] {
  const list = document[key]
  if (list === undefined || list === null) return []
  if (!Array.isArray(list)) {
    context.error('pytm.structure', `"${key}" must be a list`, [key])
    return []
  }
  const objects: ListedObject[] = []
  list.forEach((entry: unknown, index) => {
    const path: JsonPath = [key, index]
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
      context.error('pytm.structure', `each entry of "${key}" must be an object`, path)
      return
    }
    objects.push({ object: entry as Readonly<Record<string, unknown>>, path })
  })
  return objects
}
