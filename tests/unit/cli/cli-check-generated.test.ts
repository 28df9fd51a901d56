import { readFileSync } from 'node:fs'
import { readFile, writeFile } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCheck } from '../../../cli/commands/check'
import { readModelFile } from '../../../importers/registry'
import { isOpenThreat } from '../../../reports/threat-severity'
import { corpusFiles } from '../../corpus'
import { runCaptured, samplePath, temporaryFolderPerTest } from './cli-test-io'
import { openRisksAtOrAbove, untrackedOracleModels, withRiskTracking } from './threagile-oracle-models'

const folder = temporaryFolderPerTest()

const check = (argv: readonly string[]): ReturnType<typeof runCaptured> => runCaptured(runCheck, argv)

interface CheckJson {
  failed: boolean
  openThreats: number
  threats: { id: string; severity: string }[]
  obsoleteOpenThreats?: number
  threatSource?: { engine: string; generated: number; obsolete: number; threats: number; trackedInFile: number }
}

const models = untrackedOracleModels()
const withElevated = models.filter((model) => openRisksAtOrAbove(model, 'elevated').length > 0)
const withoutCritical = models.filter((model) => openRisksAtOrAbove(model, 'critical').length === 0)

describe('check on Threagile models: the risks Threagile derives from its rules are gated', () => {
  it('has corpus models to test with', () => {
    expect(withElevated.length).toBeGreaterThan(0)
    expect(withoutCritical.length).toBeGreaterThan(0)
  })

  for (const model of withElevated) {
    it(`${model.folder}: --fail-on elevated exits 1 and names exactly the open risks risks.json rates elevated or above`, async () => {
      const expected = openRisksAtOrAbove(model, 'elevated')
      const json = await check([model.path, '--fail-on', 'elevated', '--json'])
      expect(json.code, json.err).toBe(1)
      const parsed = JSON.parse(json.out) as CheckJson
      expect(parsed.failed).toBe(true)
      expect(parsed.threats.map((threat) => threat.id).sort()).toEqual(expected)
      expect(parsed.threatSource).toMatchObject({ engine: 'threagile', threats: model.risks.length, trackedInFile: 0, obsolete: 0 })

      const text = await check([model.path, '--fail-on', 'elevated'])
      expect(text.code).toBe(1)
      const lines = text.out.split('\n')
      expect(lines[0]).toBe(`FAIL ${model.path}: ${expected.length} open threat(s) at or above elevated`)
      expect(lines[1]).toMatch(new RegExp(`^Evaluated ${model.risks.length} threats \\(Threagile.*, merged with 0 tracked in the file\\)$`))
      for (const id of expected) expect(text.out).toContain(`  ${id}  `)
    })
  }

  for (const model of withoutCritical) {
    it(`${model.folder}: --fail-on critical exits 0 (risks.json has no critical risk)`, async () => {
      const result = await check([model.path, '--fail-on', 'critical'])
      expect(result.code, result.err).toBe(0)
      expect(result.out.split('\n')[0]).toBe(`PASS ${model.path}: no open threat at or above critical (${model.risks.length} open threat(s) in all)`)
    })
  }

  it('a risk_tracking entry marking a risk mitigated takes it out of the gate', async () => {
    // The model with the fewest risks at elevated or above, so marking one may be all it takes to pass.
    const model = [...withElevated].sort((left, right) => openRisksAtOrAbove(left, 'elevated').length - openRisksAtOrAbove(right, 'elevated').length)[0]!
    const [tracked, ...rest] = openRisksAtOrAbove(model, 'elevated')
    const copy = await withRiskTracking(model, folder.path, [tracked!], 'mitigated')

    const json = await check([copy, '--fail-on', 'elevated', '--json'])
    expect(json.code, json.err).toBe(rest.length > 0 ? 1 : 0)
    const parsed = JSON.parse(json.out) as CheckJson
    expect(parsed.failed).toBe(rest.length > 0)
    expect(parsed.threats.map((threat) => threat.id).sort()).toEqual(rest)
    expect(parsed.openThreats).toBe(model.risks.length - 1)
    expect(parsed.threatSource).toMatchObject({ threats: model.risks.length, trackedInFile: 1 })
    const text = await check([copy, '--fail-on', 'elevated'])
    expect(text.out).not.toContain(tracked)
    expect(text.out).toContain(`Evaluated ${model.risks.length} threats (`)
    expect(text.out).toContain(', merged with 1 tracked in the file)')
  })

  it('refuses an unknown engine as a usage error', async () => {
    const result = await check([models[0]!.path, '--fail-on', 'high', '--engine', 'nope'])
    expect(result.code).toBe(1)
    expect(result.err).toContain("unknown engine 'nope'")
    expect(result.err).toContain('Usage: threatwright check')
    expect(result.out).toBe('')
  })
})

