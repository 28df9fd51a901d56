/**
 * Typed messages about a file or a model (pandoc's log messages): nothing a reader drops or
 * approximates is silent. The UI lists them in the import report; the CLI prints them.
 */
export type Severity = 'error' | 'warning' | 'info'

/**
 * Where in a file or model a message applies. `path` is a JSON-style path into the model or the file
 * (`diagrams[0].elements[3].layout`), or an XML path for XML sources; `line`/`column` are 1-based
 * when the source is text and the parser knows them.
 */
export interface Location {
  readonly file?: string
  readonly path?: string
  readonly line?: number
  readonly column?: number
}

export interface Diagnostic {
  /** Stable machine code, e.g. `native.version.future`, `model.flow.dangling-source`. */
  readonly code: string
  readonly severity: Severity
  readonly message: string
  readonly location: Location
}

export function diagnostic(code: string, severity: Severity, message: string, location: Location = {}): Diagnostic {
  return { code, severity, message, location }
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((entry) => entry.severity === 'error')
}

/** "line 3, column 7", "line 3", or '' when the location has no line. */
export function lineAndColumn(location: Location): string {
  const { line, column } = location
  return line === undefined ? '' : `line ${line}${column !== undefined ? `, column ${column}` : ''}`
}

/** "file, place: message" — the one way a diagnostic is shown as text, in the CLI and in the app. */
export function formatDiagnostic(entry: Diagnostic): string {
  const { file, path } = entry.location
  const place = [
    file,
    lineAndColumn(entry.location),
    path
  ]
    .filter((part): part is string => part !== undefined && part !== '')
    .join(', ')
  return `${place ? `${place}: ` : ''}${entry.severity}: ${entry.message}`
}
