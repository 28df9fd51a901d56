import { formatDiagnostic, type Diagnostic } from '../model/diagnostics'
import type { ThreatModel } from '../model/model'
import { nonEmpty } from './metadata-keys'
import type { OpenQuestions, ThreatRow } from './report-types'

/**
 * Section O: what is unresolved. Notes as written; model issues an auditor would raise (threats still
 * under investigation, targets that are gone, decisions without a justification, accepted risks without
 * a review date, assets without a classification); and the messages from reading the file.
 */
export function buildOpenQuestions(
  model: ThreatModel,
  threats: readonly ThreatRow[],
  diagnostics: readonly Diagnostic[]
): OpenQuestions {
  const issues: { subject: string; issue: string }[] = []
  for (const row of threats) {
    const subject = `Threat ${row.id}`
    if (row.state === 'needsInvestigation') issues.push({ subject, issue: 'needs investigation' })
    if (row.obsolete) issues.push({ subject, issue: 'its target no longer exists as it was when the threat was recorded' })
    const decided = row.state === 'mitigated' || row.state === 'notApplicable' || row.state === 'accepted'
    if (decided && row.justification.trim() === '') issues.push({ subject, issue: `${row.state} without a justification` })
    if (row.state === 'accepted' && row.reviewDate === null) issues.push({ subject, issue: 'accepted without a review or expiry date' })
  }
  for (const asset of model.dataAssets) {
    if (asset.classification === null) issues.push({ subject: `Data asset ${asset.id}`, issue: 'has no classification' })
  }
  return {
    notes: model.notes.map((note) => ({ id: note.id, text: note.text, author: nonEmpty(note.author), createdAt: note.createdAt })),
    modelIssues: issues,
    diagnostics: diagnostics.map((entry) => ({ severity: entry.severity, code: entry.code, text: formatDiagnostic(entry) }))
  }
}
