import { canonical } from '../canonical'
import type { Canonical, Priority, Severity, ThreatState, TriageField } from '../enums'
import type { DiagramId, ThreatId } from '../ids'
import type { Mitigation, Threat, ThreatModel, ThreatTarget, TriageRecord } from '../model'
import { targetText } from '../threat-target'

/**
 * Pure triage edits (STYLE.md, "Commands as data"): model in, model out, for `store.edit(label, change)`.
 * Every change appends one TriageRecord per changed field per threat to `model.triageHistory`, stamped
 * with who and when the caller says: no clock inside, so the same call always gives the same model.
 */

/** Who makes a change and when (ISO 8601); the app passes the reviewer's name and `new Date().toISOString()`. */
export interface TriageAuthor {
  readonly by: string
  readonly at: string
}

export type TriageResult =
  | { readonly kind: 'edited'; readonly model: ThreatModel }
  | { readonly kind: 'refused'; readonly reason: string; readonly threatIds: readonly ThreatId[] }

/**
 * A decision that closes or waives a threat must say why (TMT's Justification; audit-report.md §J:
 * "mandatory for not-applicable / false-positive / accepted"). Mitigated needs it too: an auditor asks how.
 */
export const STATES_NEEDING_JUSTIFICATION: readonly ThreatState[] = ['notApplicable', 'mitigated', 'accepted']

export function needsJustification(state: ThreatState | null): boolean {
  return state !== null && STATES_NEEDING_JUSTIFICATION.includes(state)
}

/** The triage fields an edit may set; absent fields stay as they are. */
export interface TriagePatch {
  readonly state?: ThreatState
  readonly priority?: Priority | null
  readonly severity?: Severity | null
  readonly justification?: string
  readonly mitigations?: readonly Mitigation[]
  readonly owner?: string
  readonly ticket?: string
  /** ISO 8601 date, or null. */
  readonly reviewDate?: string | null
}

/**
 * Applies one patch to every listed threat, as one model (so one undo step however many threats: bulk
 * edit). Refuses the whole edit, changing nothing, when any threat would end in a state needing a
 * justification without one. Threats whose fields already hold the patch's values record nothing; when
 * nothing changes at all the same model comes back, which the store records as no step.
 */
export function editThreats(
  model: ThreatModel,
  threatIds: readonly ThreatId[],
  patch: TriagePatch,
  author: TriageAuthor
): TriageResult {
  const wanted = new Set<string>(threatIds)
  const missingReason: ThreatId[] = []
  const records: TriageRecord[] = []
  const threats = model.threats.map((threat) => {
    if (!wanted.has(threat.id)) return threat
    const next = applyPatch(threat, patch)
    if (needsJustification(next.state.value) && next.justification.trim() === '') missingReason.push(threat.id)
    const changes = changedFields(threat, next, author)
    if (changes.length === 0) return threat
    records.push(...changes)
    return { ...next, changedBy: author.by, changedAt: author.at }
  })
  if (missingReason.length > 0) {
    const state = patch.state ?? 'this state'
    return {
      kind: 'refused',
      reason: `a justification is required for ${stateLabel(state)} (${missingReason.length} threat${missingReason.length === 1 ? '' : 's'} without one)`,
      threatIds: missingReason
    }
  }
  if (records.length === 0) return { kind: 'edited', model }
  return { kind: 'edited', model: { ...model, threats, triageHistory: [...model.triageHistory, ...records] } }
}

/** Sets a state, with the justification it may need, on one or many threats. */
export function setThreatState(
  model: ThreatModel,
  threatIds: readonly ThreatId[],
  state: ThreatState,
  author: TriageAuthor,
  justification?: string
): TriageResult {
  return editThreats(model, threatIds, justification === undefined ? { state } : { state, justification }, author)
}

/** Appends a threat the reviewer wrote (on an element, a flow or an interaction). */
export function addUserThreat(model: ThreatModel, threat: Threat, author: TriageAuthor): ThreatModel {
  const stamped: Threat = { ...threat, changedBy: author.by, changedAt: author.at }
  const record = historyRecord(threat.id, 'created', null, targetText(threat.target), author)
  return { ...model, threats: [...model.threats, stamped], triageHistory: [...model.triageHistory, record] }
}

/**
 * Copies a threat onto another target under a new id, next to the original. The copy is the reviewer's
 * (origin `user`) and starts untriaged: a decision about one target is not evidence about another
 * (Threat Dragon #716 asks for copy/move). Description, category, priority, severity and mitigations go along.
 */
