import { createHash } from 'node:crypto'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { SaveOutcome } from '../../../src-shared/ipc-contract'
import { CommandRejectedError } from '../../../src-main/handlers/errors'
import { NATIVE_MARKER, YAML_MARKER, makeHandlers, memoryRecentFiles, nativeBytes, temporaryFolder, testModel, yamlBytes } from './handler-fakes'

const sha256Of = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex')

async function textOf(path: string): Promise<string> {
  return readFile(path, 'utf8')
}

describe('document:save', () => {
  it('writes a native document in place, atomically, keeping a backup', async () => {
    const folder = await temporaryFolder()
    const path = join(folder, 'shop.twm')
    await writeFile(path, nativeBytes(testModel('Old')))
    const { handlers, dialogs } = makeHandlers({ recentFiles: memoryRecentFiles([path]) })
    const outcome = await handlers.dispatch('document:save', { model: testModel('New'), path, formatId: 'native' })
    expect(outcome).toEqual({ kind: 'written', path, backupPath: `${path}.bak`, diagnostics: [], sha256: sha256Of(await readFile(path)) })
    expect(await textOf(path)).toContain('"title":"New"')
    expect(await textOf(`${path}.bak`)).toContain('"title":"Old"')
    expect(dialogs.calls).toEqual([])
  })

  it('never overwrites an imported file: a .yaml document goes to Save As suggesting <name>.twm next to it', async () => {
    const folder = await temporaryFolder()
    const path = join(folder, 'shop.yaml')
    const original = yamlBytes(testModel('Imported'))
    await writeFile(path, original)
    const { handlers, dialogs } = makeHandlers({ recentFiles: memoryRecentFiles([path]) })
    dialogs.saveAnswer = join(folder, 'shop.twm')
    const outcome = await handlers.run('document:save', { model: testModel('Edited'), path, formatId: 'fake-yaml' })
    expect(dialogs.calls).toEqual([`showSave ${join(folder, 'shop.twm')} native`])
    expect(outcome).toMatchObject({ kind: 'written', path: join(folder, 'shop.twm'), backupPath: null })
    expect(await textOf(path)).toBe(new TextDecoder().decode(original))
    expect(await textOf(join(folder, 'shop.twm'))).toMatch(new RegExp(`^${NATIVE_MARKER.replace(/[{"]/g, '\\$&')}`))
  })

  it('goes to Save As when a ".twm" on disk now holds another format', async () => {
    const folder = await temporaryFolder()
    const path = join(folder, 'shop.twm')
    await writeFile(path, yamlBytes(testModel('Not native inside')))
    const { handlers, dialogs } = makeHandlers({ recentFiles: memoryRecentFiles([path]) })
    const outcome = await handlers.run('document:save', { model: testModel(), path, formatId: 'native' })
    expect(outcome).toEqual({ kind: 'cancelled' })
    expect(dialogs.calls).toEqual([`showSave ${path} native`])
    expect(await textOf(path)).toMatch(new RegExp(`^${YAML_MARKER}`))
  })

  it('does not write in place to a path the user never opened or chose', async () => {
    const folder = await temporaryFolder()
    const path = join(folder, 'victim.twm')
    await writeFile(path, nativeBytes(testModel('Victim')))
    const { handlers, dialogs } = makeHandlers()
    const outcome = await handlers.run('document:save', { model: testModel('Attacker'), path, formatId: 'native' })
    expect(outcome).toEqual({ kind: 'cancelled' })
    expect(dialogs.calls).toEqual([`showSave ${path} native`])
    expect(await textOf(path)).toContain('"title":"Victim"')
  })

  it('saves a new document through Save As named after its title', async () => {
    const folder = await temporaryFolder()
    const { handlers, dialogs, recentFiles } = makeHandlers()
    dialogs.saveAnswer = join(folder, 'chosen')
    const outcome = await handlers.run('document:save', { model: testModel('Payments: API/v2'), path: null, formatId: 'native' })
    expect(dialogs.calls).toEqual(['showSave Payments_ API_v2.twm native'])
    // Linux dialogs do not append the extension; we do.
    expect(outcome).toMatchObject({ kind: 'written', path: join(folder, 'chosen.twm') })
    expect(recentFiles.paths).toEqual([join(folder, 'chosen.twm')])
  })

  it('after a Save As, saves to that path in place', async () => {
    const folder = await temporaryFolder()
    const { handlers, dialogs } = makeHandlers()
    const chosen = join(folder, 'chosen.twm')
    dialogs.saveAnswer = chosen
    await handlers.run('document:save-as', { model: testModel('First'), suggestedName: 'x.twm' })
    const outcome = await handlers.run('document:save', { model: testModel('Second'), path: chosen, formatId: 'native' })
    expect(outcome).toMatchObject({ kind: 'written', path: chosen, backupPath: `${chosen}.bak` })
    expect(dialogs.calls).toHaveLength(1)
  })

  it('asks before replacing a file of another format, and keeps it when the user says no', async () => {
    const folder = await temporaryFolder()
    const target = join(folder, 'colleague.twm')
    await writeFile(target, yamlBytes(testModel('Colleague')))
    const { handlers, dialogs } = makeHandlers()
    dialogs.saveAnswer = target
    dialogs.confirmAnswer = false
    expect(await handlers.run('document:save-as', { model: testModel(), suggestedName: 'mine.twm' })).toEqual({ kind: 'cancelled' })
    expect(dialogs.calls).toEqual(['showSave mine.twm native', `confirmForeign ${target} Fake YAML -> Threatwright model`])
    expect(await textOf(target)).toMatch(new RegExp(`^${YAML_MARKER}`))

    dialogs.confirmAnswer = true
    const outcome = await handlers.run('document:save-as', { model: testModel('Mine'), suggestedName: 'mine.twm' })
    expect(outcome).toMatchObject({ kind: 'written', path: target, backupPath: `${target}.bak` })
    expect(await textOf(`${target}.bak`)).toMatch(new RegExp(`^${YAML_MARKER}`))
  })

  it('does not ask again when the chosen native file exists (the OS dialog already asked)', async () => {
    const folder = await temporaryFolder()
    const target = join(folder, 'mine.twm')
    await writeFile(target, nativeBytes(testModel('Older')))
    const { handlers, dialogs } = makeHandlers()
    dialogs.saveAnswer = target
    const outcome = await handlers.run('document:save-as', { model: testModel('Newer'), suggestedName: 'mine' })
    expect(outcome).toMatchObject({ kind: 'written', path: target })
    expect(dialogs.calls).toEqual(['showSave mine.twm native'])
  })

  it('asks when the extension we appended names an existing file the OS dialog never asked about', async () => {
    const folder = await temporaryFolder()
    await writeFile(join(folder, 'mine.twm'), nativeBytes(testModel('Older')))
    const { handlers, dialogs } = makeHandlers()
    dialogs.saveAnswer = join(folder, 'mine')
    expect(await handlers.run('document:save-as', { model: testModel(), suggestedName: 'mine' })).toEqual({ kind: 'cancelled' })
    expect(dialogs.calls).toContain(`confirmOverwrite ${join(folder, 'mine.twm')}`)
  })

  it('returns a failed outcome naming the file when the write fails', async () => {
    const folder = await temporaryFolder()
    const { handlers, dialogs } = makeHandlers()
    dialogs.saveAnswer = join(folder, 'no-such-folder', 'x.twm')
    const outcome = await handlers.run('document:save-as', { model: testModel(), suggestedName: 'x' })
    expect(outcome).toMatchObject({ kind: 'failed', diagnostics: [{ code: 'main.file.write-failed', location: { file: join(folder, 'no-such-folder', 'x.twm') } }] })
  })

  it('returns the validator diagnostics for a model that fails validation, writing nothing', async () => {
    const { handlers, dialogs } = makeHandlers()
    const broken = { ...testModel(), diagrams: [{ id: 'd', name: 3 }] }
    const outcome = (await handlers.dispatch('document:save-as', { model: broken, suggestedName: 'x' })) as SaveOutcome
    expect(outcome.kind).toBe('failed')
    expect(dialogs.calls).toEqual([])
  })

  it('tells afterSave the outcome of save and save-as (the close prompt waits for it)', async () => {
    const seen: string[] = []
    const { handlers } = makeHandlers({ afterSave: (outcome) => seen.push(outcome.kind) })
    await handlers.run('document:save', { model: testModel(), path: null, formatId: 'native' })
    await handlers.run('document:save-as', { model: testModel(), suggestedName: 'x' })
    expect(seen).toEqual(['cancelled', 'cancelled'])
  })
})

