import { diagnostic, type Diagnostic, type Severity } from '../../model/diagnostics'
import type { ThreatCatalog } from './kb-threat-catalog'
import type { TypeHierarchy } from './kb-type-hierarchy'

/** What every part of the .tm7 reader shares: the file name, the embedded KB and the diagnostics list. */
export interface ReadContext {
  readonly fileName: string
  readonly hierarchy: TypeHierarchy
  readonly catalog: ThreatCatalog
  readonly diagnostics: Diagnostic[]
}

/** Records a diagnostic located by an XML path such as `/ThreatModel/DrawingSurfaceList/DrawingSurfaceModel[1]`. */
export function report(context: ReadContext, code: string, severity: Severity, message: string, path: string): void {
  context.diagnostics.push(diagnostic(code, severity, message, { file: context.fileName, path }))
}

/** The number of a whole, non-negative TMT number (geometry is integers, tmt-format.md §1); null when not one. */
export function parseNumber(raw: string): number | null {
  const text = raw.trim()
  if (text === '') return null
  const value = Number(text)
  return Number.isFinite(value) ? value : null
}
