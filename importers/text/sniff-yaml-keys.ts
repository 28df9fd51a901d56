/**
 * The top-level mapping keys of a YAML text, found line by line without parsing, so that a file with a
 * YAML syntax error further down is still recognised (and its reader can say where the error is).
 * A top-level key is a `key:` at the very start of a line. JSON and XML texts give an empty set.
 */
export function sniffYamlTopLevelKeys(text: string): ReadonlySet<string> {
  const keys = new Set<string>()
  const first = /\S/.exec(text)?.[0]
  if (first === undefined || first === '{' || first === '[' || first === '<') return keys
  for (const match of text.matchAll(/^\uFEFF?["']?([A-Za-z_][\w-]*)["']?[ \t]*:(?:[ \t\r]|$)/gm)) {
    if (match[1] !== undefined) keys.add(match[1])
  }
  return keys
}
