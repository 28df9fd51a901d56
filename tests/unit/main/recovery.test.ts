/**
 * Never lose work: autosaved recovery copies, the recovery offer on start (only copies that differ from
 * the file on disk), and detecting that the open file changed on disk. Real files in a temp folder; the
 * handlers' fake two-format registry (handler-fakes.ts) stands in for importers/registry.ts.
 */
import { readdir, readFile, utimes, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createNodeFiles } from '../../../src-main/handlers/node-files'
import { createRecoveryStorage, RECOVERY_FOLDER_NAME } from '../../../src-main/recovery/recovery-storage'
import { createRecoveryStore } from '../../../src-main/recovery/recovery-store'
import { fakeRegistry, makeHandlers, memoryRecentFiles, nativeBytes, temporaryFolder, testModel, yamlBytes } from './handler-fakes'

const KEY = 'doc-0123456789'

async function setup(mode: 'electron' | 'browser' = 'electron') {
  const dataFolder = await temporaryFolder()
  const userFolder = await temporaryFolder()
  const files = createNodeFiles()
  let clock = Date.parse('2026-11-26T10:00:00Z')
  const recovery = createRecoveryStore({
    storage: createRecoveryStorage(dataFolder),
    registry: fakeRegistry,
    files,
    now: () => new Date((clock += 1000))
  })
  const made = makeHandlers({ mode, recovery, files })
  return { ...made, dataFolder, userFolder, recovery }
}

function autosave(documentKey: string, title: string, path: string | null, formatId = 'native') {
  return { documentKey, model: testModel(title), path, fileName: path === null ? 'Untitled.twm' : path.split('/').at(-1) ?? 'x', formatId }
}

describe('document:autosave and crash recovery', () => {
  it('writes one recovery copy per document into the data folder, atomically, replacing the previous one', async () => {
    const { handlers, dataFolder } = await setup()
    expect(await handlers.dispatch('document:autosave', autosave(KEY, 'First', null))).toEqual({ kind: 'saved' })
    expect(await handlers.dispatch('document:autosave', autosave(KEY, 'Second', null))).toEqual({ kind: 'saved' })
    const names = await readdir(join(dataFolder, RECOVERY_FOLDER_NAME))
    // No temp file and no .bak left behind: exactly one complete copy.
    expect(names).toEqual([`${KEY}.recovery.json`])
    expect(await readFile(join(dataFolder, RECOVERY_FOLDER_NAME, names[0] ?? ''), 'utf8')).toContain('Second')
  })

  it('keeps the order of autosaves of one document even when they are sent without waiting', async () => {
    const { handlers, recovery } = await setup()
    await Promise.all(['A', 'B', 'C', 'D'].map((title) => handlers.dispatch('document:autosave', autosave(KEY, title, null))))
    const recovered = await recovery.recover(KEY)
    expect(recovered.kind === 'opened' ? recovered.document.model.metadata.title : null).toBe('D')
  })

  it('after a crash, offers a never-saved document and a document whose file on disk differs; restores it', async () => {
    const { handlers, userFolder } = await setup()
    const path = join(userFolder, 'shop.twm')
    await writeFile(path, nativeBytes(testModel('On disk')))
    await handlers.dispatch('document:autosave', autosave('untitled-1234', 'Never saved', null))
    await handlers.dispatch('document:autosave', autosave(KEY, 'Edited after the last save', path))
    const offered = await handlers.dispatch('document:recovery-list', null)
    expect(offered).toMatchObject([
      { id: KEY, path, fileName: 'shop.twm', formatId: 'native', reason: 'differs-from-disk' },
      { id: 'untitled-1234', path: null, reason: 'never-saved' }
    ])
    const restored = await handlers.dispatch('document:recover', { id: KEY })
    expect(restored).toMatchObject({ kind: 'opened', document: { path, fileName: 'shop.twm', formatId: 'native', model: { metadata: { title: 'Edited after the last save' } } } })
    // Restoring does not write the user's file: that is the user's Save.
    expect(await readFile(path, 'utf8')).toContain('On disk')
  })

  it('does not offer, and deletes, a copy equal to the file on disk (saved before the crash), also for an imported format', async () => {
    const { handlers, userFolder, dataFolder } = await setup()
    const native = join(userFolder, 'saved.twm')
    const imported = join(userFolder, 'imported.yaml')
    const model = testModel('Same')
    await writeFile(native, nativeBytes(model))
    await writeFile(imported, yamlBytes(model))
    // The same model object: emptyModel gives every new model a fresh id.
    await handlers.dispatch('document:autosave', { ...autosave('saved-document', 'Same', native), model })
    await handlers.dispatch('document:autosave', { ...autosave('imported-document', 'Same', imported, 'fake-yaml'), model })
    expect(await handlers.dispatch('document:recovery-list', null)).toEqual([])
    expect(await readdir(join(dataFolder, RECOVERY_FOLDER_NAME))).toEqual([])
  })

  it('says when the file on disk is gone, and drops copies it cannot parse', async () => {
    const { handlers, userFolder, dataFolder } = await setup()
    await handlers.dispatch('document:autosave', autosave(KEY, 'Orphan', join(userFolder, 'deleted.twm')))
    await writeFile(join(dataFolder, RECOVERY_FOLDER_NAME, 'broken-copy-1.recovery.json'), '{"kind":"threatwright-recovery", "vers')
    expect(await handlers.dispatch('document:recovery-list', null)).toMatchObject([{ id: KEY, reason: 'missing-on-disk' }])
    expect(await readdir(join(dataFolder, RECOVERY_FOLDER_NAME))).toEqual([`${KEY}.recovery.json`])
  })

  it('discards a copy (after a save, or when the user declines it)', async () => {
    const { handlers } = await setup()
    await handlers.dispatch('document:autosave', autosave(KEY, 'Declined', null))
    expect(await handlers.dispatch('document:recovery-discard', { id: KEY })).toBeNull()
    expect(await handlers.dispatch('document:recovery-list', null)).toEqual([])
    expect(await handlers.dispatch('document:recover', { id: KEY })).toMatchObject({ kind: 'failed', diagnostics: [{ code: 'main.recovery.missing' }] })
  })

  it('refuses an invalid model instead of writing a copy that could not be restored', async () => {
    const { handlers } = await setup()
    const broken = { ...testModel('Broken'), diagrams: [{ id: 7 }] }
    const outcome = await handlers.dispatch('document:autosave', { ...autosave(KEY, 'x', null), model: broken })
    expect(outcome).toMatchObject({ kind: 'failed' })
    expect(await handlers.dispatch('document:recovery-list', null)).toEqual([])
  })

  it('rejects document keys that could name a file outside the recovery folder', async () => {
    const { handlers } = await setup()
    for (const documentKey of ['../../etc/passwd', 'short', 'a/b/c/d/e/f/g', `${'x'.repeat(65)}`, 'with space 123']) {
      await expect(handlers.dispatch('document:autosave', autosave(documentKey, 'x', null))).rejects.toThrow(/documentKey/)
    }
    await expect(handlers.dispatch('document:recover', { id: '../recent-files' })).rejects.toThrow(/'id'/)
    await expect(handlers.dispatch('document:autosave', { ...autosave(KEY, 'x', 'relative/path.twm') })).rejects.toThrow(/absolute/)
  })

  it('browser mode keeps copies in its data folder and offers them all (it never reads the user disk)', async () => {
    const { handlers, dataFolder } = await setup('browser')
    await handlers.dispatch('document:autosave', autosave(KEY, 'In the browser', null))
    expect(await readdir(join(dataFolder, RECOVERY_FOLDER_NAME))).toEqual([`${KEY}.recovery.json`])
    expect(await handlers.dispatch('document:recovery-list', null)).toMatchObject([{ id: KEY, reason: 'never-saved' }])
  })

  it('without a recovery store (older wiring), autosave fails softly and nothing is offered', async () => {
    const { handlers } = makeHandlers()
    expect(await handlers.dispatch('document:autosave', autosave(KEY, 'x', null))).toMatchObject({ kind: 'failed', diagnostics: [{ code: 'main.recovery.unavailable' }] })
    expect(await handlers.dispatch('document:recovery-list', null)).toEqual([])
  })
})

