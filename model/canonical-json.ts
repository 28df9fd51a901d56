/**
 * Deterministic JSON text: object keys sorted by UTF-16 code unit at every depth, arrays in their own
 * order, 2-space indentation, LF line ends and a trailing newline. The same value always gives the same
 * bytes, so saved models diff and merge cleanly in git (STYLE.md, "versioned, written deterministically").
 *
 * Hand-written rather than `JSON.stringify` with a sorted copy: JavaScript objects iterate integer-like
 * keys ("2", "10") before all others whatever their insertion order, so a sorted copy would not stay sorted.
 * Values are treated as `JSON.stringify` treats them: `undefined` properties are left out, `undefined`
 * array items and non-finite numbers become `null`.
 */
export function canonicalJson(value: unknown): string {
  return `${serialize(value, '') ?? 'null'}\n`
}

const INDENT = '  '

function serialize(value: unknown, indent: string): string | undefined {
  if (value === null) return 'null'
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value)
    case 'number':
      return Number.isFinite(value) ? JSON.stringify(value) : 'null'
    case 'boolean':
      return value ? 'true' : 'false'
    case 'object':
      return Array.isArray(value) ? serializeArray(value, indent) : serializeObject(value as object, indent)
    default:
      // undefined, functions, symbols and bigints have no JSON form.
      return undefined
  }
}

function serializeArray(items: readonly unknown[], indent: string): string {
  if (items.length === 0) return '[]'
  const inner = indent + INDENT
  const lines = items.map((item) => `${inner}${serialize(item, inner) ?? 'null'}`)
  return `[\n${lines.join(',\n')}\n${indent}]`
}

function serializeObject(object: object, indent: string): string {
  const inner = indent + INDENT
  const lines: string[] = []
  for (const key of Object.keys(object).sort()) {
    const text = serialize((object as Record<string, unknown>)[key], inner)
    if (text !== undefined) lines.push(`${inner}${JSON.stringify(key)}: ${text}`)
  }
  return lines.length === 0 ? '{}' : `{\n${lines.join(',\n')}\n${indent}}`
}
