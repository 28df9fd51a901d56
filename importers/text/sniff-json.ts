/**
 * The top-level JSON object of a text, for content sniffing, or null when the text is not a JSON object.
 * Several recognisers look at the same text one after another, so the last answer is remembered: a
 * large file is parsed once per detection, not once per format.
 */
export type JsonObjectSniff = { readonly [key: string]: unknown }

let lastText: string | null = null
let lastObject: JsonObjectSniff | null = null

export function sniffJsonObject(text: string): JsonObjectSniff | null {
  if (text === lastText) return lastObject
  lastText = text
  lastObject = parseObject(text)
  return lastObject
}

/** Cheap pre-check so YAML, XML and binary never reach JSON.parse. */
export function looksLikeJson(text: string): boolean {
  const first = /\S/.exec(text)?.[0]
  return first === '{' || first === '['
}

function parseObject(text: string): JsonObjectSniff | null {
  if (!looksLikeJson(text)) return null
  try {
    const value: unknown = JSON.parse(text)
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonObjectSniff) : null
  } catch {
    return null
  }
}
