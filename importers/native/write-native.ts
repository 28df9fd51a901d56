import type { ThreatModel } from '../../model/model'
import type { WriteResult } from '../format'
import { canonicalJson } from '../../model/canonical-json'
import { CURRENT_NATIVE_FORMAT_VERSION } from './migrations'
import { NATIVE_FORMAT_MARKER } from './native-marker'

const encoder = new TextEncoder()

/**
 * The model as a native `.twm` file: UTF-8 canonical JSON (model/canonical-json.ts), so the same model always
 * gives the same bytes. The native format holds everything the model holds, so it reports no losses.
 */
export function writeNative(model: ThreatModel): WriteResult {
  const document = { format: NATIVE_FORMAT_MARKER, formatVersion: CURRENT_NATIVE_FORMAT_VERSION, model }
  return { bytes: encoder.encode(canonicalJson(document)), diagnostics: [] }
}
