import { describe, expect, it, vi } from 'vitest'
import type { ThreatModel } from '../../model/model'
import { DocumentStore } from '../../src-renderer/src/document/document-store.svelte'
import { FakeBackend, shopDocument } from './fake-backend'

function setup(api: FakeBackend, confirm = vi.fn(() => true)) {
  const events: string[] = []
  const host = {
    confirm,
    download: vi.fn(),
    close: vi.fn(() => events.push('close'))
  }
  const store = new DocumentStore(api, host)
  const originalInvoke = api.invoke.bind(api)
  api.invoke = (async (name: string, request: unknown) => {
    events.push(`${name}${name === 'document:set-dirty' ? `=${String((request as { dirty: boolean }).dirty)}` : ''}`)
    return originalInvoke(name as never, request as never)
  }) as FakeBackend['invoke']
  return { store, host, events }
}

describe('DocumentStore', () => {
  it('titles the window with the file name and a dirty marker, and tells main on change only', async () => {
    const { store, events } = setup(new FakeBackend())
    await store.openSample()
    expect(store.title).toBe('web-shop.twm — Threatwright')

    store.setDirty(true)
    store.setDirty(true)
    expect(store.title).toBe('● web-shop.twm — Threatwright')
    expect(events.filter((event) => event.startsWith('document:set-dirty'))).toEqual(['document:set-dirty=true'])
  })

  it('asks before replacing unsaved work, and a "no" shows no dialog', async () => {
    const confirm = vi.fn(() => false)
    const { store, events } = setup(new FakeBackend({ 'document:open-dialog': () => ({ kind: 'cancelled' }) }), confirm)
    await store.openSample()
    store.setDirty(true)

    await store.openWithDialog()

    expect(confirm).toHaveBeenCalledOnce()
    expect(events).not.toContain('document:open-dialog')
    expect(store.current?.fileName).toBe('web-shop.twm')
  })

  it('Save and Close: saves, reports clean, then closes', async () => {
    const api = new FakeBackend({
      'document:save': () => ({ kind: 'written', path: '/home/ana/shop.twm', backupPath: null })
    })
    const { store, events } = setup(api)
    await store.openSample()
    store.setDirty(true)

    await store.saveAndClose()

    // A save also discards the crash-recovery copy (autosave.ts), best effort, in between.
    expect(events.slice(-4)).toEqual(['document:save', 'document:set-dirty=false', 'document:recovery-discard', 'close'])
    expect(store.current).toMatchObject({ fileName: 'shop.twm', path: '/home/ana/shop.twm', formatId: 'native' })
    expect(store.dirty).toBe(false)
  })

  it('a failed save keeps the window open and shows why', async () => {
    const api = new FakeBackend({
      'document:save': () => ({
        kind: 'failed',
        diagnostics: [{ code: 'io.write', severity: 'error', message: 'disk full', location: { file: 'shop.twm' } }]
      })
    })
    const { store, host } = setup(api)
    await store.openSample()

    await store.saveAndClose()

    expect(host.close).not.toHaveBeenCalled()
    expect(store.report).toMatchObject({ tone: 'error', title: 'Could not save web-shop.twm' })
  })

  it('shows what a lossy export dropped, without adopting the exported file', async () => {
    const api = new FakeBackend({
      'document:export': () => ({
        kind: 'download',
        fileName: 'web-shop.yaml',
        base64: 'e30=',
        diagnostics: [{ code: 'threagile.lossy', severity: 'warning', message: 'line boundaries dropped', location: {} }]
      })
    })
    const { store, host } = setup(api)
    await store.openSample()

    await store.exportAs('threagile', '.yaml')

    expect(host.download).toHaveBeenCalledWith('web-shop.yaml', 'e30=')
    expect(store.report).toMatchObject({ tone: 'report', title: 'Export report for web-shop.yaml' })
    expect(store.current?.fileName).toBe('web-shop.twm')
    const request = api.calls.find((call) => call.name === 'document:export')?.request
    expect(request).toMatchObject({ formatId: 'threagile', suggestedName: 'web-shop.yaml' })
  })

  it('replaces the document when main sends one, keeping it when the user declines', async () => {
    const confirm = vi.fn(() => false)
    const { store } = setup(new FakeBackend(), confirm)
    await store.openSample()
    store.setDirty(true)
    store.receive({ kind: 'opened', document: { ...shopDocument(), fileName: 'other.twm' } })
    expect(store.current?.fileName).toBe('web-shop.twm')

    confirm.mockReturnValue(true)
    store.receive({ kind: 'opened', document: { ...shopDocument(), fileName: 'other.twm' } })
    expect(store.current?.fileName).toBe('other.twm')
    expect(store.dirty).toBe(false)
  })
})