describe('browser mode saving', () => {
  it('returns downloads for save, save-as and export, and never opens a dialog', async () => {
    const { handlers, dialogs } = makeHandlers({ mode: 'browser' })
    const save = await handlers.run('document:save', { model: testModel('Web shop'), path: null, formatId: 'fake-yaml' })
    expect(save).toMatchObject({ kind: 'download', fileName: 'Web shop.twm' })
    const saveAs = await handlers.run('document:save-as', { model: testModel(), suggestedName: 'imported.yaml' })
    expect(saveAs).toMatchObject({ kind: 'download', fileName: 'imported.twm' })
    const exported = await handlers.run('document:export', { model: testModel(), formatId: 'fake-yaml', suggestedName: 'shop.twm' })
    expect(exported).toMatchObject({ kind: 'download', fileName: 'shop.yaml' })
    if (exported.kind !== 'download') throw new Error('expected a download')
    expect(Buffer.from(exported.base64, 'base64').toString('utf8')).toMatch(new RegExp(`^${YAML_MARKER}`))
    expect(exported.diagnostics).toEqual([expect.objectContaining({ code: 'yaml.notes-dropped', severity: 'warning' })])
    expect(dialogs.calls).toEqual([])
  })
})

describe('document:export', () => {
  it('writes the chosen format and returns the lossy-export warnings', async () => {
    const folder = await temporaryFolder()
    const { handlers, dialogs } = makeHandlers()
    dialogs.saveAnswer = join(folder, 'shop.yaml')
    const outcome = await handlers.run('document:export', { model: testModel(), formatId: 'fake-yaml', suggestedName: 'shop.twm' })
    expect(dialogs.calls).toEqual(['showSave shop.yaml fake-yaml'])
    expect(outcome).toEqual({
      kind: 'written',
      path: join(folder, 'shop.yaml'),
      backupPath: null,
      diagnostics: [expect.objectContaining({ code: 'yaml.notes-dropped' })],
      sha256: sha256Of(await readFile(join(folder, 'shop.yaml')))
    })
    expect(await textOf(join(folder, 'shop.yaml'))).toMatch(new RegExp(`^${YAML_MARKER}`))
  })

  it('fails before any dialog when the writer reports an error', async () => {
    const { handlers, dialogs } = makeHandlers({
      registry: {
        ...(await import('./handler-fakes')).fakeRegistry,
        writeModel: () => ({ bytes: new Uint8Array(), diagnostics: [{ code: 'w.err', severity: 'error', message: 'cannot', location: {} }] })
      }
    })
    const outcome = await handlers.run('document:export', { model: testModel(), formatId: 'fake-yaml', suggestedName: 'x' })
    expect(outcome).toEqual({ kind: 'failed', diagnostics: [expect.objectContaining({ code: 'w.err' })] })
    expect(dialogs.calls).toEqual([])
  })

  it('rejects an unknown or read-only format', async () => {
    const { handlers } = makeHandlers()
    await expect(handlers.dispatch('document:export', { model: testModel(), formatId: 'read-only', suggestedName: 'x' })).rejects.toThrow(
      CommandRejectedError
    )
    await expect(handlers.dispatch('document:export', { model: testModel(), formatId: 'nope', suggestedName: 'x' })).rejects.toThrow(/nope/)
  })
})
