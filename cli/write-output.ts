import { formatDiagnostic, hasErrors } from '../model/diagnostics'
import type { ThreatModel } from '../model/model'
import type { ModelFormat } from '../importers/format'
import { writeModel } from '../importers/registry'
import { writeFileAtomic } from '../node-io/atomic-write'
import { reportError, type CliIo } from './cli-io'
import { describeFileError } from './file-access'

/**
 * Writes a model in `format` to `outputPath`: bytes first (a writer error leaves the file untouched), then
 * an atomic replace with the previous version kept as `.bak`. Lossy-export warnings and write errors name
 * the output file, which the writer does not know. Shared by every command that writes a model.
 */
export async function writeModelFile(model: ThreatModel, format: ModelFormat, outputPath: string, io: CliIo): Promise<{ ok: boolean; backupPath: string | null }> {
  const written = writeModel(model, format.id)
  for (const entry of written.diagnostics) {
    io.stderr(`${formatDiagnostic({ ...entry, location: { file: outputPath, ...entry.location } })}\n`)
  }
  if (hasErrors(written.diagnostics)) return { ok: false, backupPath: null }
  try {
    const result = await writeFileAtomic(outputPath, written.bytes, { backup: true })
    return { ok: true, backupPath: result.backupPath }
  } catch (error) {
    reportError(io, `cannot write ${outputPath}: ${describeFileError(error)}`)
    return { ok: false, backupPath: null }
  }
}
