import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { classDefaults, CONTROL_DEFAULTS, DATA_DEFAULTS, PYTM_PARENT_CLASS } from '../../../analysis/pytm/pytm-attributes'
import { PYTM_ENUMS } from '../../../analysis/pytm/pytm-enum-values'
import { pytmThreatId as engineThreatId } from '../../../analysis/pytm/pytm-threat'
import { attributesOf, CONTROL_NAMES, DATA_ATTRIBUTES, PARENT_CLASS, PYTM_CLASS_NAMES } from '../../../importers/pytm/pytm-classes'
import { CLASSIFICATION, DATASTORE_TYPE, LIFETIME, TLS_VERSION } from '../../../importers/pytm/pytm-enums'
import { pytmThreatId as readerThreatId } from '../../../importers/pytm/pytm-ids'
import { pytmCorpusModels } from './pytm-test-files'

/**
 * The reader (importers/pytm) and the engine (analysis/pytm) each hold pytm's class facts, because the
 * layer rules forbid either importing the other. These tests keep the two copies equal, and check them
 * against the attributes pytm itself wrote into the corpus dumps.
 */
const importerDefaults = (className: (typeof PYTM_CLASS_NAMES)[number]): Record<string, unknown> =>
  Object.fromEntries(
    attributesOf(className)
      .filter((attribute) => !attribute.key.startsWith('controls.'))
      .map((attribute) => [
        attribute.key,
        attribute.type.kind === 'enum' ? { enumName: attribute.type.enum.name, member: attribute.type.default } : attribute.type.default
      ])
  )

describe('the pytm vocabulary', () => {
  it('is the same class tree, defaults, controls and enums in the reader and in the engine', () => {
    expect(PYTM_PARENT_CLASS).toEqual(PARENT_CLASS)
    for (const className of PYTM_CLASS_NAMES) {
      expect(Object.fromEntries(classDefaults(className)), className).toEqual(importerDefaults(className))
    }
    expect(Object.keys(CONTROL_DEFAULTS).sort()).toEqual([...CONTROL_NAMES].sort())
    expect(Object.keys(DATA_DEFAULTS).sort()).toEqual(DATA_ATTRIBUTES.map((attribute) => attribute.key).sort())
    for (const pytmEnum of [CLASSIFICATION, TLS_VERSION, LIFETIME, DATASTORE_TYPE]) {
      expect([...(PYTM_ENUMS.get(pytmEnum.name)?.members ?? [])]).toEqual(pytmEnum.members.map((member) => [member.name, member.value]))
    }
    expect(engineThreatId('INP01', 'pytm:element:Web')).toBe(readerThreatId('INP01', 'pytm:element:Web'))
  })

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
        const ours = Object.keys(importerDefaults(className as (typeof PYTM_CLASS_NAMES)[number])).sort()
        expect(written, `${className} ${String(item.name)}`).toEqual(ours)
        expect(Object.keys(item.controls as object).sort()).toEqual([...CONTROL_NAMES].sort())
        checked += 1
      }
    }
    expect(checked).toBeGreaterThan(0)
  })
})
