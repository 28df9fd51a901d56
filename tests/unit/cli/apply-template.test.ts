import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runApplyTemplate } from '../../../cli/commands/apply-template'
import { readNative } from '../../../importers/native/read-native'
import { capturingContext, samplePath, temporaryFolderPerTest } from './cli-test-io'

const folder = temporaryFolderPerTest()

describe('threatwright apply-template', () => {
  it('re-types the sample for the Azure template, keeps its 8 triaged threats and writes the result', async () => {
    const out = join(folder.path, 'azure.twm')
    const context = capturingContext()
    expect(await runApplyTemplate([samplePath, out, '--template', 'threatwright-azure', '--json'], context)).toBe(0)
    const summary = JSON.parse(context.out()) as { mappings: { elementId: string; to: string | null; how: string }[]; added: number; obsolete: number }
    // 5 elements, 7 flows and 3 boundaries in the sample, one mapping each.
    expect(summary.mappings).toHaveLength(15)
    expect(summary.mappings.find((mapping) => mapping.elementId === 'browser')).toMatchObject({ to: 'GE.EI', how: 'kind' })
    expect(summary.obsolete).toBe(0)

    const before = readNative({ bytes: new Uint8Array(await readFile(samplePath)), fileName: 'sample' }).model!
    const after = readNative({ bytes: new Uint8Array(await readFile(out)), fileName: 'azure.twm' }).model!
    expect(after.template?.id).toBe('threatwright-azure')
    for (const threat of before.threats) {
      expect(after.threats.find((candidate) => candidate.id === threat.id)?.state).toEqual(threat.state)
    }
    expect(after.threats).toHaveLength(before.threats.length + summary.added)
  })

  it('needs --template, and names an unknown template', async () => {
    const missing = capturingContext()
    expect(await runApplyTemplate([samplePath, join(folder.path, 'x.twm')], missing)).toBe(1)
    const unknown = capturingContext()
    expect(await runApplyTemplate([samplePath, join(folder.path, 'x.twm'), '--template', 'nope'], unknown)).toBe(2)
    expect(unknown.err()).toContain("'nope' is neither a built-in template")
  })
})
