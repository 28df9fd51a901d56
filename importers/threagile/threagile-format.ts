import type { ModelFormat } from '../format'
import { sniffYamlTopLevelKeys } from '../text/sniff-yaml-keys'
import { readThreagile } from './read-threagile'
import { writeThreagile } from './write-threagile'

/** Keys that, next to `technical_assets`, mark a whole model rather than one of its included parts. */
const MODEL_KEYS = ['data_assets', 'trust_boundaries', 'business_criticality', 'title']

/**
 * Threagile models normally start with `threagile_version`, but real files omit it (corpus juice-shop,
 * fork-automotive-model), so `technical_assets` plus another model-level key counts too. An included
 * part holding only `technical_assets` is not a model on its own and is not recognised.
 */
export function isThreagileText(text: string): boolean {
  const keys = sniffYamlTopLevelKeys(text)
  if (keys.has('threagile_version')) return true
  return keys.has('technical_assets') && MODEL_KEYS.some((key) => keys.has(key))
}

/**
 * The registry entry. Includes are read through the caller's `readSibling`; without one (browser mode) a
 * model with `includes` reports `threagile.include-unavailable` naming the include.
 */
export const threagileFormat: ModelFormat = {
  id: 'threagile',
  label: 'Threagile model',
  extensions: ['.yaml', '.yml'],
  detect: isThreagileText,
  read: (input) => readThreagile(input, input.readSibling ? { readInclude: input.readSibling } : undefined),
  write: writeThreagile
}
