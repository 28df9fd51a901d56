import { generatePytmFindings } from '../analysis/pytm/generate-findings'
import { parseThreatLibrary } from '../analysis/pytm/threat-library'
import type { Threat, ThreatModel } from '../model/model'
import { readPytm } from '../importers/pytm/read-pytm'
import { namesById, threatRow } from '../cli/commands/threat-rows'

/**
 * What `pytm.ours.ms` times, built by pytm-analysis.ts the way the app and the CLI are built: a pytm
 * JSON file read into the model, and the threat library evaluated on it. Returns the threats.
 */
export function analyse(bytes: Uint8Array, libraryText: string): { readonly model: ThreatModel; readonly threats: readonly Threat[] } {
  const model = readPytm({ bytes, fileName: 'synthetic.json' }).model
  if (model === null) throw new Error('the synthetic pytm model did not read')
  return { model, threats: generatePytmFindings(model, parseThreatLibrary(libraryText, 'threats.json')).threats }
}

/** The findings of one analysis as pytm names them, `SID target-name`, sorted: what the bench compares. */
export function findingKeys(bytes: Uint8Array, libraryText: string): string[] {
  const { model, threats } = analyse(bytes, libraryText)
  const names = namesById(model)
  // As `threatwright threats --json` prints them: ruleId is the SID, targetName the pytm element name.
  return threats
    .filter((threat) => threat.state.value !== 'notApplicable')
    .map((threat) => threatRow(threat, names, false))
    .map((row) => `${row.ruleId} ${row.targetName ?? '?'}`)
    .sort()
}
