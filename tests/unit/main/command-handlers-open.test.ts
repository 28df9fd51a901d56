import { readFileSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { OpenOutcome } from '../../../src-shared/ipc-contract'
import { defaultFormatRegistry } from '../../../src-main/handlers/command-handlers'
import { CommandRejectedError } from '../../../src-main/handlers/errors'
import { writeNative } from '../../../importers/native/write-native'
import { corpusFiles } from '../../corpus'
import { makeHandlers, memoryRecentFiles, nativeBytes, temporaryFolder, testModel, yamlBytes } from './handler-fakes'

function base64(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64')
}

function openedTitle(outcome: OpenOutcome): string {
  if (outcome.kind !== 'opened') throw new Error(`expected opened, got ${JSON.stringify(outcome)}`)
  return outcome.document.model.metadata.title
}

describe('command handlers: app info and formats', () => {
  it('answers app:info with the injected version and mode', async () => {
    const { handlers } = makeHandlers({ mode: 'browser' })
    expect(await handlers.dispatch('app:info', null)).toEqual({ name: 'Threatwright', version: '1.2.3', mode: 'browser' })
  })

  it('lists formats with what each can do', async () => {
    const { handlers } = makeHandlers()
    const formats = await handlers.run('formats:list', null)
    expect(formats.map((format) => [format.id, format.canRead, format.canWrite])).toEqual([
      ['native', true, true],
      ['fake-yaml', true, true],
      ['read-only', true, false]
    ])
  })

  it('passes the menu state to the port, and is a no-op where there is no native menu', async () => {
    const states: unknown[] = []
    const { handlers } = makeHandlers({ setMenuState: (state) => states.push(state) })
    await handlers.dispatch('menu:set-state', { disabled: ['edit.undo'], checked: ['view.toggle-grid'] })
    expect(states).toEqual([{ disabled: ['edit.undo'], checked: ['view.toggle-grid'] }])
    await expect(makeHandlers().handlers.dispatch('menu:set-state', { disabled: [], checked: [] })).resolves.toBeNull()
    const tooMany = { disabled: Array.from({ length: 1001 }, () => 'edit.undo'), checked: [] }
    await expect(makeHandlers().handlers.dispatch('menu:set-state', tooMany)).rejects.toThrow(/more than 1000/)
  })

  it('reports dirty state through the port', async () => {
    const { handlers, dirtyCalls } = makeHandlers()
    await handlers.dispatch('document:set-dirty', { dirty: true })
    await handlers.dispatch('document:set-dirty', { dirty: false })
    expect(dirtyCalls).toEqual([true, false])
  })
})

describe('command handlers: opening', () => {
  it('opens the embedded sample through the registry, with no path', async () => {
    const { handlers } = makeHandlers()
    const outcome = await handlers.dispatch('document:open-sample', null)
    expect(outcome).toMatchObject({ kind: 'opened', document: { fileName: 'web-shop.twm', path: null, formatId: 'native' } })
    expect(openedTitle(outcome as OpenOutcome)).toBe('Sample shop')
  })

  it('opens uploaded bytes by content, whatever the name says', async () => {
    const { handlers } = makeHandlers()
    const outcome = (await handlers.dispatch('document:open-bytes', {
      fileName: 'looks-native.twm',
      base64: base64(yamlBytes(testModel('From YAML')))
    })) as OpenOutcome
    expect(outcome).toMatchObject({ kind: 'opened', document: { fileName: 'looks-native.twm', path: null, formatId: 'fake-yaml' } })
    expect(openedTitle(outcome)).toBe('From YAML')
  })

  it('sends the TMT template a .tm7 embeds with the document, and none for a model without one', async () => {
    const { handlers } = makeHandlers({ registry: defaultFormatRegistry })
    for (const path of corpusFiles('tm7', ['.tm7'])) {
      const outcome = (await handlers.dispatch('document:open-bytes', { fileName: basename(path), base64: base64(new Uint8Array(readFileSync(path))) })) as OpenOutcome
      if (outcome.kind !== 'opened') throw new Error(`${path} did not open`)
      const { embeddedTemplate } = outcome.document
      // The KnowledgeBase's <Manifest> as the file's text gives it (the first one: a file may quote another).
      const manifest = /<(?:\w+:)?Manifest>([\s\S]*?)<\/(?:\w+:)?Manifest>/.exec(readFileSync(path, 'utf8'))?.[1] ?? ''
      const field = (name: string): string => new RegExp(`<(?:\\w+:)?${name}>([^<]*)<`).exec(manifest)?.[1]?.trim() ?? `(no ${name})`
      expect(embeddedTemplate?.ref, basename(path)).toEqual({ id: field('Id'), name: field('Name'), version: field('Version') })
      expect(embeddedTemplate?.threatTypes.length).toBeGreaterThan(0)
    }
    // The real sample (samples/web-shop.twm), a model made in Threatwright.
    const native = (await makeHandlers({ registry: defaultFormatRegistry, sample: undefined }).handlers.dispatch('document:open-sample', null)) as OpenOutcome
    if (native.kind !== 'opened') throw new Error(`the sample did not open: ${JSON.stringify(native)}`)
    expect(native.document.embeddedTemplate).toBeUndefined()
  })

  it('sends the .tb7 a .twm stores from Apply Template, and none when that text was cut in half', async () => {
    const templatePath = corpusFiles('tb7', ['.tb7']).find((path) => basename(path).startsWith('azure-cloud-services-1.0.0.33'))
    if (templatePath === undefined) throw new Error('azure-cloud-services-1.0.0.33.tb7 is missing from the corpus')
    const text = new TextDecoder().decode(readFileSync(templatePath))
    const manifest = /<Manifest\b[^>]*>/.exec(text)?.[0] ?? ''
    const attribute = (key: string): string => new RegExp(`\\s${key}="([^"]*)"`).exec(manifest)?.[1] ?? `(no ${key})`
    const ref = { id: attribute('id'), name: attribute('name'), version: attribute('version') }
    const sample = testModel('Applied')
    const open = async (bag: { fileName: string; text: string }): Promise<OpenOutcome> =>
      (await makeHandlers({ registry: defaultFormatRegistry }).handlers.dispatch('document:open-bytes', {
        fileName: 'applied.twm',
        base64: base64(writeNative({ ...sample, template: ref, extensions: { ...sample.extensions, tb7: bag } }).bytes)
      })) as OpenOutcome

    const stored = await open({ fileName: basename(templatePath), text })
    if (stored.kind !== 'opened') throw new Error(`did not open: ${JSON.stringify(stored)}`)
    expect(stored.document.embeddedTemplate?.ref).toEqual(ref)
    expect(stored.document.embeddedTemplate?.threatTypes).toHaveLength(text.match(/<ThreatType>/g)?.length ?? -1)

    const tampered = await open({ fileName: basename(templatePath), text: text.slice(0, text.length / 2) })
    if (tampered.kind !== 'opened') throw new Error(`a damaged stored template must not stop the model opening: ${JSON.stringify(tampered)}`)
    expect(tampered.document.embeddedTemplate).toBeUndefined()
    expect(tampered.document.model.template).toEqual(ref)
  })

  it('keeps an uploaded name to one path segment', async () => {
    const { handlers } = makeHandlers()
    const outcome = await handlers.run('document:open-bytes', { fileName: '../../etc/model.twm', base64: base64(nativeBytes(testModel())) })
    expect(outcome).toMatchObject({ kind: 'opened', document: { fileName: 'model.twm' } })
  })

  it('turns unreadable bytes into a failed outcome with the reader diagnostics', async () => {
    const { handlers } = makeHandlers()
    const outcome = await handlers.run('document:open-bytes', { fileName: 'junk.bin', base64: base64(new TextEncoder().encode('junk')) })
    expect(outcome).toEqual({
      kind: 'failed',
      fileName: 'junk.bin',
      diagnostics: [expect.objectContaining({ code: 'test.unknown', severity: 'error' })]
    })
  })

  it('turns a throwing reader into a failed outcome instead of a rejected promise', async () => {
    const { handlers } = makeHandlers({
      registry: {
        formats: [],
        readModelFile: () => {
          throw new Error('reader bug')
        },
        detectFormat: () => null,
        writeModel: () => ({ bytes: new Uint8Array(), diagnostics: [] })
      }
    })
    const outcome = await handlers.run('document:open-sample', null)
    expect(outcome).toMatchObject({ kind: 'failed', diagnostics: [{ code: 'main.read.crashed', message: expect.stringContaining('reader bug') }] })
  })

  it('opens the file picked in the Open dialog and remembers it', async () => {
    const folder = await temporaryFolder()
    const path = join(folder, 'shop.twm')
    await writeFile(path, nativeBytes(testModel('On disk')))
    const { handlers, dialogs, recentFiles } = makeHandlers()
    dialogs.openAnswer = path
    const outcome = await handlers.run('document:open-dialog', null)
    expect(outcome).toMatchObject({ kind: 'opened', document: { fileName: 'shop.twm', path, formatId: 'native' } })
    expect(recentFiles.paths).toEqual([path])
  })

  it('answers cancelled when the Open dialog is cancelled, and in browser mode without asking', async () => {
    const desktop = makeHandlers()
    expect(await desktop.handlers.run('document:open-dialog', null)).toEqual({ kind: 'cancelled' })
    expect(desktop.dialogs.calls).toEqual(['showOpen'])
    const browser = makeHandlers({ mode: 'browser' })
    expect(await browser.handlers.run('document:open-dialog', null)).toEqual({ kind: 'cancelled' })
    expect(browser.dialogs.calls).toEqual([])
  })

  it('reports a missing recent file by name and drops it from the list', async () => {
    const folder = await temporaryFolder()
    const missing = join(folder, 'gone.twm')
    const recentFiles = memoryRecentFiles([missing, '/elsewhere/kept.twm'])
    const { handlers } = makeHandlers({ recentFiles })
    const outcome = await handlers.dispatch('document:open-recent', { path: missing })
    expect(outcome).toEqual({
      kind: 'failed',
      fileName: 'gone.twm',
      diagnostics: [expect.objectContaining({ code: 'main.file.missing', message: expect.stringContaining(missing) })]
    })
    expect(recentFiles.paths).toEqual(['/elsewhere/kept.twm'])
  })

  it('refuses to open by path a file that is not in the recent list', async () => {
    const folder = await temporaryFolder()
    const path = join(folder, 'secret.twm')
    await writeFile(path, nativeBytes(testModel('Secret')))
    const { handlers } = makeHandlers()
    const outcome = await handlers.dispatch('document:open-recent', { path })
    expect(outcome).toMatchObject({ kind: 'failed', diagnostics: [{ code: 'main.recent.unknown' }] })
  })

  it('opens a recent file and moves it to the top of the list', async () => {
    const folder = await temporaryFolder()
    const path = join(folder, 'shop.yaml')
    await writeFile(path, yamlBytes(testModel('Recent')))
    const recentFiles = memoryRecentFiles(['/other.twm', path])
    const { handlers } = makeHandlers({ recentFiles })
    const outcome = await handlers.run('document:open-recent', { path })
    expect(openedTitle(outcome)).toBe('Recent')
    expect(recentFiles.paths).toEqual([path, '/other.twm'])
    expect(await handlers.dispatch('document:recent-list', null)).toEqual([path, '/other.twm'])
  })

  it('refuses a file above the size limit without reading it', async () => {
    const folder = await temporaryFolder()
    const path = join(folder, 'huge.twm')
    await writeFile(path, nativeBytes(testModel()))
    const { handlers } = makeHandlers({
      files: {
        readFile: async (file, maxBytes) => {
          const { FileTooLargeError } = await import('../../../src-main/handlers/errors')
          throw new FileTooLargeError(file, maxBytes)
        },
        stat: async () => null,
        writeAtomic: async () => {
          throw new Error('unused')
        }
      }
    })
    const outcome = await handlers.openPath(path)
    expect(outcome).toMatchObject({ kind: 'failed', diagnostics: [{ code: 'main.file.too-large' }] })
  })
})

describe('command handlers: refusing bad requests', () => {
  it('rejects an unknown command', async () => {
    const { handlers } = makeHandlers()
    await expect(handlers.dispatch('document:delete-everything', null)).rejects.toThrow(CommandRejectedError)
    await expect(handlers.dispatch(42, null)).rejects.toThrow(/Unknown command/)
  })

  it.each([
    ['app:info', { surprise: true }],
    ['document:open-bytes', { fileName: 'a.twm' }],
    ['document:open-bytes', { fileName: 'a.twm', base64: 'not base64!' }],
    ['document:open-bytes', { fileName: '', base64: '' }],
    ['document:open-recent', { path: 'relative/path.twm' }],
    ['document:open-recent', { path: 7 }],
    ['document:save', { model: testModel(), path: null }],
    ['document:save', { model: { id: 'x' }, path: null, formatId: 'native' }],
    ['document:save', { model: testModel(), path: null, formatId: 'native', extra: 1 }],
    ['document:export', { model: testModel(), formatId: '../native', suggestedName: 'x' }],
    ['document:native-sha256', { model: { id: 'x' } }],
    ['document:native-sha256', { model: testModel(), path: '/x.twm' }],
    ['document:set-dirty', { dirty: 'yes' }],
    ['document:set-dirty', null],
    ['menu:set-state', { disabled: 'edit.undo', checked: [] }],
    ['menu:set-state', { disabled: [7], checked: [] }],
    ['menu:set-state', { disabled: [], checked: [], extra: [] }]
  ])('rejects %s with payload %j', async (name, payload) => {
    const { handlers } = makeHandlers()
    await expect(handlers.dispatch(name, payload)).rejects.toThrow(CommandRejectedError)
  })
})
