import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { readModelFile } from '../../../importers/registry'
import { DEFAULT_XML_LIMITS, parseXml } from '../../../importers/xml/parse-xml'
import type { Diagnostic } from '../../../model/diagnostics'
import { corpusFiles } from '../../corpus'

const repoRoot = resolve(__dirname, '..', '..', '..')
const fixtureFolder = join(repoRoot, 'tests', 'fixtures', 'hostile')
const committedFixtures = readdirSync(fixtureFolder).filter((name) => name !== 'README.md').sort()
const MODEL_ROOT = '<ThreatModel xmlns="http://schemas.datacontract.org/2004/07/ThreatModeling.Model" xmlns:i="http://www.w3.org/2001/XMLSchema-instance">'

/**
 * The error each committed fixture must get (README.md says what each file is). DTD files are recognised
 * as TMT models by their root and refused by the XML parser before it reads a byte of the DTD, so no path
 * expands an entity or opens a file.
 */
const expectedCode: Readonly<Record<string, string>> = {
  'billion-laughs.tm7': 'xml.doctype',
  'corrupted-prolog.tb7': 'format.unknown',
  'empty.tm7': 'format.empty',
  'invalid-utf8.tm7': 'tm7.encoding',
  'junk-99-bytes.tm7': 'format.unknown',
  'utf16-bom.tm7': 'tm7.encoding',
  'xlsx-like.tb7': 'tm7.not-xml',
  'xxe-external-entity.tm7': 'xml.doctype',
  'z-ref.tm7': 'tm7.z-ref',
  'zip-archive.tm7': 'tm7.not-xml'
}

function expectOneClearError(diagnostics: readonly Diagnostic[], fileName: string, code: string): void {
  const errors = diagnostics.filter((entry) => entry.severity === 'error')
  expect(errors, fileName).toHaveLength(1)
  expect(errors[0], fileName).toMatchObject({ code, location: { file: fileName } })
  expect(errors[0]?.message, fileName).not.toMatch(/\bat .*\.(ts|js):\d+|root:x?:0:0/)
}

describe('hostile files through readModelFile', () => {
  it('has an expected answer for every committed fixture', () => {
    expect(committedFixtures).toEqual(Object.keys(expectedCode).sort())
  })

  it.each(committedFixtures)('%s: one clear error naming the file, fast, no model', (fileName) => {
    const bytes = new Uint8Array(readFileSync(join(fixtureFolder, fileName)))
    const heapBefore = process.memoryUsage().heapUsed
    const started = performance.now()
    const result = readModelFile({ bytes, fileName })
    expect(performance.now() - started).toBeLessThan(2000)
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(500e6)
    expect(result.model).toBeNull()
    expectOneClearError(result.diagnostics, fileName, expectedCode[fileName] ?? '?')
  })

  it('refuses DTDs in the parser too, so an entity is never expanded nor an external file read', () => {
    for (const fileName of ['xxe-external-entity.tm7', 'billion-laughs.tm7']) {
      const parsed = parseXml(readFileSync(join(fixtureFolder, fileName), 'utf8'), fileName)
      expect('diagnostics' in parsed ? parsed.diagnostics : [], fileName).toMatchObject([{ code: 'xml.doctype', location: { file: fileName, line: 2 } }])
    }
  })

  it('refuses XML beyond the size limit (a small limit injected)', () => {
    const text = `${MODEL_ROOT}<Notes>${'n'.repeat(2000)}</Notes></ThreatModel>`
    const parsed = parseXml(text, 'big.tm7', { ...DEFAULT_XML_LIMITS, maxCharacters: 1000 })
    expect('diagnostics' in parsed ? parsed.diagnostics : []).toMatchObject([{ code: 'xml.limits', severity: 'error', location: { file: 'big.tm7' } }])
    expect('root' in parseXml(text, 'big.tm7', { ...DEFAULT_XML_LIMITS, maxCharacters: 4000 })).toBe(true)
  })
})

