import { generatePytmFindings } from '../analysis/pytm/generate-findings'
import { parseThreatLibrary } from '../analysis/pytm/threat-library'
import { readPytm } from '../importers/pytm/read-pytm'

/**
 * What `pytm.ours.ms` times, built by pytm-analysis.ts the way the app and the CLI are built: a pytm
 * JSON file read into the model, and the threat library evaluated on it. Returns the threat count.
 */
export function analyse(bytes: Uint8Array, libraryText: string): number {
  const model = readPytm({ bytes, fileName: 'synthetic.json' }).model
  if (model === null) throw new Error('the synthetic pytm model did not read')
  return generatePytmFindings(model, parseThreatLibrary(libraryText, 'threats.json')).threats.length
}
