import { readFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import type { ReadResult } from '../../../importers/format'
import { readTm7 } from '../../../importers/tm7/read-tm7'
import type { Canonical } from '../../../model/enums'
import type { Threat, ThreatModel } from '../../../model/model'
import { corpusRoot } from '../../corpus'

export const tm7Path = (name: string): string => join(corpusRoot, 'tm7', name)

export function readCorpusTm7(pathOrName: string): ReadResult {
  const path = pathOrName.includes('/') ? pathOrName : tm7Path(pathOrName)
  return readTm7({ bytes: new Uint8Array(readFileSync(path)), fileName: basename(path) })
}

export function corpusModel(name: string): ThreatModel {
  const { model, diagnostics } = readCorpusTm7(name)
  if (model === null) throw new Error(`${name} did not read: ${JSON.stringify(diagnostics)}`)
  return model
}

export const bytesOf = (text: string): Uint8Array => new TextEncoder().encode(text)
export const textOf = (bytes: Uint8Array): string => new TextDecoder().decode(bytes)

/** The canonical value, else the spelling; TMT writes "no category" as an empty string. */
const meaningOf = <Value extends string>(value: Canonical<Value> | null): Value | string | null => (value === null ? null : (value.value ?? (value.raw || null)))

/**
 * A threat as a reviewer sees it: canonical values rather than their spellings (a .tm7 spells a value
 * made in the app TMT's way: `High`, `Mitigated`), and other formats' bags without the tm7 one.
 */
export function threatMeaning(threat: Threat): Record<string, unknown> {
  const { tm7: _entry, ...otherBags } = threat.extensions
  return {
    ...threat,
    category: meaningOf(threat.category),
    state: meaningOf(threat.state),
    priority: meaningOf(threat.priority),
    severity: meaningOf(threat.severity),
    likelihood: meaningOf(threat.likelihood),
    impact: meaningOf(threat.impact),
    extensions: otherBags
  }
}
