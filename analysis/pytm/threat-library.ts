import { diagnostic, type Diagnostic, type Location } from '../../model/diagnostics'
import { compileCondition, type ConditionPredicate } from './compile-condition'
import { ConditionSyntaxError } from './condition-tokens'
import { isPytmClassName } from '../../vocabularies/pytm/pytm-classes'

/** One entry of a pytm threat library (threats.json, pytm.md §5), with its compiled condition. */
export interface PytmThreat {
  readonly sid: string
  /** pytm class names; an item matches through its class or any ancestor (isinstance). */
  readonly targets: readonly string[]
  /** The threat's title. */
  readonly description: string
  readonly details: string
  readonly likelihood: string
  readonly severity: string
  readonly prerequisites: string
  readonly mitigations: string
  readonly example: string
  readonly references: string
  readonly condition: string
  /** A STRIDE field, for libraries that add one; pytm's own has none (pytm.md §5). */
  readonly stride: string
  /** Null when the threat is disabled: its condition does not parse, or it names no known class. */
  readonly applies: ConditionPredicate | null
}

export interface PytmThreatLibrary {
  readonly threats: readonly PytmThreat[]
  readonly diagnostics: readonly Diagnostic[]
}

const TEXT_FIELDS = {
  description: 'description',
  details: 'details',
  likelihood: 'Likelihood Of Attack',
  severity: 'severity',
  prerequisites: 'prerequisites',
  mitigations: 'mitigations',
  example: 'example',
  references: 'references'
} as const

/**
 * Reads a threat library from the text the caller gives (the library is data, not code). Every condition
 * is compiled up front; one that does not parse disables its threat with a diagnostic naming the SID,
 * and the others still run. Entries marked DEPRECATED are skipped, as pytm's loader does.
 */
export function parseThreatLibrary(text: string, fileName: string): PytmThreatLibrary {
  const diagnostics: Diagnostic[] = []
  const report = (severity: Diagnostic['severity'], code: string, message: string, location: Omit<Location, 'file'>): void => {
    diagnostics.push(diagnostic(code, severity, message, { file: fileName, ...location }))
  }
  let entries: unknown
  try {
    entries = JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    const offset = /position (\d+)/.exec(message)?.[1]
    report('error', 'pytm.library.json', `the threat library is not valid JSON: ${message}`, offset === undefined ? {} : lineColumn(text, Number(offset)))
    return { threats: [], diagnostics }
  }
  if (!Array.isArray(entries)) {
    report('error', 'pytm.library.structure', 'a pytm threat library is a JSON list of threats', {})
    return { threats: [], diagnostics }
  }
  const threats: PytmThreat[] = []
  const seen = new Set<string>()
  entries.forEach((entry: unknown, index) => {
    const path = `[${index}]`
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
      report('error', 'pytm.library.structure', 'each threat must be an object', { path })
      return
    }
    const record = entry as Readonly<Record<string, unknown>>
    const sid = typeof record.SID === 'string' ? record.SID.trim() : ''
    if (sid === '') {
      report('error', 'pytm.library.sid', 'this threat has no SID', { path })
      return
    }
    if ('DEPRECATED' in record) {
      report('info', 'pytm.library.deprecated', `${sid} is marked deprecated and is skipped, as pytm does`, { path })
      return
    }
    if (seen.has(sid)) {
      report('warning', 'pytm.library.duplicate', `${sid} appears twice; the second is skipped`, { path })
      return
    }
    seen.add(sid)
    threats.push(readThreat(sid, record, path, report))
  })
  return { threats, diagnostics }
}

type Report = (severity: Diagnostic['severity'], code: string, message: string, location: Omit<Location, 'file'>) => void

function readThreat(sid: string, record: Readonly<Record<string, unknown>>, path: string, report: Report): PytmThreat {
  const text = (key: string): string => (typeof record[key] === 'string' ? (record[key] as string) : '')
  const rawTargets = Array.isArray(record.target) ? record.target : [record.target]
  const targets = rawTargets.filter((target): target is string => typeof target === 'string')
  const unknown = targets.filter((target) => !isPytmClassName(target))
  if (unknown.length > 0) {
    report('warning', 'pytm.library.target', `${sid} targets ${unknown.join(', ')}, which pytm does not have`, { path: `${path}.target` })
  }
  const known = targets.filter(isPytmClassName)
  const condition = typeof record.condition === 'string' ? record.condition : 'True'
  let applies: ConditionPredicate | null = null
  if (known.length === 0) {
    report('warning', 'pytm.library.target', `${sid} is disabled: it targets no pytm class`, { path: `${path}.target` })
  } else {
    try {
      applies = compileCondition(condition)
    } catch (error) {
      if (!(error instanceof ConditionSyntaxError)) throw error
      report(
        'warning',
        'pytm.library.condition',
        `${sid} is disabled: its condition does not parse at column ${error.column}: ${error.message}`,
        { path: `${path}.condition` }
      )
    }
  }
  return {
    sid,
    targets: known,
    description: text(TEXT_FIELDS.description),
    details: text(TEXT_FIELDS.details),
    likelihood: text(TEXT_FIELDS.likelihood),
    severity: text(TEXT_FIELDS.severity),
    prerequisites: text(TEXT_FIELDS.prerequisites),
    mitigations: text(TEXT_FIELDS.mitigations),
    example: text(TEXT_FIELDS.example),
    references: text(TEXT_FIELDS.references),
    condition,
    stride: text('STRIDE') || text('stride'),
    applies
  }
}

function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset)
  const lines = before.split('\n')
  return { line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1 }
}