describe('document:check-changed', () => {
  async function opened() {
    const folder = await temporaryFolder()
    const path = join(folder, 'shop.twm')
    await writeFile(path, nativeBytes(testModel('Original')))
    const made = makeHandlers({ recentFiles: memoryRecentFiles([path]) })
    expect(await made.handlers.dispatch('document:open-recent', { path })).toMatchObject({ kind: 'opened' })
    return { ...made, path }
  }

  it('is unchanged right after open, and after a touch that keeps the content', async () => {
    const { handlers, path } = await opened()
    expect(await handlers.dispatch('document:check-changed', { path, acknowledge: false })).toEqual({ kind: 'unchanged' })
    const later = new Date(Date.now() + 60_000)
    await utimes(path, later, later)
    expect(await handlers.dispatch('document:check-changed', { path, acknowledge: false })).toEqual({ kind: 'unchanged' })
  })

  it('reports a change of content even when size and mtime are kept (hash compared after mtime moves)', async () => {
    const { handlers, path } = await opened()
    await writeFile(path, nativeBytes(testModel('Colleague')))
    expect(await handlers.dispatch('document:check-changed', { path, acknowledge: false })).toMatchObject({ kind: 'changed' })
    // "Keep mine": acknowledged, so only a newer change is reported again.
    expect(await handlers.dispatch('document:check-changed', { path, acknowledge: true })).toMatchObject({ kind: 'changed' })
    expect(await handlers.dispatch('document:check-changed', { path, acknowledge: false })).toEqual({ kind: 'unchanged' })
  })

  it('reports a deleted file as missing, and our own save as no change', async () => {
    const { handlers, path } = await opened()
    await handlers.dispatch('document:save', { model: testModel('Saved by us'), path, formatId: 'native' })
    expect(await handlers.dispatch('document:check-changed', { path, acknowledge: false })).toEqual({ kind: 'unchanged' })
    const { unlink } = await import('node:fs/promises')
    await unlink(path)
    expect(await handlers.dispatch('document:check-changed', { path, acknowledge: false })).toEqual({ kind: 'missing' })
  })

  it('answers not-tracked for a path this session never opened or saved (no probing of other files)', async () => {
    const { handlers } = await opened()
    expect(await handlers.dispatch('document:check-changed', { path: '/etc/passwd', acknowledge: false })).toEqual({ kind: 'not-tracked' })
  })
})
