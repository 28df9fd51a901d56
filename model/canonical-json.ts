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
  let out = '['
  for (let index = 0; index < items.length; index++) {
    out += `${index === 0 ? '\n' : ',\n'}${inner}${serialize(items[index], inner) ?? 'null'}`
  }
  return `${out}\n${indent}]`
}

// Strings are built by appending rather than joined from arrays of lines: a `threats --json` of 30,000
// rows or a large model spent most of its output time in those arrays and in sorting keys.
function serializeObject(object: object, indent: string): string {
  const inner = indent + INDENT
  const keys = sortedKeys(object)
  let out = ''
  for (const key of keys) {
    const text = serialize((object as Record<string, unknown>)[key], inner)
    if (text !== undefined) out += `${out === '' ? '{\n' : ',\n'}${inner}${quotedKey(key)}: ${text}`
  }
  return out === '' ? '{}' : `${out}\n${indent}}`
}

/** The keys in code-unit order; objects built with their keys in that order are not sorted again. */
function sortedKeys(object: object): string[] {
  const keys = Object.keys(object)
  for (let index = 1; index < keys.length; index++) {
    if ((keys[index - 1] as string) > (keys[index] as string)) return keys.sort()
  }
  return keys
}

/** A model has a few hundred distinct keys, each written thousands of times. */
const quotedKeys = new Map<string, string>()
const MOST_QUOTED_KEYS = 10_000

function quotedKey(key: string): string {
  let quoted = quotedKeys.get(key)
  if (quoted === undefined) {
    quoted = JSON.stringify(key)
    // Bounded: extension bags may hold any keys, and a long-lived app must not keep them all.
    if (quotedKeys.size < MOST_QUOTED_KEYS) quotedKeys.set(key, quoted)
  }
  return quoted
}
