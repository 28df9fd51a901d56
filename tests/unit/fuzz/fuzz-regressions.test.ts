/** Each fuzzing finding, replayed from its fixture (tests/fixtures/fuzz/README.md says what each shows). */
import { readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readModelFile, templateFormats } from '../../../importers/registry'
import { validateModel } from '../../../model/validate'
import { MAX_MILLISECONDS } from './reader-property'

const folder = resolve(__dirname, '..', '..', 'fixtures', 'fuzz')
const fixtures = readdirSync(folder).filter((name) => name !== 'README.md').sort()

function foreignPrototypes(value: unknown, path = '$', found: string[] = []): string[] {
  if (typeof value !== 'object' || value === null) return found
  const prototype: unknown = Object.getPrototypeOf(value)
  if (prototype !== Object.prototype && prototype !== Array.prototype && prototype !== null) found.push(path)
  for (const [key, item] of Object.entries(value)) foreignPrototypes(item, `${path}.${key}`, found)
  return found
}

describe('fuzzing regressions', () => {
  it('has fixtures', () => expect(fixtures.length).toBeGreaterThan(0))

  it.each(fixtures)('%s: a valid model or template, or error diagnostics; never a reader exception', (fileName) => {
    const bytes = new Uint8Array(readFileSync(join(folder, fileName)))
    const started = performance.now()
    const result = readModelFile({ bytes, fileName })
    // The fuzzer's time budget (reader-property.ts); the quadratic-regex finding took minutes before its fix.
    expect(performance.now() - started).toBeLessThan(MAX_MILLISECONDS)
    expect(result.diagnostics.map((entry) => entry.code)).not.toContain('format.reader-failed')
    if (result.model !== null) {
      expect(validateModel(result.model).model).not.toBeNull()
      expect(foreignPrototypes(result.model)).toEqual([])
    }
    const text = new TextDecoder().decode(bytes)
    const template = templateFormats.find((format) => format.detect(text))?.read({ bytes, fileName })
    if (template?.template) expect(foreignPrototypes(template.template)).toEqual([])
    expect(Object.hasOwn(Object.prototype, 'polluted')).toBe(false)
    // Each fixture reaches its reader (detected), and answers with a result or with error diagnostics.
    expect(result.formatId).not.toBeNull()
    const answered = result.model !== null || (template?.template ?? null) !== null || result.diagnostics.some((entry) => entry.severity === 'error')
    expect(answered).toBe(true)
  })
})
