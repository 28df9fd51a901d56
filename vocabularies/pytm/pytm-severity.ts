import { canonicalizer } from '../../model/canonical'
import type { Canonical, Severity } from '../../model/enums'

/**
 * pytm's severities (threats.json: Very High, High, Medium, Low, Very Low; `Element.severity` also knows
 * Critical and Info, pytm.md §2) on the model's scale, keeping pytm's order. "Very Low" shares `low`;
 * the raw spelling keeps the difference. The reader and the threat engine both use it.
 */
export const pytmSeverity: (raw: string) => Canonical<Severity> = canonicalizer<Severity>({
  info: ['Info', 'Informational'],
  low: ['Low', 'Very Low'],
  medium: ['Medium'],
  elevated: [],
  high: ['High'],
  critical: ['Very High', 'Critical']
})
