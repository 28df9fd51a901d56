import type { Canonical } from './enums'

/**
 * Builds a normaliser from an alias table. Matching ignores case, spaces, dashes and underscores,
 * because the same word arrives as `Information Disclosure`, `information-disclosure` and
 * `INFORMATION_DISCLOSURE`. Unknown spellings keep their raw text with a null value.
 */
export function canonicalizer<Value extends string>(
  aliases: Readonly<Record<Value, readonly string[]>>
): (raw: string) => Canonical<Value> {
  const lookup = new Map<string, Value>()
  for (const value of Object.keys(aliases) as Value[]) {
    lookup.set(foldSpelling(value), value)
    for (const alias of aliases[value]) lookup.set(foldSpelling(alias), value)
  }
  return (raw) => ({ value: lookup.get(foldSpelling(raw)) ?? null, raw })
}

/** A value made in the app: canonical, with no source spelling to preserve. */
export function canonical<Value extends string>(value: Value): Canonical<Value> {
  return { value, raw: null }
}

function foldSpelling(text: string): string {
  return text.trim().toLowerCase().replace(/[\s_-]+/g, '')
}
