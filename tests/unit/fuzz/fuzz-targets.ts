/**
 * What the fuzzer reads: one target per reader, each with real seed files (globbed from ../shared/corpus
 * through tests/corpus.ts at run time, never copied) and the mutations that make sense for its syntax.
 * The native format has no corpus of its own, so its seeds are corpus models converted by our own writer,
 * plus the shipped sample.
 */
import { readFileSync, statSync } from 'node:fs'
import { basename, dirname, join, resolve, sep } from 'node:path'
import fc from 'fast-check'
import { dump, load } from 'js-yaml'
import type { ReadInput } from '../../../importers/format'
import { detectFormat, readModelFile, writeModel } from '../../../importers/registry'
import { corpusFiles } from '../../corpus'
import { applyByteMutation, byteMutation, type ByteMutation } from './byte-mutations'
import { applyTextMutation, jsonTextMutation, yamlTextMutation, type TextMutation } from './text-mutations'
import { applyTreeMutation, treeMutation, type TreeMutation } from './tree-mutations'
import { applyXmlMutation, xmlMutation, type XmlMutation } from './xml-mutations'

export type Syntax = 'json' | 'yaml' | 'xml'
export type TargetId = 'native' | 'tm7' | 'tb7' | 'threagile' | 'pytm'
export const TARGET_IDS: readonly TargetId[] = ['native', 'tm7', 'tb7', 'threagile', 'pytm']

export interface Seed {
  readonly name: string
  readonly bytes: Uint8Array
  /** Threagile `includes` resolve against the seed's own folder, confined to it as the app does. */
  readonly readSibling?: ReadInput['readSibling']
}

export interface FuzzTarget {
  readonly id: TargetId
  readonly syntax: Syntax
  /** Also read through the template table (.tb7), not only readModelFile. */
  readonly template: boolean
  readonly seeds: readonly Seed[]
}

/** One fuzz case: which seed, then tree mutations, then text-level ones, then raw bytes. */
export interface FuzzCase {
  readonly seed: number
  readonly tree: readonly TreeMutation[]
  readonly text: readonly (TextMutation | XmlMutation)[]
  readonly bytes: readonly ByteMutation[]
}

function siblingReader(file: string): ReadInput['readSibling'] {
  const folder = dirname(file)
  return (relativePath) => {
    const path = resolve(folder, relativePath)
    if (!path.startsWith(folder + sep)) return null
    try {
      return new Uint8Array(readFileSync(path))
    } catch {
      return null
    }
  }
}

function seedsFrom(paths: readonly string[], maxBytes: number): Seed[] {
  return paths
    .filter((path) => statSync(path).size <= maxBytes)
    .map((path) => ({ name: basename(path), bytes: new Uint8Array(readFileSync(path)), readSibling: siblingReader(path) }))
}

function nativeSeeds(maxBytes: number): Seed[] {
  const repoRoot = resolve(__dirname, '..', '..', '..')
  const sources = [...seedsFrom(corpusFiles('pytm', ['.json']), maxBytes), ...seedsFrom(corpusFiles('threagile', ['.yaml', '.yml']), maxBytes).slice(0, 12)]
  const converted: Seed[] = []
  for (const source of sources) {
    const model = readModelFile({ bytes: source.bytes, fileName: source.name, readSibling: source.readSibling }).model
    if (model === null) continue
    const written = writeModel(model, 'native')
    if (written.bytes.length > 0) converted.push({ name: `${source.name}.twm`, bytes: written.bytes })
  }
  const sample = join(repoRoot, 'samples', 'web-shop.twm')
  return [{ name: 'web-shop.twm', bytes: new Uint8Array(readFileSync(sample)) }, ...converted]
}

/**
 * The targets, with seeds up to `maxSeedBytes` each (the default keeps `npm test` fast; `npm run fuzz`
 * raises it to every corpus file under 5 MB).
 */
