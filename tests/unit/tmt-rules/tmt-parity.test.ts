import { readFileSync } from 'node:fs'
import { basename } from 'node:path'
import { describe, expect, it } from 'vitest'
import { generateTmtThreats } from '../../../analysis/tmt-rules/generate-tmt-threats'
import { readModelFile } from '../../../importers/registry'
import { embeddedTemplate } from '../../../importers/tm7/embedded-template'
import type { Threat } from '../../../model/model'
import { corpusFiles } from '../../corpus'

/** (TypeId, source, flow, target): how TMT identifies a threat instance (tmt-format.md §8). */
function interactionKey(threat: Threat): string {
  const target = threat.target
  if (target.kind !== 'interaction') throw new Error(`threat ${threat.id} is not on an interaction`)
  return [threat.definitionId, target.sourceId, target.flowId, target.targetId].join('|')
}

/**
 * Stored threats we do not regenerate, each explained (tmt-format.md §11 found the same four):
 * - akri: a 45-pixel flow next to a curved line boundary; TMT's exact curve differs from our quadratic
 *   Bézier through the handle by a pixel or two there, so it saw a crossing (D4, R7) we do not.
 * - secure-portal: the flow was re-attached after generation; the stored threats keep the previous
 *   source GUID (7effdd1c…), which no longer is the flow's source, so no generator could produce them.
 */
const EXPLAINED_MISSES: Record<string, readonly string[]> = {
  'akri-threat-model-sept23.tm7': [
    'D4|cfd74a69-b11b-4b1f-9e8b-086e406b33d6|9e37ac69-5a8d-4b23-b831-be303f97626f|fc94698b-d077-435c-ba3e-fbcfcdb2980b',
    'R7|cfd74a69-b11b-4b1f-9e8b-086e406b33d6|9e37ac69-5a8d-4b23-b831-be303f97626f|fc94698b-d077-435c-ba3e-fbcfcdb2980b'
  ],
  'secure-portal-modeling.tm7': [
    'E5|7effdd1c-22ac-4ae3-a7f0-392494c9d0b9|c2e68d6c-ae1e-43d0-b000-43ee0b8705b9|80f8c1eb-f863-471e-ab2c-8f3fff582b13',
    'S3|7effdd1c-22ac-4ae3-a7f0-392494c9d0b9|c2e68d6c-ae1e-43d0-b000-43ee0b8705b9|80f8c1eb-f863-471e-ab2c-8f3fff582b13'
  ]
}

describe('TMT parity: regenerating each corpus model with its embedded template', () => {
  const totals = { stored: 0, reproduced: 0 }
  for (const path of corpusFiles('tm7', ['.tm7'])) {
    const name = basename(path)
    it(`reproduces the threats TMT stored in ${name}, and no others`, () => {
      const { model } = readModelFile({ bytes: new Uint8Array(readFileSync(path)), fileName: name })
      if (model === null) throw new Error(`${name} did not read`)
      const template = embeddedTemplate(model, name)?.template
      if (!template) throw new Error(`${name} embeds no template`)
      const stored = new Set(model.threats.map(interactionKey))
      const generated = new Set(generateTmtThreats(model, template).threats.map(interactionKey))
      const missing = [...stored].filter((key) => !generated.has(key)).sort()
      const extra = [...generated].filter((key) => !stored.has(key))
      expect(extra, 'threats TMT did not store (false positives)').toEqual([])
      expect(missing).toEqual([...(EXPLAINED_MISSES[name] ?? [])].sort())
      totals.stored += stored.size
      totals.reproduced += stored.size - missing.length
    })
  }
  it('misses only the explained threats over the whole corpus (968 of the 972 stored when this was written)', () => {
    // Runs after the per-file tests (vitest keeps declaration order within a file); files added to the
    // corpus later raise the totals, and any unexplained miss fails its own file's test above.
    const explained = Object.values(EXPLAINED_MISSES).flat().length
    expect(totals.stored).toBeGreaterThanOrEqual(972)
    expect(totals.stored - totals.reproduced).toBe(explained)
  })
})
