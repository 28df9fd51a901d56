import type { Report } from './report-types'
import { sha256OfText } from './sha256'
import { canonicalJson } from '../model/canonical-json'

/** Identifies the JSON shape documented in reports/CONTEXT.md; bumped on any breaking change. */
export const REPORT_JSON_SCHEMA = 'threatwright-report'
export const REPORT_JSON_SCHEMA_VERSION = 1

export const JSON_CONTENT_HASH_RULE =
  'SHA-256 of the UTF-8 bytes of this document without its top-level "integrity" key, written with keys sorted by ' +
  'UTF-16 code unit at every depth, two-space indentation, ": " after keys, LF line ends and one trailing newline.'

/**
 * The report as machine-readable JSON: the report model (report-types.ts) with sorted keys, without the
 * drawings' geometry (the model file holds it), plus `schema`, `schemaVersion` and an integrity block.
 */
export function renderJson(report: Report): string {
  const body = {
    schema: REPORT_JSON_SCHEMA,
    schemaVersion: REPORT_JSON_SCHEMA_VERSION,
    ...report,
    details:
      report.details === null
        ? null
        : { ...report.details, diagrams: report.details.diagrams.map(({ drawing: _drawing, ...diagram }) => diagram) }
  }
  const contentSha256 = sha256OfText(canonicalJson(body))
  return canonicalJson({
    ...body,
    integrity: {
      contentHashRule: JSON_CONTENT_HASH_RULE,
      contentSha256,
      modelFileName: report.source.modelFileName,
      // `{ kind: 'file' }`, or `{ kind: 'unsaved', description }`: then no file on disk has modelSha256.
      modelHash: report.source.modelHash,
      modelSha256: report.source.modelSha256
    }
  })
}
