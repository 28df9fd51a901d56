import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runThreats } from '../../../cli/commands/threats'
import { parseCsv } from '../reports/csv-parse'
import { capturingContext, runReportCaptured, samplePath, temporaryFolderPerTest, writeSampleWithBrowseFlowMoved } from './cli-test-io'
import { openRisksAtOrAbove, untrackedOracleModels, withRiskTracking } from './threagile-oracle-models'

const folder = temporaryFolderPerTest()

const report = runReportCaptured

/** The threat ids `threats --json` prints for the same file and options. */
async function threatKeys(argv: string[]): Promise<string[]> {
  const context = capturingContext()
  expect(await runThreats([...argv, '--json'], context), context.err()).toBe(0)
  return (JSON.parse(context.out()) as { threats: { key: string }[] }).threats.map((row) => row.key).sort()
}

/** The CSV's records after the header, by column name. */
async function csvRows(path: string): Promise<Record<string, string>[]> {
  const [header, ...records] = parseCsv(await readFile(path, 'utf8'))
  return records.map((record) => Object.fromEntries(header!.map((column, index) => [column, record[index] ?? ''])))
}

const models = untrackedOracleModels()

describe('report on Threagile models lists the risks Threagile derives', () => {
  for (const model of models) {
    it(`${model.folder}: one CSV row per generated risk, the same as threats --json and risks.json`, async () => {
      const output = join(folder.path, 'risks.csv')
      const result = await report([model.path, '--format', 'csv', '-o', output])
      expect(result.code, result.err).toBe(0)
      expect(result.out).toContain(`\nEvaluated ${model.risks.length} threats (`)
      const ids = (await csvRows(output)).map((row) => row['Threat ID']!).sort()
      expect(ids).toEqual(await threatKeys([model.path]))
      expect(ids).toEqual(model.risks.map((risk) => risk.synthetic_id).sort())
    })
  }

  it("takes a risk's triage from risk_tracking", async () => {
    const model = models.find((candidate) => openRisksAtOrAbove(candidate, 'elevated').length > 0)!
    const [tracked] = openRisksAtOrAbove(model, 'elevated')
    const copy = await withRiskTracking(model, folder.path, [tracked!], 'mitigated')
    const output = join(folder.path, 'tracked.csv')
    expect((await report([copy, '-o', output])).code).toBe(0)
    const rows = await csvRows(output)
    expect(rows).toHaveLength(model.risks.length)
    expect(rows.find((row) => row['Threat ID'] === tracked)).toMatchObject({ State: 'Mitigated', Open: 'no', Justification: 'Checked in review', Ticket: 'SEC-1' })
  })

  it('generates with --engine instead of the format default', async () => {
    const output = join(folder.path, 'stride.csv')
    const result = await report([models[0]!.path, '--engine', 'stride-interaction', '-o', output])
    expect(result.code, result.err).toBe(0)
    expect((await csvRows(output)).map((row) => row['Threat ID']!).sort()).toEqual(await threatKeys([models[0]!.path, '--engine', 'stride-interaction']))
  })
})

describe('report on a native model', () => {
  it('lists the stored threats without options, and the merged ones with --engine', async () => {
    const stored = join(folder.path, 'stored.csv')
    const plain = await report([samplePath, '-o', stored])
    expect(plain).toMatchObject({ code: 0, err: '' })
    expect(plain.out).not.toContain('Evaluated')
    expect(await csvRows(stored)).toHaveLength(8)

    const merged = join(folder.path, 'merged.csv')
    expect((await report([samplePath, '--engine', 'stride-interaction', '-o', merged])).code).toBe(0)
    const rows = await csvRows(merged)
    expect(rows.map((row) => row['Threat ID']!).sort()).toEqual(await threatKeys([samplePath, '--engine', 'stride-interaction']))
    // The file's triage wins over the fresh generation.
    expect(rows.find((row) => row['Threat ID'] === 'threat-sql-injection')).toMatchObject({ State: 'Mitigated' })
  })

  it('marks a threat whose interaction is gone as obsolete in the register and the summary', async () => {
    const moved = await writeSampleWithBrowseFlowMoved(folder.path)

    expect((await report([moved, '-o', join(folder.path, 'r.md')])).code).toBe(0)
    const markdown = await readFile(join(folder.path, 'r.md'), 'utf8')
    // The register's ID cell carries the flag (reports/risk-blocks.ts), on that threat's row only; it is open
    // and high, so it is also among the summary's most severe open threats, flagged the same way.
    const flagged = markdown.split('\n').filter((line) => line.includes('**OBSOLETE**'))
    expect(flagged).toHaveLength(2)
    expect(flagged[0]).toMatch(/^\| `threat-session-hijacking` Session hijacking[^|]*<br>\*\*OBSOLETE\*\* \|/)
    expect(flagged[1]).toMatch(/^\| `threat-session-hijacking`<br>\*\*OBSOLETE\*\* \| \*\*Session hijacking/)

    expect((await report([moved, '-o', join(folder.path, 'r.csv')])).code).toBe(0)
    const rows = await csvRows(join(folder.path, 'r.csv'))
    expect(rows.filter((row) => row.State!.endsWith('(obsolete)')).map((row) => row['Threat ID'])).toEqual(['threat-session-hijacking'])
    expect(rows.find((row) => row['Threat ID'] === 'threat-session-hijacking')!.State).toBe('Needs investigation (obsolete)')
  })
})
