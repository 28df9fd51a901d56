import { diagnostic, type Diagnostic, type Severity } from '../../model/diagnostics'
import { formatJsonPath, locateJsonValue, type JsonPath } from './json-locator'
import { PropertyLists } from './property-lists'

/**
 * What the pytm reader's parts share: the file name and text (for located messages) and the diagnostics
 * list. Every message names the file, the JSON path and, where the value exists, its line and column.
 */
export class PytmReadContext {
  readonly diagnostics: Diagnostic[] = []
  /** Items' property lists, shared where their values are the same. */
  readonly propertyLists = new PropertyLists()

  constructor(
    readonly file: string,
    private readonly text: string
  ) {}

  report(severity: Severity, code: string, message: string, path: JsonPath): void {
    const place = locateJsonValue(this.text, path)
    const location = { file: this.file, path: formatJsonPath(path), ...(place ?? {}) }
    this.diagnostics.push(diagnostic(code, severity, message, location))
  }

  error(code: string, message: string, path: JsonPath): void {
    this.report('error', code, message, path)
  }

  warning(code: string, message: string, path: JsonPath): void {
    this.report('warning', code, message, path)
  }
}
