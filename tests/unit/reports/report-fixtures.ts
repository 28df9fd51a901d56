import { readFileSync } from 'node:fs'
import { createHash } from 'node:crypto'
import { join } from 'node:path'
import type { ThreatModel } from '../../../model/model'
import { readModelFile } from '../../../importers/registry'
import { buildReport } from '../../../reports/build-report'
import { DEFAULT_REPORT_OPTIONS, type ReportOptions } from '../../../reports/report-options'
import type { Report } from '../../../reports/report-types'

export const repositoryRoot = join(__dirname, '..', '..', '..')
export const samplePath = join(repositoryRoot, 'samples', 'web-shop.twm')
export const hostilePath = join(repositoryRoot, 'tests', 'fixtures', 'reports', 'hostile-names.twm')

/** A day after the sample's accepted risk is due for review (2026-06-30), so it shows as overdue. */
export const GENERATED_AT = '2026-07-01T12:00:00.000Z'

export function loadFixture(path: string): { model: ThreatModel; bytes: Uint8Array; sha256: string } {
  const bytes = new Uint8Array(readFileSync(path))
  const read = readModelFile({ bytes, fileName: path })
  if (read.model === null) throw new Error(`fixture ${path} did not read: ${JSON.stringify(read.diagnostics)}`)
  return { model: read.model, bytes, sha256: createHash('sha256').update(bytes).digest('hex') }
}

export function reportOf(path: string, options: Partial<ReportOptions> = {}, generatedAt = GENERATED_AT): Report {
  const { model, sha256 } = loadFixture(path)
  return buildReport(model, { ...DEFAULT_REPORT_OPTIONS, ...options }, {
    modelFileName: path.split('/').pop() ?? path,
    modelSha256: sha256,
    generatedAt,
    generator: { name: 'Threatwright', version: '9.8.7' }
  })
}
