import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runThreats } from '../../../cli/commands/threats'
import { capturingContext, samplePath, temporaryFolderPerTest } from './cli-test-io'

const folder = temporaryFolderPerTest()

interface Row {
  key: string
  engine: string
  state: string
  obsolete?: boolean
  flowId?: string
}

async function rows(argv: string[]): Promise<Row[]> {
  const context = capturingContext()
  expect(await runThreats(argv, context)).toBe(0)
  return (JSON.parse(context.out()) as { threats: Row[] }).threats
}

describe('threatwright threats', () => {
  it('lists the sample’s 62 STRIDE-per-interaction threats with its 8 stored ones, sorted by key', async () => {
    const listed = await rows([samplePath, '--json'])
    // 62: the hand-checked golden list (tests/fixtures/golden); 8: the sample's own triaged threats.
    expect(listed.filter((row) => row.engine === 'stride-interaction')).toHaveLength(62)
    expect(listed.filter((row) => row.engine !== 'stride-interaction')).toHaveLength(8)
    expect(listed.map((row) => row.key)).toEqual([...listed.map((row) => row.key)].sort())
  })

  it('prints the same bytes on every run', async () => {
    const first = capturingContext()
    const second = capturingContext()
    await runThreats([samplePath, '--json', '--engine', 'stride-element'], first)
    await runThreats([samplePath, '--json', '--engine=stride-element'], second)
    expect(first.out()).toBe(second.out())
    expect(first.out().length).toBeGreaterThan(100)
  })

  it('marks a kept threat whose flow was deleted as obsolete and keeps its triage', async () => {
    const document = JSON.parse(await readFile(samplePath, 'utf8')) as {
      model: { diagrams: { flows: { id: string; responseTo: string | null }[] }[]; threats: { target: { flowId?: string } }[] }
    }
    const flowOfFirstThreat = document.model.threats.find((threat) => threat.target.flowId)?.target.flowId
    expect(flowOfFirstThreat).toBeDefined()
    // Delete the flow, and the response link another flow has to it, as the editor would.
    document.model.diagrams[0]!.flows = document.model.diagrams[0]!.flows
      .filter((flow) => flow.id !== flowOfFirstThreat)
      .map((flow) => (flow.responseTo === flowOfFirstThreat ? { ...flow, responseTo: null } : flow))
    // Threats against the deleted flow must stay; the validator reports them as stale, not as errors.
    const edited = join(folder.path, 'edited.twm')
    await writeFile(edited, JSON.stringify({ format: 'threatwright', formatVersion: 1, model: document.model }))
    const listed = await rows([edited, '--json'])
    const orphaned = listed.filter((row) => row.flowId === flowOfFirstThreat)
    expect(orphaned.length).toBeGreaterThan(0)
    expect(orphaned.every((row) => row.obsolete === true && row.engine !== 'stride-interaction')).toBe(true)
    expect(listed.filter((row) => row.obsolete === true)).toEqual(orphaned)
  })

  it('refuses an unknown engine as a usage error', async () => {
    const context = capturingContext()
    expect(await runThreats([samplePath, '--engine', 'magic'], context)).toBe(1)
    expect(context.err()).toContain("unknown engine 'magic'")
  })
})

describe('threatwright threats with the format engines', () => {
  it('runs pytm’s library from --threatlib on a pytm dump: 139 findings as (SID, target name)', async () => {
    const { corpusFiles } = await import('../../corpus')
    const [library] = corpusFiles('pytm', ['threats.json'])
    const dumps = corpusFiles('pytm', ['.json']).filter((path) => path.includes('1.4.0'))
    expect(dumps).toHaveLength(1)
    const listed = (await rows([dumps[0]!, '--threatlib', library!, '--json'])) as (Row & { ruleId: string; targetName?: string })[]
    // 138 findings plus 1 excluded by an assumption: the count in pytm's own output (see tests/unit/pytm).
    expect(listed).toHaveLength(139)
    expect(listed.every((row) => row.engine === 'pytm' && /^[A-Z]{2,3}\d+$/.test(row.ruleId) && row.targetName)).toBe(true)
  })

  it('exits 2 naming the model when the pytm engine has no library', async () => {
    const { corpusFiles } = await import('../../corpus')
    const dump = corpusFiles('pytm', ['.json']).find((path) => path.includes('1.4.0'))!
    const context = capturingContext()
    expect(await runThreats([dump], context)).toBe(2)
    expect(context.err()).toContain(`${dump}: error: the pytm engine needs a threat library`)
  })

  it('exits 2 naming the library, not the model, when --threatlib cannot be read or is not a library', async () => {
    const { corpusFiles } = await import('../../corpus')
    const dump = corpusFiles('pytm', ['.json']).find((path) => path.includes('1.4.0'))!
    const missing = join(folder.path, 'nope.json')
    const unreadable = capturingContext()
    expect(await runThreats([dump, '--threatlib', missing], unreadable)).toBe(2)
    expect(unreadable.err()).toBe(`${missing}: error: cannot read the threat library: no such file or folder\n`)

    const broken = join(folder.path, 'broken.json')
    await writeFile(broken, '[{"SID": "X1",\n "target": ["Process"]')
    const invalid = capturingContext()
    expect(await runThreats([dump, '--threatlib', broken], invalid)).toBe(2)
    expect(invalid.err().startsWith(`${broken}, line 2, column `)).toBe(true)
    expect(invalid.err()).toContain('error: the threat library is not valid JSON')
  })
})
