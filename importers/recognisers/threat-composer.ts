import type { ModelFormat } from '../format'
import { sniffJsonObject } from '../text/sniff-json'

/**
 * A Threat Composer export has a numeric `schema` and a `threats` list (threat-composer.md §1). Threat
 * and mitigation packs share that shape but say `"type": "threat-pack"`: they are libraries, not models.
 */
export function isThreatComposerText(text: string): boolean {
  const document = sniffJsonObject(text)
  if (document === null) return false
  const isPack = typeof document.type === 'string' && document.type.endsWith('-pack')
  return typeof document.schema === 'number' && Array.isArray(document.threats) && !isPack
}

/** Recognised only: the reader is still to come. */
export const threatComposerFormat: ModelFormat = {
  id: 'threatcomposer',
  label: 'AWS Threat Composer export',
  extensions: ['.tc.json'],
  detect: isThreatComposerText
}
