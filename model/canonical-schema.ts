import type { Canonical, ThreatCategory } from './enums'
import { enumOf, nullable, string, type Schema } from './schema'
import { object } from './schema-object'

/** A canonical enum: `value` one of `members` or null (no canonical meaning), `raw` the source spelling. */
export function canonicalOf<Value extends string>(members: readonly Value[]): Schema<Canonical<Value>> {
  return object<Canonical<Value>>({ value: nullable(enumOf(members)), raw: nullable(string()) })
}

/** Threat categories are open (enums.ts), so any string is a valid value. */
export const threatCategorySchema = object<Canonical<ThreatCategory>>({
  value: nullable(string()),
  raw: nullable(string())
})