describe('heavy hostile files, each read in a fresh process (time and peak memory measured there)', () => {
  const folder = mkdtempSync(join(tmpdir(), 'threatwright-hostile-'))
  afterAll(() => rmSync(folder, { recursive: true, force: true }))

  const readInChild = (fileName: string): { milliseconds: number; peakMegabytes: number; hasModel: boolean; diagnostics: Diagnostic[] } => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', join(__dirname, 'read-in-child.ts'), join(folder, fileName)], {
      cwd: repoRoot,
      encoding: 'utf8',
      timeout: 60_000
    })
    if (result.status !== 0) throw new Error(`the child failed: ${result.stderr}`)
    return JSON.parse(result.stdout) as { milliseconds: number; peakMegabytes: number; hasModel: boolean; diagnostics: Diagnostic[] }
  }

  const cases: readonly { name: string; make: () => string | Uint8Array; code: string }[] = [
    { name: 'deep-10000.tm7', make: () => `${MODEL_ROOT}${'<a>'.repeat(10_000)}${'</a>'.repeat(10_000)}</ThreatModel>`, code: 'xml.limits' },
    // Just over parseXml's 64 MiB default: refused before parsing, after one decode of the bytes.
    { name: 'huge-text.tm7', make: () => `${MODEL_ROOT}<Notes>${'x'.repeat(65 * 1024 * 1024)}</Notes></ThreatModel>`, code: 'xml.limits' },
    {
      name: 'truncated-corpus.tm7',
      make: () => {
        // A real model cut in half at test time (corpus files are never copied into the repository).
        const [first] = corpusFiles('tm7', ['.tm7'])
        const bytes = readFileSync(first ?? '')
        return bytes.subarray(0, Math.floor(bytes.length / 2))
      },
      code: 'xml.syntax'
    },
    { name: 'billion-laughs.tm7', make: () => readFileSync(join(fixtureFolder, 'billion-laughs.tm7')), code: 'xml.doctype' }
  ]

  it.each(cases)('$name: a clear error in under 2 s and under 500 MB', ({ name, make, code }) => {
    writeFileSync(join(folder, name), make())
    const outcome = readInChild(name)
    expect(outcome.hasModel).toBe(false)
    expectOneClearError(outcome.diagnostics, name, code)
    expect(outcome.milliseconds).toBeLessThan(2000)
    expect(outcome.peakMegabytes).toBeLessThan(500)
  }, 60_000)

  // sax builds an attribute value one character at a time: a 60 MB attribute (under the 64 MiB file limit)
  // took 6.8 s and 2.3 GB before parseXml refused over-long tags up front (importers/xml/find-long-tag.ts).
  it('huge-attribute.tm7: a clear error in under 2 s and under 500 MB', () => {
    const name = 'huge-attribute.tm7'
    writeFileSync(join(folder, name), `${MODEL_ROOT}<Notes a="${'x'.repeat(60 * 1024 * 1024)}"/></ThreatModel>`)
    const outcome = readInChild(name)
    expectOneClearError(outcome.diagnostics, name, 'xml.limits')
    expect(outcome.milliseconds).toBeLessThan(2000)
    expect(outcome.peakMegabytes).toBeLessThan(500)
  }, 60_000)
})

describe('the built CLI on every committed hostile fixture', () => {
  it('exits 2 with one line naming the file and no stack trace', () => {
    if (!existsSync(join(repoRoot, 'out', 'main', 'cli.js'))) {
      const build = spawnSync(process.execPath, [join(repoRoot, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], { cwd: repoRoot, encoding: 'utf8' })
      if (build.status !== 0) throw new Error(`electron-vite build failed: ${build.stderr}`)
    }
    for (const fileName of committedFixtures) {
      const path = join(fixtureFolder, fileName)
      const result = spawnSync(process.execPath, [join(repoRoot, 'bin', 'threatwright.js'), 'info', path], { cwd: repoRoot, encoding: 'utf8' })
      expect(result.status, fileName).toBe(2)
      expect(result.stdout, fileName).toBe('')
      const lines = result.stderr.split('\n').filter((line) => line !== '')
      expect(lines, fileName).toHaveLength(1)
      // "<file>: error: …" or "<file>, line L, column C: error: …" when the place is known.
      expect(lines[0], fileName).toMatch(new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(, line \\d+, column \\d+)?: error: `))
      expect(result.stderr, fileName).not.toMatch(/\n\s+at /)
    }
  }, 300_000)
})
