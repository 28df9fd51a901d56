import { readFileSync } from 'node:fs'
import { basename, relative, sep } from 'node:path'
import { describe, expect, it } from 'vitest'
import { detectFormat, readModelFile } from '../../../importers/registry'
import { corpusFiles, corpusRoot } from '../../corpus'
import { sampleBytes } from './native-test-files'

/**
 * Content detection against every file of the shared corpus. Which files are models was decided by
 * reading each folder's SOURCES.md, not by running the detectors: the exceptions below are files that are
 * not models (Threagile outputs and include fragments, libraries, templates, deliberate negatives).
 */
const detectedId = (path: string): string | null => detectFormat(new Uint8Array(readFileSync(path)))?.id ?? null
const name = (path: string): string => relative(corpusRoot, path).split(sep).join('/')
const inFolder = (path: string, folder: string): boolean => name(path).split('/').includes(folder)

/** Files that are not models on their own, each with the reason. Detection must find nothing in them. */
const NOT_MODELS: Readonly<Record<string, string>> = {
  'threatdragon/td-models__malformed-new-model.json': 'a deliberately malformed model ("summarize" for "summary")',
  'threatdragon/td-unit__test-template.json': 'a Threat Dragon template wrapper {templateMetadata, model}',
  'otm/startleft__otm_without_version.otm': 'a deliberate negative: OTM without the required otmVersion',
  'threatcomposer/tc-pack__threatPack-GenAIChatbot.json': 'a threat pack (a library), not a model',
  'threatcomposer/tc-data__threatStatementExamples.json': 'a bare list of example threat statements',
  'pytm/threatlib/threats.json': "pytm's threat library"
}

const cases: { folder: string; extensions: string[]; expected: string; skip?: (path: string) => boolean }[] = [
  { folder: 'tm7', extensions: ['.tm7'], expected: 'tm7' },
  { folder: 'tb7', extensions: ['.tb7'], expected: 'tb7' },
  { folder: 'catalogues', extensions: ['.tb7'], expected: 'tb7' },
  {
    folder: 'threagile',
    extensions: ['.yaml', '.yml'],
    expected: 'threagile',
    // The multi-file model's parts: only main.yaml is a model; the rest are merged into it by `includes`.
    skip: (path) => inFolder(path, 'official-test-includes') && basename(path) !== 'main.yaml'
  },
  { folder: 'pytm', extensions: ['.json'], expected: 'pytm', skip: (path) => inFolder(path, 'threatlib') },
  { folder: 'threatdragon', extensions: ['.json'], expected: 'threatdragon', skip: (path) => inFolder(path, 'schema') },
  { folder: 'otm', extensions: ['.otm', '.json', '.yaml'], expected: 'otm', skip: (path) => inFolder(path, 'schema') },
  { folder: 'threatcomposer', extensions: ['.json'], expected: 'threatcomposer', skip: (path) => inFolder(path, 'schema') }
]

describe('format detection over the shared corpus', () => {
  for (const { folder, extensions, expected, skip } of cases) {
    const files = corpusFiles(folder, extensions).filter((path) => !(skip?.(path) ?? false) && !(name(path) in NOT_MODELS))
    it(`detects every ${folder} model (${files.length} files) as ${expected}`, () => {
      expect(files.length).toBeGreaterThan(0)
      for (const path of files) expect(detectedId(path), name(path)).toBe(expected)
    })
  }

  it('finds no format in files that are not models', () => {
    for (const path of Object.keys(NOT_MODELS)) expect(detectedId(`${corpusRoot}/${path}`), path).toBeNull()
  })

  it('finds no format in the parts of a multi-file Threagile model', () => {
    const parts = corpusFiles('threagile', ['.yaml']).filter(
      (path) => inFolder(path, 'official-test-includes') && basename(path) !== 'main.yaml'
    )
    expect(parts.length).toBe(18)
    for (const path of parts) expect(detectedId(path), name(path)).toBeNull()
  })

  it('finds no format in Threagile outputs (risks, stats, technical assets, parsed model)', () => {
    const outputs = corpusFiles('threagile', ['.json'])
    expect(outputs.length).toBeGreaterThan(0)
    for (const path of outputs) expect(detectedId(path), name(path)).toBeNull()
  })

  it('finds no format in the threat catalogues', () => {
    for (const path of corpusFiles('catalogues', ['.json', '.yaml'])) expect(detectedId(path), name(path)).toBeNull()
  })

  it('recognises the Threagile file with a YAML syntax error, so its reader can point at the error', () => {
    expect(detectedId(`${corpusRoot}/threagile/invalid-yaml-syntax/threagile.yaml`)).toBe('threagile')
  })

  it('never takes a corpus file for a native model, and takes the sample for one', () => {
    expect(detectFormat(sampleBytes)?.id).toBe('native')
    for (const folder of ['tm7', 'threagile', 'pytm', 'threatdragon', 'otm', 'threatcomposer']) {
      for (const path of corpusFiles(folder, ['.tm7', '.yaml', '.yml', '.json', '.otm'])) {
        expect(detectedId(path), name(path)).not.toBe('native')
      }
    }
  })

  it('answers every recognised-only corpus model with format.unsupported naming the file', () => {
    const recognised = corpusFiles('otm', ['.otm']).filter((path) => detectedId(path) === 'otm')
    expect(recognised.length).toBeGreaterThan(0)
    for (const path of recognised) {
      const result = readModelFile({ bytes: new Uint8Array(readFileSync(path)), fileName: name(path) })
      expect(result.model, name(path)).toBeNull()
      expect(result.diagnostics, name(path)).toMatchObject([
        { code: 'format.unsupported', severity: 'error', location: { file: name(path) } }
      ])
    }
  })
})
