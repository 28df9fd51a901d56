import type { ModelFormat } from '../format'
import { sniffJsonObject } from '../text/sniff-json'

/** Threat Dragon v1 and v2 both have `summary` and `detail.diagrams` (threat-dragon.md §1); only v2 has `version`. */
export function isThreatDragonText(text: string): boolean {
  const document = sniffJsonObject(text)
  if (document === null) return false
  const { summary, detail } = document
  return isObject(summary) && isObject(detail) && Array.isArray(detail.diagrams)
}

function isObject(value: unknown): value is { readonly [key: string]: unknown } {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * Recognised only. `.json` is also pytm's extension; pytm comes first in the registry, so an output
 * path ending in `.json` means pytm (formatForOutputPath).
 */
export const threatDragonFormat: ModelFormat = {
  id: 'threatdragon',
  label: 'OWASP Threat Dragon model',
  extensions: ['.json'],
  detect: isThreatDragonText
}
