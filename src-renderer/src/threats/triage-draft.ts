import type { Priority, Severity, ThreatState } from '../../../model/enums'
import type { TriagePatch } from '../../../model/edits/threat-edits'
import type { Mitigation, Threat } from '../../../model/model'

/** The details form's editable values, as the inputs hold them (strings; '' for none). */
export interface TriageDraft {
  state: string
  priority: string
  severity: string
  justification: string
  /** One mitigation per line. */
  mitigations: string
  owner: string
  ticket: string
  reviewDate: string
}

export function draftOf(threat: Threat): TriageDraft {
  return {
    state: threat.state.value ?? '',
    priority: threat.priority?.value ?? '',
    severity: threat.severity?.value ?? '',
    justification: threat.justification,
    mitigations: threat.mitigations.map((mitigation) => mitigation.description).join('\n'),
    owner: threat.owner,
    ticket: threat.ticket,
    reviewDate: threat.reviewDate ?? ''
  }
}

/**
 * Only what the reviewer changed, so untouched fields keep their source spelling and record no history.
 * A mitigation line kept as it was keeps its status; a new line starts as "proposed".
 */
export function patchFromDraft(threat: Threat, draft: TriageDraft): TriagePatch {
  const before = draftOf(threat)
  const patch: { -readonly [Key in keyof TriagePatch]: TriagePatch[Key] } = {}
  if (draft.state !== before.state && draft.state !== '') patch.state = draft.state as ThreatState
  if (draft.priority !== before.priority) patch.priority = draft.priority === '' ? null : (draft.priority as Priority)
  if (draft.severity !== before.severity) patch.severity = draft.severity === '' ? null : (draft.severity as Severity)
  if (draft.justification !== before.justification) patch.justification = draft.justification
  if (draft.mitigations !== before.mitigations) patch.mitigations = mitigationsFrom(threat.mitigations, draft.mitigations)
  if (draft.owner !== before.owner) patch.owner = draft.owner.trim()
  if (draft.ticket !== before.ticket) patch.ticket = draft.ticket.trim()
  if (draft.reviewDate !== before.reviewDate) patch.reviewDate = draft.reviewDate === '' ? null : draft.reviewDate
  return patch
}

function mitigationsFrom(existing: readonly Mitigation[], text: string): readonly Mitigation[] {
  const statusOf = new Map(existing.map((mitigation) => [mitigation.description, mitigation.status]))
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((description) => ({ description, status: statusOf.get(description) ?? 'proposed' }))
}
