import type { ThreatModel } from '../model/model'
import { CHANGE_PREFIX, customValue, METADATA_KEYS, nonEmpty, prefixedEntries, SIGN_OFF_PREFIX } from './metadata-keys'
import type { ChangeEntry, DocumentControl, ReportContext, SignOff, Signer } from './report-types'

export function buildDocumentControl(model: ThreatModel, context: ReportContext): DocumentControl {
  const { metadata } = model
  const template = model.template
  return {
    title: nonEmpty(metadata.title) ?? 'Untitled threat model',
    // The model id is stable across saves, so it is a fair document id when none is stated.
    documentId: customValue(metadata.custom, METADATA_KEYS.documentId) ?? model.id,
    modelVersion: nonEmpty(metadata.version),
    status: customValue(metadata.custom, METADATA_KEYS.status),
    classification: customValue(metadata.custom, METADATA_KEYS.classification),
    owner: nonEmpty(metadata.owner),
    createdAt: metadata.createdAt,
    modifiedAt: metadata.modifiedAt,
    generatedAt: context.generatedAt,
    distribution: customValue(metadata.custom, METADATA_KEYS.distribution),
    template: template === null ? null : `${template.name} (${template.id}) version ${template.version}`
  }
}

/**
 * The change history the model can vouch for: entries it states (`Change: <version>` keys), plus what its
 * timestamps show (created, each threat's last triage change, last modified). The model keeps no full
 * edit log, so derived entries are marked as such and only the latest change per threat is known.
 */
export function buildChangeHistory(model: ThreatModel): readonly ChangeEntry[] {
  const stated: ChangeEntry[] = prefixedEntries(model.metadata.custom, CHANGE_PREFIX).map(({ name, parts }) => ({
    date: parts[0] ?? null,
    author: parts[1] ?? null,
    summary: [name === '' ? null : `Version ${name}`, parts[2] ?? null].filter((part) => part !== null).join(': '),
    origin: 'metadata'
  }))
  const derived: ChangeEntry[] = []
  if (model.metadata.createdAt !== null) {
    derived.push({ date: model.metadata.createdAt, author: nonEmpty(model.metadata.owner), summary: 'Model created', origin: 'derived' })
  }
  for (const threat of model.threats) {
    if (threat.changedAt === null) continue
    derived.push({
      date: threat.changedAt,
      author: nonEmpty(threat.changedBy),
      summary: `Threat ${threat.id} triaged: ${threat.state.value ?? threat.state.raw ?? 'unknown state'}`,
      origin: 'derived'
    })
  }
  if (model.metadata.modifiedAt !== null) {
    derived.push({ date: model.metadata.modifiedAt, author: null, summary: 'Model last modified', origin: 'derived' })
  }
  // Stable sort by date: entries without a date first, ties keep stated-then-derived order.
  return [...stated, ...derived].sort((left, right) => compareDates(left.date, right.date))
}

/**
 * Who signs and what the signature means. Stated `Sign-off: <role>` keys win; without them, the owner
 * (risk owner) and each reviewer get a row with the date left to be completed, because a report must
 * never claim a sign-off that did not happen.
 */
export function buildSignOff(model: ThreatModel): SignOff {
  const stated: Signer[] = prefixedEntries(model.metadata.custom, SIGN_OFF_PREFIX).map(({ name, parts }) => ({
    role: name === '' ? 'Signer' : name,
    name: parts[0] ?? null,
    date: parts[1] ?? null,
    meaning: parts[2] ?? 'Approved'
  }))
  const signers: Signer[] =
    stated.length > 0
      ? stated
      : [
          {
            role: 'Risk owner',
            name: nonEmpty(model.metadata.owner),
            date: null,
            meaning: 'Approves the treatment plan and accepts the residual risk'
          },
          ...model.metadata.reviewers.map((reviewer) => ({
            role: 'Reviewer',
            name: nonEmpty(reviewer),
            date: null,
            meaning: 'Reviewed the model and confirms it is correct and understood'
          }))
        ]
  return { signers, nextReview: customValue(model.metadata.custom, METADATA_KEYS.nextReview) }
}

function compareDates(left: string | null, right: string | null): number {
  if (left === right) return 0
  if (left === null) return -1
  if (right === null) return 1
  return left < right ? -1 : 1
}
