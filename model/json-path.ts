/**
 * JSON-style paths for diagnostics (`diagrams[0].elements[3].layout.width`), the form
 * `Location.path` promises. The root is the empty string.
 */
const PLAIN_KEY = /^[A-Za-z_$][\w$]*$/

export function fieldPath(parent: string, key: string): string {
  return appendSegment(parent, fieldSegment(key))
}

/**
 * `.key`, or `["key"]` for keys that would not read back as one segment (extension bags hold any key).
 * Schemas compute their segments once, because paths are built for every field of every entity.
 */
export function fieldSegment(key: string): string {
  return PLAIN_KEY.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`
}

export function appendSegment(parent: string, segment: string): string {
  return parent === '' && segment.startsWith('.') ? segment.slice(1) : parent + segment
}

export function indexPath(parent: string, index: number): string {
  return `${parent}[${index}]`
}
