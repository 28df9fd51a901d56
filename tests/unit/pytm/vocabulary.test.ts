import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { attributesOf, CONTROL_NAMES, CONTROL_PREFIX, isPytmClassName } from '../../../vocabularies/pytm/pytm-classes'
import { pytmCorpusModels } from './pytm-test-files'

/**
 * vocabularies/pytm holds pytm's class facts once, for the reader and the threat engine. This checks
 * them against the attributes pytm itself wrote into the corpus dumps.
 */
const scalarKeys = (className: string): string[] =>
  isPytmClassName(className)
    ? attributesOf(className)
        .map((attribute) => attribute.key)
        .filter((key) => !key.startsWith(CONTROL_PREFIX))
        .sort()
    : []

describe('the pytm vocabulary', () => {
  it('names every attribute pytm writes for each class in the corpus dumps, and no other', () => {
    /** Keys pytm writes that are references, lists or computed, not scalar attributes. */
    const structural = new Set(['__class__', 'name', 'description', 'inBoundary', 'inScope', 'levels', 'sourceFiles', 'overrides',
      'assumptions', 'controls', 'findings', 'severity', 'data', 'inputs', 'outputs', 'source', 'sink', 'response', 'responseTo'])
    let checked = 0
    for (const path of pytmCorpusModels()) {
      const document = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>
      if (!('assets' in document)) continue
      const items = [
        ...((document.elements ?? []) as Record<string, unknown>[]).map((item) => [String(item.__class__), item] as const),
        ...((document.flows ?? []) as Record<string, unknown>[]).map((item) => ['Dataflow', item] as const)
      ]
      for (const [className, item] of items) {
        const written = Object.keys(item).filter((key) => !structural.has(key)).sort()
        expect(written, `${className} ${String(item.name)}`).toEqual(scalarKeys(className))
        expect(Object.keys(item.controls as object).sort()).toEqual([...CONTROL_NAMES].sort())
        checked += 1
      }
    }
    expect(checked).toBeGreaterThan(0)
  })
})
