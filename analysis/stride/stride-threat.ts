import { asId, type DiagramId, type ThreatId } from '../../model/ids'
import type { StrideCategory } from '../../model/enums'
import { untriagedThreat } from '../../model/factory'
import type { Threat, ThreatTarget } from '../../model/model'
import type { ThreatText } from '../../model/methodology'

/** A generated methodology threat: not started, no triage, traceable to its table, row and category. */
export function strideThreat(fields: {
  key: string
  engine: string
  ruleId: string
  category: StrideCategory
  text: ThreatText
  target: ThreatTarget
  diagramId: DiagramId
  against: string
}): Threat {
  return untriagedThreat({
    id: asId<ThreatId>(fields.key),
    definitionId: null,
    title: fields.text.title,
    description: fields.text.description,
    category: { value: fields.category, raw: null },
    target: fields.target,
    diagramId: fields.diagramId,
    origin: { kind: 'generated', engine: fields.engine, ruleId: fields.ruleId },
    // Which element the threat is against, separately from the interaction that produced it
    // (stride-per-interaction.md §4): the book's table is organised by the former.
    extensions: { stride: { against: fields.against } }
  })
}
