import { canonicalJson } from '../../../model/canonical-json'
import { diagnostic } from '../../../model/diagnostics'
import type { ThreatModel } from '../../../model/model'
import type { ReportContext } from '../../../reports/report-types'

/**
 * Why the model hash in a report made by the window is not the file's: the renderer never holds the
 * file's bytes (main reads them), so it hashes the model as the app serialises it (canonical JSON, the
 * `model` member of a native file). The report lists this note, so nobody compares it with `sha256sum`.
 */
export const IN_APP_HASH_NOTE =
  'Model SHA-256 is over the model as the app serialises it (canonical JSON), not over the bytes of the file on disk; ' +
  'for a hash of the file use the CLI `threatwright report`.'

export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text))
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('')
}

/** The context the reports layer needs (reports/report-types.ts); `now` is the report's only clock. */
export async function inAppReportContext(
  model: ThreatModel,
  modelFileName: string,
  generatorVersion: string,
  now: Date = new Date()
): Promise<ReportContext> {
  return {
    modelFileName,
    modelSha256: await sha256Hex(canonicalJson(model)),
    generatedAt: now.toISOString(),
    generator: { name: 'Threatwright', version: generatorVersion },
    diagnostics: [diagnostic('report.in-app-hash', 'info', IN_APP_HASH_NOTE, { file: modelFileName })]
  }
}