export function fuzzTarget(id: TargetId, maxSeedBytes: number): FuzzTarget {
  const make = (syntax: Syntax, candidates: Seed[], template = false): FuzzTarget => {
    // Only files detected as this format: include fragments and pytm's threat library are not models.
    const seeds = candidates.filter((seed) => detectFormat(seed.bytes)?.id === id)
    if (seeds.length === 0) throw new Error(`no ${id} seed under ${maxSeedBytes} bytes in the corpus`)
    return { id, syntax, template, seeds }
  }
  switch (id) {
    case 'native':
      return make('json', nativeSeeds(maxSeedBytes))
    case 'tm7':
      return make('xml', seedsFrom(corpusFiles('tm7', ['.tm7']), maxSeedBytes))
    case 'tb7':
      return make('xml', seedsFrom(corpusFiles('tb7', ['.tb7']), maxSeedBytes), true)
    case 'threagile':
      return make('yaml', seedsFrom(corpusFiles('threagile', ['.yaml', '.yml']), maxSeedBytes))
    case 'pytm':
      return make('json', seedsFrom(corpusFiles('pytm', ['.json']), maxSeedBytes))
  }
}

/** `arbitrary` once in `oneIn` cases, else an empty list. */
function sometimes<T>(arbitrary: fc.Arbitrary<T[]>, oneIn: number): fc.Arbitrary<T[]> {
  return fc.oneof({ weight: oneIn - 1, arbitrary: fc.constant<T[]>([]) }, { weight: 1, arbitrary })
}

export function fuzzCase(target: FuzzTarget): fc.Arbitrary<FuzzCase> {
  const textMutation: fc.Arbitrary<TextMutation | XmlMutation> =
    target.syntax === 'xml' ? xmlMutation : target.syntax === 'yaml' ? yamlTextMutation : jsonTextMutation
  return fc
    .record({
      seed: fc.nat({ max: target.seeds.length - 1 }),
      // Byte and text damage mostly stops a file at the parser; keeping them rarer lets most cases reach
      // the mapping code, where the structure-aware mutations find the interesting bugs.
      tree: target.syntax === 'xml' ? fc.constant([]) : fc.array(treeMutation, { maxLength: 3 }),
      text: sometimes(fc.array(textMutation, { minLength: 1, maxLength: 2 }), target.syntax === 'xml' ? 1 : 3),
      bytes: sometimes(fc.array(byteMutation, { minLength: 1, maxLength: 2 }), 4)
    })
    .filter((entry) => entry.tree.length + entry.text.length + entry.bytes.length > 0)
}

/** Parsed afresh for every case, because tree mutations work in place. */
function parseSeed(syntax: Syntax, text: string): unknown {
  try {
    return syntax === 'json' ? JSON.parse(text) : syntax === 'yaml' ? load(text) : undefined
  } catch {
    // A seed that does not parse (the corpus keeps broken files on purpose) gets text mutations only.
    return undefined
  }
}

// flowLevel: block style indents each level, so 2,000 nested levels would cost megabytes of spaces.
function serialise(tree: unknown, syntax: Syntax, fallback: string): string {
  try {
    return syntax === 'json' ? JSON.stringify(tree, null, 2) : dump(tree, { lineWidth: -1, flowLevel: 40 })
  } catch {
    // The serialiser itself gave up (e.g. a stack overflow on deep nesting): keep the unmutated text.
    return fallback
  }
}

/** The bytes a case describes; deterministic, so a failing case can be replayed and saved as a fixture. */
export function mutatedBytes(target: FuzzTarget, entry: FuzzCase): { seed: Seed; bytes: Uint8Array } {
  const seed = target.seeds[entry.seed] as Seed
  let text = new TextDecoder().decode(seed.bytes)
  if (entry.tree.length > 0) {
    let tree = parseSeed(target.syntax, text)
    if (tree !== undefined) {
      for (const mutation of entry.tree) tree = applyTreeMutation(tree, mutation)
      text = serialise(tree, target.syntax, text)
    }
  }
  for (const mutation of entry.text) {
    text = mutation.kind === 'xml' ? applyXmlMutation(text, mutation) : applyTextMutation(text, mutation)
  }
  let bytes = entry.tree.length + entry.text.length > 0 ? new TextEncoder().encode(text) : seed.bytes
  for (const mutation of entry.bytes) bytes = applyByteMutation(bytes, mutation)
  return { seed, bytes }
}
