/**
 * Characters that make a spreadsheet treat a cell as a formula (OWASP "CSV injection"): `=`, `+`, `-`,
 * `@`, and tab and carriage return, which some importers strip before looking at the first character.
 * Their full-width forms are included because some spreadsheet versions normalise them to ASCII first.
 */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/

/**
 * One CSV field (RFC 4180): a cell that could run as a formula gets a leading single quote, the
 * spreadsheet convention for "this is text", which Jira and Azure DevOps import as part of the text;
 * then every field is quoted, with quotes doubled, so commas and line breaks inside a value are safe.
 */
export function csvCell(text: string): string {
  const neutral = FORMULA_START.test(text) ? `'${text}` : text
  return `"${neutral.replace(/"/g, '""')}"`
}

/** A CSV line of cells, CRLF-terminated as RFC 4180 says. */
export function csvLine(cells: readonly string[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`
}
