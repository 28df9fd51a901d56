import type { Canonical, Classification } from '../../model/enums'
import { CLASSIFICATION } from '../../vocabularies/pytm/pytm-enums'

/**
 * pytm's data classification (UNKNOWN…TOP_SECRET, ordered) on the model's scale. pytm has six levels
 * and the model five, so SECRET and TOP_SECRET both mean strictly confidential; the raw member name
 * keeps the difference, and hasDataLeaks() compares raw members, never the model's value.
 */
const TO_MODEL: Readonly<Record<string, Classification | null>> = {
  UNKNOWN: null,
  PUBLIC: 'public',
  RESTRICTED: 'restricted',
  SENSITIVE: 'confidential',
  SECRET: 'strictlyConfidential',
  TOP_SECRET: 'strictlyConfidential'
}

/** For data classified in the app (no raw pytm member): the nearest pytm member, never a higher one. */
const FROM_MODEL: Readonly<Record<Classification, string>> = {
  public: 'PUBLIC',
  internal: 'RESTRICTED',
  restricted: 'RESTRICTED',
  confidential: 'SENSITIVE',
  strictlyConfidential: 'SECRET'
}

export function pytmClassification(member: string): Canonical<Classification> {
  return { value: TO_MODEL[member] ?? null, raw: member }
}

/** The pytm member a model classification stands for: its raw member when it has one. */
export function pytmClassificationMember(classification: Canonical<Classification> | null): string {
  if (classification === null) return 'UNKNOWN'
  const raw = classification.raw ?? ''
  if (CLASSIFICATION.members.some((member) => member.name === raw)) return raw
  return classification.value === null ? 'UNKNOWN' : FROM_MODEL[classification.value]
}
