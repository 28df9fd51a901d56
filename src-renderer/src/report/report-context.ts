import type { ReportContext } from '../../../reports/report-types'

/**
 * What a report made in the window says it hashed. Unsaved changes exist in no file, so the report must
 * not offer `sha256sum` as a check: it names the bytes main hashed instead (issue 9).
 */
export const UNSAVED_MODEL_HASH_DESCRIPTION =
  'SHA-256 of the model in the app serialised as a Threatwright .twm file: the bytes File ▸ Save would write now. ' +
  'No file on disk holds it yet.'

/**
 * The model hash for a report, always computed by main with node:crypto over bytes it read or wrote:
 * - `file`: the open document is unmodified, and this is the hash of the bytes main read or last wrote for it;
 * - `unsaved`: it has unsaved changes or was never saved, and this is the hash of what Save would write now.
 */
export type ReportModelHash = { readonly kind: 'file' | 'unsaved'; readonly sha256: string }

/** The context the reports layer needs (reports/report-types.ts); `now` is the report's only clock. */
export function inAppReportContext(
  modelFileName: string,
  hash: ReportModelHash,
  generatorVersion: string,
  now: Date = new Date()
): ReportContext {
  return {
    modelFileName,
    modelSha256: hash.sha256,
    modelHash: hash.kind === 'file' ? { kind: 'file' } : { kind: 'unsaved', description: UNSAVED_MODEL_HASH_DESCRIPTION },
    generatedAt: now.toISOString(),
    generator: { name: 'Threatwright', version: generatorVersion }
  }
}
