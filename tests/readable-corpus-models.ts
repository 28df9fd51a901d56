import { readFileSync } from 'node:fs'
import { basename } from 'node:path'
import { readModelFile } from '../importers/registry'
import type { ThreatModel } from '../model/model'
import { corpusFiles } from './corpus'
import { corpusName, pytmCorpusModels } from './unit/pytm/pytm-test-files'
import { corpusModel, corpusModelFiles, readCorpusModel, REJECTED_BY_THREAGILE } from './unit/threagile/threagile-corpus'

export interface ReadableCorpusModel {
  /** Relative to the corpus: `tm7/autocert.tm7`. */
  readonly name: string
  readonly model: ThreatModel
}

/**
 * Every corpus model of a format Threatwright reads that is meant to read: every .tm7; every Threagile model
 * (read with its includes) except include parts and the files Threagile itself rejects (REJECTED_BY_THREAGILE,
 * each with its reason); every pytm model (not the threat library). A file in this list that does not read
 * throws here, so tests over these models never skip one silently.
 */
export function readableCorpusModels(): ReadableCorpusModel[] {
  const read = (name: string, model: ThreatModel | null, messages: () => string): ReadableCorpusModel => {
    if (model === null) throw new Error(`${name} should read: ${messages()}`)
    return { name, model }
  }
  const tm7 = corpusFiles('tm7', ['.tm7']).map((path) => {
    const result = readModelFile({ bytes: new Uint8Array(readFileSync(path)), fileName: basename(path) })
    return read(corpusName(path), result.model, () => result.diagnostics.map((entry) => entry.message).join('; '))
  })
  const threagile = corpusModelFiles()
    .map(corpusModel)
    .filter((model) => REJECTED_BY_THREAGILE[model.name] === undefined)
    .map((model) => {
      const result = readCorpusModel(model)
      return read(corpusName(model.path), result.model, () => result.diagnostics.map((entry) => entry.message).join('; '))
    })
  const pytm = pytmCorpusModels().map((path) => {
    const result = readModelFile({ bytes: new Uint8Array(readFileSync(path)), fileName: basename(path) })
    return read(corpusName(path), result.model, () => result.diagnostics.map((entry) => entry.message).join('; '))
  })
  return [...tm7, ...threagile, ...pytm]
}
