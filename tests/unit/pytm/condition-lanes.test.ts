import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { compileCondition } from '../../../analysis/pytm/compile-condition'
import { TargetGroup } from '../../../analysis/pytm/condition-lanes'
import { pytmItems } from '../../../analysis/pytm/pytm-items'
import { PytmViews } from '../../../analysis/pytm/pytm-views'
import { syntheticPytmModel } from '../../../bench/generate-pytm'
import { pytmCorpusModels, pytmLibraryFiles, readCorpusFile, readInline, requireModel } from './pytm-test-files'

/**
 * Conditions beside the library's that exercise what the lane form must get exactly right: an operand
 * that raises only where `and`/`or` would not reach it, values (not booleans) out of `and`/`or`,
 * `not`, missing attributes, and chains through None. Hand-written; their truth is the per-item
 * evaluation, which the corpus dump's findings already pin (findings-corpus.test.ts).
 */
const EXTRA_CONDITIONS = [
  'target.sink.controls.isEncrypted is False or target.nope is True',
  'target.nope is True and target.name',
  'target.name or target.nope',
  'not target.nope',
  'target.controls.isHardened is False and target.nope.x is True',
  'target.controls.nope is False',
  'target.source.source is None',
  'target.sink.nope is None or target.protocol == "HTTP"',
  'target.isResponse is False and (target.sink.inScope or target.nope)',
  '(target.protocol or target.port) == "HTTP"',
  'not target.controls.isEncrypted',
  'target.tlsVersion is None or target.protocol != "HTTPS" and target.controls.isEncrypted is False',
  'any(f.protocol == "HTTP" for f in target.inputs) and target.controls.sanitizesInput is False'
]

function libraryConditions(): string[] {
  return pytmLibraryFiles().flatMap((path) =>
    (JSON.parse(readFileSync(path, 'utf8')) as { condition?: unknown }[]).flatMap((threat) =>
      typeof threat.condition === 'string' ? [threat.condition] : []
    )
  )
}

describe('pytm conditions over a whole group of items', () => {
  it('hold for exactly the items the per-item evaluation says, on every corpus model', () => {
    const models = [
      ...pytmCorpusModels().map((path) => requireModel(readCorpusFile(path))),
      requireModel(readInline(syntheticPytmModel({ servers: 24, flows: 60 })))
    ]
    const conditions = [...libraryConditions(), ...EXTRA_CONDITIONS].map((text) => ({ text, holds: compileCondition(text) }))
    expect(conditions.length).toBeGreaterThan(100)
    for (const model of models) {
      // Every item in one group, whatever its class: a condition must also give the per-item answer
      // for items it would never be asked about.
      const views = pytmItems(model, new PytmViews(model)).map((item) => item.view)
      const group = new TargetGroup(views)
      for (const { text, holds } of conditions) {
        const together = [...holds.forAll(group)].map((entry) => entry === 1)
        expect(together, text).toEqual(views.map((view) => holds(view)))
      }
    }
  })
})
