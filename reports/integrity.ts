import { sha256OfText } from './sha256'

/**
 * The report content hash (audit-report.md §Q). A report cannot contain the hash of its own final bytes,
 * so the HTML and Markdown writers mark the integrity section with these two comments and hash the rest:
 *
 *   content SHA-256 = SHA-256 of the file's UTF-8 bytes with everything from INTEGRITY_BEGIN through
 *   INTEGRITY_END (both markers included) removed.
 *
 * An auditor reproduces it with
 *   perl -0777 -pe 's/<!-- integrity:begin -->.*?<!-- integrity:end -->//s' report.html | sha256sum
 * Model text can never forge a marker: both writers escape `<` in everything taken from the model.
 */
export const INTEGRITY_BEGIN = '<!-- integrity:begin -->'
export const INTEGRITY_END = '<!-- integrity:end -->'

export const CONTENT_HASH_RULE =
  `SHA-256 of this file's UTF-8 bytes with everything from "${INTEGRITY_BEGIN}" through "${INTEGRITY_END}" (both markers included) removed; ` +
  'that is, of every byte of the report except this integrity section.'

export const CONTENT_HASH_COMMAND = `perl -0777 -pe 's/<!-- integrity:begin -->.*?<!-- integrity:end -->//s' REPORT | sha256sum`

/** Joins the parts around the integrity section, which is rendered knowing the hash of the rest. */
export function sealReport(head: string, tail: string, integritySection: (contentSha256: string) => string): string {
  const contentSha256 = sha256OfText(head + tail)
  return `${head}${INTEGRITY_BEGIN}${integritySection(contentSha256)}${INTEGRITY_END}${tail}`
}

/** The content hash of a sealed report, recomputed as an auditor would; null when it has no integrity section. */
export function contentSha256Of(report: string): string | null {
  const begin = report.indexOf(INTEGRITY_BEGIN)
  const end = report.indexOf(INTEGRITY_END, begin)
  if (begin < 0 || end < 0) return null
  return sha256OfText(report.slice(0, begin) + report.slice(end + INTEGRITY_END.length))
}
