import { formatDiagnostic, type Diagnostic } from '../model/diagnostics'
import type { ThreatModel } from '../model/model'
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { readModelFile } from '../importers/registry'
import { reportError, type CliIo } from './cli-io'
import { readInputFile } from './file-access'

export type LoadedModel =
  | {
      readonly kind: 'loaded'
      readonly model: ThreatModel
      readonly formatId: string
      /** Exactly the bytes that were parsed (the report hashes these, so its hash names this model). */
      readonly bytes: Uint8Array
      /** Warnings and notes from reading; the caller decides where they belong. */
      readonly diagnostics: readonly Diagnostic[]
    }
  | { readonly kind: 'failed' }

/**
 * Reads a model file by content. On failure the reasons are already on stderr, each naming the file and,
 * where known, the line and column or the model path; the caller only has to exit with the input code.
 */
export async function loadModel(path: string, io: CliIo): Promise<LoadedModel> {
  const file = await readInputFile(path)
  if (file.kind === 'failed') {
    reportError(io, `cannot read ${path}: ${file.reason}`)
    return { kind: 'failed' }
  }
  return modelFromBytes(path, file.bytes, io)
}

/** loadModel for bytes the caller has read already (once: the file may change between two reads). */
export function modelFromBytes(path: string, bytes: Uint8Array, io: CliIo): LoadedModel {
  const result = readModelFile({ bytes, fileName: path, readSibling: siblingReader(path) })
  if (result.model === null || result.formatId === null) {
    for (const entry of result.diagnostics) io.stderr(`${formatDiagnostic(entry)}\n`)
    if (result.diagnostics.length === 0) reportError(io, `cannot read ${path}: no model in the file`)
    return { kind: 'failed' }
  }
  return { kind: 'loaded', model: result.model, formatId: result.formatId, bytes, diagnostics: result.diagnostics }
}

/**
 * Reads files next to the model for formats that include others (Threagile). Synchronous because readers
 * are synchronous pure functions; this is the CLI, not the app's main process, so blocking is harmless.
 */
function siblingReader(modelPath: string): (relativePath: string) => Uint8Array | null {
  return (relativePath) => {
    try {
      return new Uint8Array(readFileSync(join(dirname(modelPath), relativePath)))
    } catch {
      return null
    }
  }
}
