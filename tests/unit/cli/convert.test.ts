import { readFile, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runConvert } from '../../../cli/commands/convert'
import { capturingContext, samplePath, temporaryFolderPerTest } from './cli-test-io'

const folder = temporaryFolderPerTest()

const inFolder = (name: string): string => join(folder.path, name)

/** Puts a file at `out` whose survival proves nothing was overwritten. */
async function existingOutput(): Promise<string> {
  const out = inFolder('existing.twm')
  await writeFile(out, 'keep me\n')
  return out
}

async function expectUntouched(out: string): Promise<void> {
  expect(await readFile(out, 'utf8')).toBe('keep me\n')
  expect((await readdir(folder.path)).filter((name) => name.startsWith('existing.twm'))).toEqual(['existing.twm'])
}

describe('threatwright convert', () => {
  it('converts the sample to native and is byte-identical on the second pass', async () => {
    const first = capturingContext()
    expect(await runConvert([samplePath, inFolder('once.twm')], first)).toBe(0)
    expect(first.out()).toBe(`Wrote ${inFolder('once.twm')} (Threatwright model) from ${samplePath}\n`)
    expect(first.err()).toBe('')

    expect(await runConvert([inFolder('once.twm'), inFolder('twice.twm')], capturingContext())).toBe(0)
    const once = await readFile(inFolder('once.twm'))
    const twice = await readFile(inFolder('twice.twm'))
    expect(twice.equals(once)).toBe(true)
    // The sample is canonical, so even the first pass reproduces it.
    expect(once.equals(await readFile(samplePath))).toBe(true)
  })

  it('keeps the previous output as .bak when replacing it', async () => {
    const out = await existingOutput()
    const context = capturingContext()
    expect(await runConvert([samplePath, out], context)).toBe(0)
    expect(await readFile(`${out}.bak`, 'utf8')).toBe('keep me\n')
    expect(context.out()).toContain(`the previous version was kept as ${out}.bak`)
  })

  it('exits 2 for bad JSON, naming the file and place, and leaves the output alone', async () => {
    const input = inFolder('broken.twm')
    await writeFile(input, '{\n  "format": "threatwright",\n  "formatVersion": 1,\n  "model": [}\n')
    const out = await existingOutput()
    const context = capturingContext()
    expect(await runConvert([input, out], context)).toBe(2)
    // Line 4 is `  "model": [}`: two spaces, `"model"` (columns 3-9), ':', a space, '[' at 12, '}' at 13.
    expect(context.err()).toBe(`${input}, line 4, column 13: error: not valid JSON: unexpected '}' where a value was expected\n`)
    expect(context.out()).toBe('')
    await expectUntouched(out)
  })

  it('exits 2 for a native file of a future version and leaves the output alone', async () => {
    const input = inFolder('future.twm')
    await writeFile(input, '{"format": "threatwright", "formatVersion": 3, "model": {}}')
    const out = await existingOutput()
    const context = capturingContext()
    expect(await runConvert([input, out], context)).toBe(2)
    expect(context.err()).toContain(`${input}: error: written by a newer Threatwright: format version 3`)
    await expectUntouched(out)
  })

  it('exits 2 for a file of an unknown format and creates no output', async () => {
    const input = inFolder('notes.md')
    await writeFile(input, '# Not a model\n')
    const out = inFolder('new.twm')
    const context = capturingContext()
    expect(await runConvert([input, out], context)).toBe(2)
    expect(context.err()).toContain(`${input}: error: not a format Threatwright can read`)
    expect(await readdir(folder.path)).toEqual(['notes.md'])
  })

  it('exits 2 when the output format has no writer yet, creating nothing', async () => {
    const context = capturingContext()
    expect(await runConvert([samplePath, inFolder('out.otm')], context)).toBe(2)
    expect(context.err()).toBe(`${inFolder('out.otm')}: error: cannot write Open Threat Model (OTM) files yet\n`)
    expect(await readdir(folder.path)).toEqual([])
  })

  it('exits 2 when the output cannot be written', async () => {
    const out = join(folder.path, 'no-such-folder', 'out.twm')
    const context = capturingContext()
    expect(await runConvert([samplePath, out], context)).toBe(2)
    expect(context.err()).toBe(`threatwright: cannot write ${out}: no such file or folder\n`)
  })

  it('refuses to write over its own input, however the path is spelled', async () => {
    const input = inFolder('model.twm')
    await writeFile(input, await readFile(samplePath))
    const before = await readFile(input)
    const context = capturingContext()
    const sameFile = join(folder.path, '.', '..', folder.path.split(/[\\/]/).at(-1) ?? '', 'model.twm')
    expect(await runConvert([input, sameFile], context)).toBe(1)
    expect(context.err()).toContain('are the same file')
    expect((await readFile(input)).equals(before)).toBe(true)
    expect(await readdir(folder.path)).toEqual(['model.twm'])
  })

  it('exits 1 for an output extension it does not know, and for missing arguments', async () => {
    const unknown = capturingContext()
    expect(await runConvert([samplePath, inFolder('out.docx')], unknown)).toBe(1)
    expect(unknown.err()).toContain(`cannot tell the output format of ${inFolder('out.docx')} from its extension`)
    expect(unknown.err()).toContain('Usage: threatwright convert <in> <out>')

    const missing = capturingContext()
    expect(await runConvert([samplePath], missing)).toBe(1)
    expect(missing.err()).toContain("missing <out> for 'convert'")
  })
})
