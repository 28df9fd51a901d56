import { basename } from 'node:path'
import type { Diagnostic } from '../../model/diagnostics'
import type { ThreatModel } from '../../model/model'
import type { ModelThreats } from '../model-threats'
import { sha256Hex } from '../../node-io/sha256'

export interface ReportInput {
  readonly model: ThreatModel
  readonly fileName: string
  /** SHA-256 of exactly the bytes that were parsed, so the hash in the report names this model. */
  readonly sha256: string
  /** Messages from reading the model and from the engine that generated its threats, if one ran. */
  readonly diagnostics: readonly Diagnostic[]
}

/**
 * The report's input from the evaluated model. The file was read once and those same bytes parsed and
 * hashed (reading twice could hash one version and report another if the file changes in between).
 */
export function reportInput(path: string, threats: Extract<ModelThreats, { kind: 'ready' }>): ReportInput {
  return {
    model: threats.model,
    fileName: basename(path),
    sha256: sha256Hex(threats.loaded.bytes),
    diagnostics: [...threats.loaded.diagnostics, ...threats.engineDiagnostics]
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
