import { isRecord } from '../../model/record'

/**
 * Compact JSON with object keys sorted, so the same value always gives the same text, whichever code
 * built the object (a native file's canonical order, a reader's): an unedited entry is then written back
 * unchanged. (Integer-like keys still come first, as JavaScript orders them; that is deterministic too.)
 */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    isRecord(item) ? Object.fromEntries(Object.keys(item).sort().map((key) => [key, item[key]])) : item
  )
}
