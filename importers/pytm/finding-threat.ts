import type { DiagramId } from '../../model/ids'
import type { Threat, ThreatTarget } from '../../model/model'
import { pytmFindingThreat } from '../../vocabularies/pytm/finding-threat'
import type { ReadFinding } from './read-findings'

/**
 * A dump's finding as a model threat (vocabularies/pytm/finding-threat.ts). pytm has no STRIDE field
 * (pytm.md §5), so the category is left open; the finding id and condition are kept for cross-reference.
 */
export function threatFromFinding(
  finding: ReadFinding,
  target: ThreatTarget,
  targetId: string,
  diagramId: DiagramId
): Threat {
  const { text, excludedBy } = finding
  return pytmFindingThreat({
    sid: finding.sid,
    fields: text,
    category: { value: null, raw: null },
    target,
    targetId,
    diagramId,
    excludedBy: excludedBy?.name ?? null,
    bag: { condition: text.condition, findingId: finding.findingId }
  })
}
