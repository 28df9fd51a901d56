const LONGEST_QUOTED_STRING = 40

/**
 * Names a value the way a reviewer reads it in a diagnostic: `the string "x"`, `the number NaN`,
 * `an array`. Long strings are cut so one bad field cannot flood the import report.
 */
export function describeValue(value: unknown): string {
  if (value === null) return 'null'
  if (value === undefined) return 'nothing'
  if (Array.isArray(value)) return 'an array'
  switch (typeof value) {
    case 'string':
      return `the string ${JSON.stringify(shorten(value))}`
    case 'number':
      return `the number ${String(value)}`
    case 'boolean':
      return `the boolean ${String(value)}`
    case 'object':
      return 'an object'
    case 'bigint':
      return `the bigint ${String(value)}`
    default:
      return `a ${typeof value}`
  }
}

function shorten(text: string): string {
  return text.length > LONGEST_QUOTED_STRING ? `${text.slice(0, LONGEST_QUOTED_STRING)}…` : text
}
