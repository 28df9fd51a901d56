import { readFileSync } from 'node:fs'
import { relative, sep } from 'node:path'
import { readPytm } from '../../../importers/pytm/read-pytm'
import type { ReadResult } from '../../../importers/format'
import type { ThreatModel } from '../../../model/model'
import { corpusFiles, corpusRoot } from '../../corpus'

/** Every pytm model of the corpus (the threat library is not a model). */
export function pytmCorpusModels(): string[] {
  return corpusFiles('pytm', ['.json']).filter((path) => !corpusName(path).startsWith('pytm/threatlib/'))
}

export function pytmLibraryFiles(): string[] {
  return corpusFiles('pytm', ['.json']).filter((path) => corpusName(path).startsWith('pytm/threatlib/'))
}

export function corpusName(path: string): string {
  return relative(corpusRoot, path).split(sep).join('/')
}

export function readCorpusFile(path: string): ReadResult {
  return readPytm({ bytes: new Uint8Array(readFileSync(path)), fileName: corpusName(path) })
}

/** Reads a pytm document written inline in a test (hand-made, so its expectations are checked by hand). */
export function readInline(document: unknown, fileName = 'inline.json'): ReadResult {
  return readPytm({ bytes: new TextEncoder().encode(JSON.stringify(document, null, 2)), fileName })
}

export function requireModel(result: ReadResult): ThreatModel {
  if (result.model === null) throw new Error(`no model: ${JSON.stringify(result.diagnostics, null, 2)}`)
  return result.model
}