export function copyThreat(
  model: ThreatModel,
  threatId: ThreatId,
  destination: { readonly target: ThreatTarget; readonly diagramId: DiagramId | null; readonly newId: ThreatId },
  author: TriageAuthor
): ThreatModel {
  const original = model.threats.find((threat) => threat.id === threatId)
  if (original === undefined || model.threats.some((threat) => threat.id === destination.newId)) return model
  const copy: Threat = {
    ...original,
    id: destination.newId,
    target: destination.target,
    diagramId: destination.diagramId,
    origin: { kind: 'user' },
    state: canonical('notStarted'),
    justification: '',
    owner: '',
    ticket: '',
    reviewDate: null,
    changedBy: author.by,
    changedAt: author.at
  }
  const index = model.threats.indexOf(original)
  const threats = [...model.threats.slice(0, index + 1), copy, ...model.threats.slice(index + 1)]
  const record = historyRecord(copy.id, 'copied', threatId, targetText(destination.target), author)
  return { ...model, threats, triageHistory: [...model.triageHistory, record] }
}

/**
 * Moves a threat, with its triage, to another target. A moved generated threat becomes the reviewer's
 * (origin `user`): its rule no longer produced it there, so regeneration must not treat it as that rule's.
 */
export function moveThreat(
  model: ThreatModel,
  threatId: ThreatId,
  destination: { readonly target: ThreatTarget; readonly diagramId: DiagramId | null },
  author: TriageAuthor
): ThreatModel {
  const original = model.threats.find((threat) => threat.id === threatId)
  if (original === undefined) return model
  const from = targetText(original.target)
  const to = targetText(destination.target)
  if (from === to && original.diagramId === destination.diagramId) return model
  const moved: Threat = {
    ...original,
    target: destination.target,
    diagramId: destination.diagramId,
    origin: { kind: 'user' },
    changedBy: author.by,
    changedAt: author.at
  }
  const threats = model.threats.map((threat) => (threat === original ? moved : threat))
  return { ...model, threats, triageHistory: [...model.triageHistory, historyRecord(threatId, 'moved', from, to, author)] }
}

function applyPatch(threat: Threat, patch: TriagePatch): Threat {
  return {
    ...threat,
    state: patch.state === undefined ? threat.state : keepSpelling(threat.state, patch.state),
    priority: patch.priority === undefined ? threat.priority : nullableCanonical(threat.priority, patch.priority),
    severity: patch.severity === undefined ? threat.severity : nullableCanonical(threat.severity, patch.severity),
    justification: patch.justification ?? threat.justification,
    mitigations: patch.mitigations ?? threat.mitigations,
    owner: patch.owner ?? threat.owner,
    ticket: patch.ticket ?? threat.ticket,
    reviewDate: patch.reviewDate === undefined ? threat.reviewDate : patch.reviewDate
  }
}

/** An unchanged value keeps its source spelling (a .tm7 re-export stays byte-faithful); a new one has none. */
function keepSpelling<Value extends string>(current: Canonical<Value>, value: Value): Canonical<Value> {
  return current.value === value ? current : canonical(value)
}

function nullableCanonical<Value extends string>(current: Canonical<Value> | null, value: Value | null): Canonical<Value> | null {
  if (value === null) return null
  return current === null ? canonical(value) : keepSpelling(current, value)
}

function changedFields(before: Threat, after: Threat, author: TriageAuthor): TriageRecord[] {
  const pairs: [TriageField, string | null, string | null][] = [
    ['state', canonicalText(before.state), canonicalText(after.state)],
    ['priority', canonicalText(before.priority), canonicalText(after.priority)],
    ['severity', canonicalText(before.severity), canonicalText(after.severity)],
    ['justification', before.justification, after.justification],
    ['mitigations', mitigationsText(before.mitigations), mitigationsText(after.mitigations)],
    ['owner', before.owner, after.owner],
    ['ticket', before.ticket, after.ticket],
    ['reviewDate', before.reviewDate, after.reviewDate]
  ]
  return pairs
    .filter(([, from, to]) => from !== to)
    .map(([field, from, to]) => historyRecord(before.id, field, from, to, author))
}

function historyRecord(threatId: ThreatId, field: TriageField, from: string | null, to: string | null, author: TriageAuthor): TriageRecord {
  return { threatId, field, from, to, by: author.by, at: author.at }
}

function canonicalText(value: Canonical<string> | null): string | null {
  if (value === null) return null
  return value.value ?? value.raw
}

/** One line per mitigation, "description [status]", so the history reads as text and compares exactly. */
function mitigationsText(mitigations: readonly Mitigation[]): string | null {
  if (mitigations.length === 0) return null
  return mitigations.map((mitigation) => `${mitigation.description} [${mitigation.status}]`).join('\n')
}

const STATE_LABELS: Readonly<Record<ThreatState, string>> = {
  notStarted: 'Not Started',
  needsInvestigation: 'Needs Investigation',
  notApplicable: 'Not Applicable',
  mitigated: 'Mitigated',
  accepted: 'Accepted'
}

export function stateLabel(state: ThreatState | string): string {
  return (STATE_LABELS as Readonly<Record<string, string>>)[state] ?? state
}
