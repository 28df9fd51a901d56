import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCheck } from '../../../cli/commands/check'
import { runCaptured, temporaryFolderPerTest } from '../cli/cli-test-io'
import { samplePath } from './report-fixtures'

const folder = temporaryFolderPerTest()

const check = (argv: readonly string[]): ReturnType<typeof runCaptured> => runCaptured(runCheck, argv)

interface SampleDocument {
  model: { threats: { id: string; state: { raw: string | null; value: string } }[] }
}

/** The sample with the named threats set to mitigated, written to the temp folder. */
async function sampleWithMitigated(name: string, ids: readonly string[]): Promise<string> {
  const document = JSON.parse(await readFile(samplePath, 'utf8')) as SampleDocument
  for (const threat of document.model.threats) if (ids.includes(threat.id)) threat.state = { raw: null, value: 'mitigated' }
  const path = join(folder.path, name)
  await writeFile(path, JSON.stringify(document))
  return path
}

// The sample's open high threats (priority high, no severity): access-control, database-exposure, session-hijacking.
describe('threatwright check --fail-on', () => {
  it('fails on the sample at high and lists its three open high threats', async () => {
    const result = await check([samplePath, '--fail-on', 'high'])
    expect(result.code).toBe(1)
    expect(result.out.split('\n')[0]).toBe(`FAIL ${samplePath}: 3 open threat(s) at or above high`)
    expect(result.out).toContain('threat-access-control')
    expect(result.out).toContain('threat-database-exposure')
    expect(result.out).toContain('threat-session-hijacking')
  })

  it('exits 1 while one high threat is open and 0 once it is mitigated', async () => {
    const oneOpen = await sampleWithMitigated('one-open.twm', ['threat-access-control', 'threat-database-exposure'])
    const failing = await check([oneOpen, '--fail-on', 'high', '--json'])
    expect(failing.code).toBe(1)
    expect(JSON.parse(failing.out)).toEqual({
      failOn: 'high',
      failed: true,
      openThreats: 2,
      threats: [
        {
          id: 'threat-session-hijacking',
          severity: 'high',
          severitySource: 'priority',
          state: 'needsInvestigation',
          title: 'Session hijacking of a signed-in customer'
        }
      ],
      unratedOpenThreats: 0
    })
    const allMitigated = await sampleWithMitigated('mitigated.twm', ['threat-access-control', 'threat-database-exposure', 'threat-session-hijacking'])
    const passing = await check([allMitigated, '--fail-on', 'high'])
    expect(passing.code).toBe(0)
    expect(passing.out).toBe(`PASS ${allMitigated}: no open threat at or above high (1 open threat(s) in all)\n`)
    // The remaining open threat, the audit trail, has priority medium.
    expect((await check([allMitigated, '--fail-on', 'medium'])).code).toBe(1)
  })

  it('refuses a missing or unknown severity as a usage error', async () => {
    expect(await check([samplePath])).toMatchObject({ code: 1 })
    const unknown = await check([samplePath, '--fail-on', 'severe'])
    expect(unknown.code).toBe(1)
    expect(unknown.err).toContain("unknown severity 'severe'")
    expect(unknown.err).toContain('Usage: threatwright check')
  })

  it('reports an unreadable model as an input error', async () => {
    expect((await check([join(folder.path, 'missing.twm'), '--fail-on', 'high'])).code).toBe(2)
  })
})
