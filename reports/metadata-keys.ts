import type { KeyValue } from '../model/model'

/**
 * The `metadata.custom` keys a report reads (matched without regard to case or surrounding spaces).
 * The model has no fields for document control or sign-off yet, so these keys carry them; a field the
 * model lacks is printed as "to be completed", never guessed. Documented in reports/CONTEXT.md.
 */
export const METADATA_KEYS = {
  documentId: 'Document ID',
  status: 'Document status',
  classification: 'Classification',
  distribution: 'Distribution',
  nextReview: 'Next review',
  acceptanceCriteria: 'Risk acceptance criteria',
  residualRiskConclusion: 'Residual risk conclusion'
} as const

/** `Sign-off: <role>` = `<name> | <date> | <meaning>`; `Change: <version>` = `<date> | <author> | <summary>`. */
export const SIGN_OFF_PREFIX = 'sign-off:'
export const CHANGE_PREFIX = 'change:'

export function customValue(custom: readonly KeyValue[], key: string): string | null {
  const wanted = normalizeKey(key)
  const found = custom.find((entry) => normalizeKey(entry.key) === wanted)
  return found === undefined ? null : nonEmpty(found.value)
}

/** Entries whose key starts with `prefix`, with the rest of the key (trimmed) and the value split on `|`. */
export function prefixedEntries(
  custom: readonly KeyValue[],
  prefix: string
): readonly { readonly name: string; readonly parts: readonly (string | null)[] }[] {
  return custom
    .filter((entry) => normalizeKey(entry.key).startsWith(prefix))
    .map((entry) => ({
      name: entry.key.trim().slice(prefix.length).trim(),
      parts: entry.value.split('|').map(nonEmpty)
    }))
}

export function nonEmpty(text: string | null | undefined): string | null {
  const trimmed = text?.trim() ?? ''
  return trimmed === '' ? null : trimmed
}

function normalizeKey(key: string): string {
  return key.trim().toLowerCase()
}
