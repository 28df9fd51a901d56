import { createHash } from 'node:crypto'
import { basename } from 'node:path'
import { formatDiagnostic, type Diagnostic } from '../../model/diagnostics'
import type { ThreatModel } from '../../model/model'
import { readModelFile } from '../../importers/registry'
import { reportError, type CliIo } from '../cli-io'
import { readInputFile } from '../file-access'

export type ReportInput =
  | {
      readonly kind: 'loaded'
      readonly model: ThreatModel
      readonly fileName: string
      /** SHA-256 of exactly the bytes that were parsed, so the hash in the report names this model. */
      readonly sha256: string
      readonly diagnostics: readonly Diagnostic[]
    }
  | { readonly kind: 'failed' }

/**
 * Reads the model file once, hashes those bytes and parses the same bytes (reading twice could hash one
 * version and report another if the file changes in between). Failures are printed like load-model.ts.
 */
export async function readReportInput(path: string, io: CliIo): Promise<ReportInput> {
  const file = await readInputFile(path)
  if (file.kind === 'failed') {
    reportError(io, `cannot read ${path}: ${file.reason}`)
    return { kind: 'failed' }
  }
  const result = readModelFile({ bytes: file.bytes, fileName: path })
  if (result.model === null) {
    for (const entry of result.diagnostics) io.stderr(`${formatDiagnostic(entry)}\n`)
    if (result.diagnostics.length === 0) reportError(io, `cannot read ${path}: no model in the file`)
    return { kind: 'failed' }
  }
  return {
    kind: 'loaded',
    model: result.model,
    fileName: basename(path),
    sha256: createHash('sha256').update(file.bytes).digest('hex'),
    diagnostics: result.diagnostics
  }
}

/**
 * The report's clock: now, or SOURCE_DATE_EPOCH (seconds, the reproducible-builds convention) when set,
 * so a pipeline can regenerate a byte-identical report to compare with an archived one.
 */
export function reportTimestamp(env: NodeJS.ProcessEnv, now: () => Date = () => new Date()): string {
  const epoch = env.SOURCE_DATE_EPOCH
  if (epoch !== undefined && /^\d+$/.test(epoch.trim())) return new Date(Number(epoch.trim()) * 1000).toISOString()
  return now().toISOString()
}
