import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { load } from 'js-yaml'
import { corpusFiles, corpusRoot } from '../../corpus'
import type { ReadInput } from '../../../importers/format'
import { readThreagile } from '../../../importers/threagile/read-threagile'
import type { ReadResult } from '../../../importers/format'

/** A corpus YAML file as the reader is given it: bytes, a name relative to the corpus, and an include reader for its folder. */
export interface CorpusModel {
  readonly path: string
  /** `folder/file.yaml`, as diagnostics name it. */
  readonly name: string
  readonly folder: string
  readonly input: ReadInput
  readonly readInclude: (relativePath: string) => Uint8Array | null
}

/**
 * Files Threagile v1 itself rejects, with the reason (threagile-schema.md §10 and the corpus SOURCES.md
 * validity column, both checked by hand against the files).
 */
export const REJECTED_BY_THREAGILE: Readonly<Record<string, string>> = {
  'invalid-yaml-syntax/threagile.yaml': 'threagile.yaml-syntax',
  'pt-br-exemplo/exemplo.yml': 'threagile.reference',
  'fork-automotive-model/automotive-model.yaml': 'threagile.enum',
  'edge-partial-no-assets/test.yaml': 'threagile.missing'
}

export function corpusModel(path: string): CorpusModel {
  const folder = dirname(path)
  return {
    path,
    name: `${basename(folder)}/${basename(path)}`,
    folder: basename(folder),
    input: { bytes: readFileSync(path), fileName: `${basename(folder)}/${basename(path)}` },
    readInclude: (relativePath) => (existsSync(join(folder, relativePath)) ? readFileSync(join(folder, relativePath)) : null)
  }
}

export function readCorpusModel(model: CorpusModel): ReadResult {
  return readThreagile(model.input, { readInclude: model.readInclude })
}

/**
 * Every Threagile YAML in the corpus that is a model, not a part another file includes: a file named in a
 * sibling's `includes` list is a part (official-test-includes holds 18 of them).
 */
export function corpusModelFiles(): string[] {
  const all = corpusFiles('threagile', ['.yaml', '.yml'])
  const included = new Set<string>()
  for (const path of all) {
    let value: unknown
    try {
      value = load(readFileSync(path, 'utf8'))
    } catch {
      continue
    }
    const includes = typeof value === 'object' && value !== null && 'includes' in value ? (value as { includes: unknown }).includes : []
    if (Array.isArray(includes)) for (const entry of includes) included.add(join(dirname(path), String(entry)))
  }
  return all.filter((path) => !included.has(path))
}

/** Folders holding Threagile's own outputs (risks.json next to the model): the oracle. */
export function oracleFolders(): string[] {
  return corpusFiles('threagile', ['risks.json']).map((path) => dirname(path))
}

export function modelFileIn(folder: string): string {
  const name = readdirSync(folder).find((entry) => /\.ya?ml$/i.test(entry))
  if (name === undefined) throw new Error(`no model file in ${folder}`)
  return join(folder, name)
}

export { corpusRoot }
