import { readFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import type { ReadResult } from '../../../importers/format'
import { readTm7 } from '../../../importers/tm7/read-tm7'
import type { ThreatModel } from '../../../model/model'
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