describe('check on formats that store their reviewed threats', () => {
  for (const path of corpusFiles('tm7', ['.tm7'])) {
    it(`${basename(path)}: gates the threats the file holds, generating none`, async () => {
      const stored = readModelFile({ bytes: new Uint8Array(readFileSync(path)), fileName: path }).model!
      const result = await check([path, '--fail-on', 'info', '--json'])
      const parsed = JSON.parse(result.out) as CheckJson
      expect(parsed.openThreats).toBe(stored.threats.filter(isOpenThreat).length)
      expect(parsed.threatSource).toBeUndefined()
    })
  }

  it('the sample .twm generates only when asked (--engine), and then keeps its triage', async () => {
    const asked = await check([samplePath, '--fail-on', 'high', '--engine', 'stride-interaction', '--json'])
    const parsed = JSON.parse(asked.out) as CheckJson
    // The same three open high threats as without --engine (tests/unit/reports/cli-check.test.ts): STRIDE rows are unrated.
    expect(parsed.threats.map((threat) => threat.id)).toEqual(['threat-access-control', 'threat-database-exposure', 'threat-session-hijacking'])
    expect(parsed.threatSource).toMatchObject({ engine: 'stride-interaction', trackedInFile: 8 })
    expect(parsed.threatSource!.threats).toBeGreaterThan(8)
  })
})

interface SampleDocument {
  model: { diagrams: { flows: { id: string; source: string | null }[] }[] }
}

/** The sample with flow-browse re-attached to start at the identity provider, so its browser → web-app interaction is gone. */
async function sampleWithBrowseFlowMoved(): Promise<string> {
  const document = JSON.parse(await readFile(samplePath, 'utf8')) as SampleDocument
  for (const flow of document.model.diagrams.flatMap((diagram) => diagram.flows)) if (flow.id === 'flow-browse') flow.source = 'identity-provider'
  const path = join(folder.path, 'moved.twm')
  await writeFile(path, JSON.stringify(document))
  return path
}

describe('obsolete threats never fail the gate', () => {
  // threat-session-hijacking is open, high, on the interaction browser → web-app over flow-browse.
  it('an open high threat whose interaction is gone is not listed, and is counted on stderr', async () => {
    const moved = await sampleWithBrowseFlowMoved()
    const json = await check([moved, '--fail-on', 'high', '--json'])
    expect(json.code).toBe(1)
    const parsed = JSON.parse(json.out) as CheckJson
    expect(parsed.threats.map((threat) => threat.id)).toEqual(['threat-access-control', 'threat-database-exposure'])
    expect(parsed.obsoleteOpenThreats).toBe(1)
    expect(json.err).toContain('1 open threat(s) are obsolete')

    const generated = JSON.parse((await check([moved, '--fail-on', 'high', '--engine', 'stride-interaction', '--json'])).out) as CheckJson
    expect(generated.threats.map((threat) => threat.id)).not.toContain('threat-session-hijacking')
    expect(generated.threatSource!.obsolete).toBeGreaterThanOrEqual(1)
  })
})