describe('DocumentStore edit history', () => {
  const rename = (title: string) => (model: ThreatModel) => ({ ...model, metadata: { ...model.metadata, title } })

  it('records edits as undoable steps, and undoing back to the saved model makes it clean again', async () => {
    const { store } = setup(new FakeBackend())
    await store.openSample()
    const opened = store.current!.model
    expect(store.canUndo).toBe(false)

    store.edit('Rename model', rename('First'))
    store.edit('Rename model', rename('Second'))
    expect(store.current!.model.metadata.title).toBe('Second')
    expect(store.dirty).toBe(true)
    expect(store.undoLabel).toBe('Rename model')

    store.undo()
    store.undo()
    expect(store.current!.model).toBe(opened)
    expect(store.dirty).toBe(false)
    expect(store.canRedo).toBe(true)

    store.redo()
    expect(store.current!.model.metadata.title).toBe('First')
    expect(store.dirty).toBe(true)
  })

  it('merges a run of edits with one coalesce key, and records nothing for no change', async () => {
    const { store } = setup(new FakeBackend())
    await store.openSample()
    for (const title of ['a', 'ab', 'abc']) store.edit('Type title', rename(title), 'title')
    store.edit('Nothing', (model) => model)
    expect(store.history!.past).toHaveLength(1)
    store.undo()
    expect(store.canUndo).toBe(false)
  })

  it('starts a fresh history when a file is opened (loading is not undoable)', async () => {
    const { store } = setup(new FakeBackend())
    await store.openSample()
    store.edit('Rename model', rename('Changed'))
    store.setDirty(false)
    await store.openSample()
    expect(store.canUndo).toBe(false)
  })
})

describe('DocumentStore: the model hash for a report (issue 9)', () => {
  const FILE_HASH = 'a'.repeat(64)
  const WRITTEN_HASH = 'b'.repeat(64)
  const NATIVE_HASH = 'c'.repeat(64)
  const rename = (title: string) => (model: ThreatModel) => ({ ...model, metadata: { ...model.metadata, title } })

  function hashingBackend(save: () => Promise<void> = async () => undefined): FakeBackend {
    return new FakeBackend({
      'document:open-sample': () => ({ kind: 'opened', document: { ...shopDocument(), fileSha256: FILE_HASH } }),
      'document:native-sha256': () => ({ kind: 'hashed', sha256: NATIVE_HASH }),
      'document:save': async () => {
        await save()
        return { kind: 'written', path: '/home/ana/shop.twm', backupPath: null, sha256: WRITTEN_HASH }
      },
      'document:export': () => ({ kind: 'written', path: '/home/ana/shop.yaml', backupPath: null, sha256: 'd'.repeat(64) })
    })
  }

  it('is the opened bytes\' hash until an edit, main\'s hash of what Save would write after it, and the file\'s again on undo', async () => {
    const { store } = setup(hashingBackend())
    await store.openSample()
    expect(await store.modelHashForReport()).toEqual({ kind: 'file', sha256: FILE_HASH })
    store.edit('Rename model', rename('Changed'))
    expect(await store.modelHashForReport()).toEqual({ kind: 'unsaved', sha256: NATIVE_HASH })
    store.undo()
    expect(await store.modelHashForReport()).toEqual({ kind: 'file', sha256: FILE_HASH })
  })

  it('takes the written bytes\' hash from a save, and none from an export', async () => {
    const { store } = setup(hashingBackend())
    await store.openSample()
    await store.exportAs('fake-yaml', '.yaml')
    expect(await store.modelHashForReport()).toEqual({ kind: 'file', sha256: FILE_HASH })
    store.edit('Rename model', rename('Changed'))
    await store.save()
    expect(store.current?.fileSha256).toBe(WRITTEN_HASH)
    expect(await store.modelHashForReport()).toEqual({ kind: 'file', sha256: WRITTEN_HASH })
  })

  it('keeps an edit made while the save was in flight unsaved', async () => {
    let editDuringSave = (): void => undefined
    const { store } = setup(hashingBackend(async () => editDuringSave()))
    await store.openSample()
    store.edit('Rename model', rename('Saved'))
    editDuringSave = () => store.edit('Rename model', rename('Typed while saving'))
    await store.save()
    expect(store.current?.fileSha256).toBe(WRITTEN_HASH)
    expect(store.dirty).toBe(true)
    expect(await store.modelHashForReport()).toEqual({ kind: 'unsaved', sha256: NATIVE_HASH })
  })

  it('has no file hash for a new model', async () => {
    const { store } = setup(hashingBackend())
    store.newDocument()
    expect(await store.modelHashForReport()).toEqual({ kind: 'unsaved', sha256: NATIVE_HASH })
  })
})
