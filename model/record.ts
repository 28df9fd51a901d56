/** A non-array object whose own properties can be read as fields. */
export function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * Reads only own properties: `record.constructor` on a plain object would otherwise find
 * `Object.prototype.constructor` and treat it as data.
 */
export function ownField(record: Readonly<Record<string, unknown>>, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined
}
