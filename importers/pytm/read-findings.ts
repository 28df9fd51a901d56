import { FINDING_THREAT_FIELDS } from '../../vocabularies/pytm/finding-threat'
import type { JsonPath } from './json-locator'
import { objectList } from './object-list'
import type { PytmReadContext } from './pytm-read-context'
import { excludedSids, stringField, type RawAssumption } from './read-common-fields'

/** The text fields of a pytm `Finding` (pytm.md §3 rule 7) that a threat keeps; the condition goes into its bag. */
export const FINDING_TEXT_FIELDS = [...FINDING_THREAT_FIELDS, 'condition'] as const
export type FindingTextField = (typeof FINDING_TEXT_FIELDS)[number]

export interface ReadFinding {
  readonly sid: string
  readonly targetName: string
  readonly text: Readonly<Record<FindingTextField, string>>
  /** pytm's running number; not an identity (renumbered on every run) but kept for cross-reference. */
  readonly findingId: string
  /** For `excluded_findings`: the assumption that excluded it (the dump keeps its `exclude` here only). */
  readonly excludedBy: RawAssumption | null
  readonly path: JsonPath
}

/** The dump's `findings` and `excluded_findings`; the loader shape has neither. */
export function readFindings(
  document: Readonly<Record<string, unknown>>,
  key: 'findings' | 'excluded_findings',
  context: PytmReadContext
): ReadFinding[] {
  const findings: ReadFinding[] = []
  for (const { object, path } of objectList(document, key, context)) {
    const sid = stringField(object, 'threat_id', path, context)
    const targetName = stringField(object, 'target', path, context)
    if (sid === '' || targetName === '') {
      context.error('pytm.finding', 'a finding must name its threat ("threat_id") and its target ("target")', path)
      continue
    }
    const text = Object.fromEntries(
      FINDING_TEXT_FIELDS.map((field) => [field, stringField(object, field, path, context)])
    ) as Record<FindingTextField, string>
    findings.push({
      sid,
      targetName,
      text,
      findingId: typeof object.id === 'string' || typeof object.id === 'number' ? String(object.id) : '',
      excludedBy: excludingAssumption(object.assumption, [...path, 'assumption'], targetName, context),
      path
    })
  }
  return findings
}

function excludingAssumption(
  value: unknown,
  path: JsonPath,
  targetName: string,
  context: PytmReadContext
): RawAssumption | null {
  if (typeof value !== 'object' || value === null) return null
  const object = value as Readonly<Record<string, unknown>>
  if (typeof object.name !== 'string') return null
  return {
    name: object.name,
    exclude: excludedSids(object.exclude, [...path, 'exclude'], context),
    description: stringField(object, 'description', path, context),
    itemName: targetName
  }
}
