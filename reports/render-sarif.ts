import type { RatedSeverity, Report, ThreatRow } from './report-types'
import { SEVERITY_LABELS, stateLabel } from './labels'
import { canonicalJson } from '../model/canonical-json'

export const SARIF_SCHEMA_URI = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json'

/**
 * SARIF level per severity: what a code-scanning page shows as error, warning or note. Unrated threats
 * are warnings, so an unrated open threat is never quieter than a rated medium one.
 */
export const SARIF_LEVELS: Readonly<Record<RatedSeverity, 'error' | 'warning' | 'note'>> = {
  critical: 'error',
  high: 'error',
  elevated: 'warning',
  medium: 'warning',
  unrated: 'warning',
  low: 'note',
  info: 'note'
}

/**
 * The open threats as SARIF 2.1.0, for code-scanning dashboards and CI: one result per listed threat that
 * is still open (not mitigated, not applicable, not accepted), one rule per threat type (definition id,
 * else the generating rule, else `manual/<category>`). Every result points at the model file, and its
 * logical locations name the element or flow (and the flow's ends) by id. The model file's SHA-256 is
 * given as the artifact's hash. Keys are sorted, so the output is deterministic.
 */
export function renderSarif(report: Report): string {
  const open = (report.details?.threats ?? []).filter((row) => row.isOpen)
  const rules = distinctRules(open)
  const uri = fileUri(report.source.modelFileName)
  return canonicalJson({
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: report.source.generator.name,
            version: report.source.generator.version,
            rules: rules.map(ruleObject)
          }
        },
        artifacts: [modelArtifact(report, uri)],
        invocations: [{ executionSuccessful: true, endTimeUtc: report.source.generatedAt }],
        results: open.map((row) => resultObject(row, rules, uri)),
        properties: { modelTitle: report.documentControl.title, documentId: report.documentControl.documentId }
      }
    ]
  })
}

/**
 * The model file as SARIF's artifact. `hashes` claims the file at `uri` has these bytes, so a model with
 * unsaved changes (no file holds it) gets its hash in the property bag instead, with what it covers.
 */
function modelArtifact(report: Report, uri: string): object {
  const { modelHash, modelSha256 } = report.source
  if (modelHash.kind === 'file') return { location: { uri }, hashes: { 'sha-256': modelSha256 } }
  return { location: { uri }, properties: { unsavedChanges: true, modelSha256, modelHashCovers: modelHash.description } }
}

function distinctRules(rows: readonly ThreatRow[]): readonly ThreatRow[] {
  const byId = new Map<string, ThreatRow>()
  for (const row of rows) if (!byId.has(row.ruleId)) byId.set(row.ruleId, row)
  return [...byId.values()].sort((left, right) => (left.ruleId < right.ruleId ? -1 : left.ruleId > right.ruleId ? 1 : 0))
}

function ruleObject(row: ThreatRow): object {
  return {
    id: row.ruleId,
    name: row.ruleTitle,
    shortDescription: { text: row.ruleTitle },
    fullDescription: { text: row.ruleDescription.trim() === '' ? row.ruleTitle : row.ruleDescription },
    help: { text: row.ruleMitigations.trim() === '' ? 'The model gives no general mitigation for this threat type.' : row.ruleMitigations },
    properties: { category: row.category, tags: ['security', 'threat-model', row.category], references: row.references }
  }
}

function resultObject(row: ThreatRow, rules: readonly ThreatRow[], uri: string): object {
  return {
    ruleId: row.ruleId,
    ruleIndex: rules.findIndex((rule) => rule.ruleId === row.ruleId),
    level: SARIF_LEVELS[row.severity],
    message: {
      text: `${row.title} (${row.target.text}): ${stateLabel(row.state)}, severity ${SEVERITY_LABELS[row.severity]}${row.owner === null ? ', no owner' : `, owner ${row.owner}`}.`
    },
    locations: [
      {
        physicalLocation: { artifactLocation: { uri, index: 0 } },
        logicalLocations: logicalLocations(row)
      }
    ],
    partialFingerprints: { 'threatwright/threatId': row.id },
    properties: {
      threatId: row.id,
      state: row.state,
      severity: row.severity,
      severitySource: row.severitySource,
      category: row.category,
      diagramId: row.diagramId,
      owner: row.owner,
      ticket: row.ticket,
      obsolete: row.obsolete
    }
  }
}

/** The target's ids: an element, a flow, or a flow then its source and target elements. */
function logicalLocations(row: ThreatRow): readonly object[] {
  const prefix = row.diagramId === null ? '' : `${row.diagramId}/`
  const kinds = row.target.kind === 'interaction' ? ['flow', 'element', 'element'] : [row.target.kind]
  return row.target.ids.map((id, index) => ({
    name: id,
    fullyQualifiedName: `${prefix}${id}`,
    kind: 'resource',
    properties: { modelKind: kinds[index] ?? row.target.kind }
  }))
}

/** A relative URI reference for the file name: forward slashes, each segment percent-encoded. */
function fileUri(fileName: string): string {
  return fileName.replace(/\\/g, '/').split('/').map(encodeURIComponent).join('/')
}
