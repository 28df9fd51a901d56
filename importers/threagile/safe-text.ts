/**
 * String(value) for values from a YAML file, which never throws. String() calls a mapping's own
 * `toString`/`valueOf` keys, and YAML data can set those to text or numbers (`id: { toString: x }`),
 * which makes String() throw "Cannot convert object to primitive value" (found by fuzzing,
 * tests/fixtures/fuzz/threagile-id-mapping-with-tostring-key.yaml). Such a value reads as "[object Object]",
 * as any other mapping does.
 */
export function safeText(value: unknown): string {
  try {
    return String(value)
  } catch {
    return Object.prototype.toString.call(value)
  }
}
