/**
 * Issue 9: "The SHA-256 in the report equals `sha256sum` of the model file." Main hashes the exact bytes it
 * reads (every way of opening) and writes (Save, Save As, browser downloads), and, for a model with unsaved
 * changes, the bytes Save would write. Expected values are computed here with node:crypto over the bytes
 * on disk, never copied from the code under test.
 */
import { createHash } from 'node:crypto'
import { copyFile, readFile } from 'node:fs/promises'
import { basename, join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { writeNative } from '../../../importers/native/write-native'
import { defaultFormatRegistry } from '../../../src-main/handlers/command-handlers'
import { SAMPLE_FILE_NAME } from '../../../samples/index'
import type { OpenedDocument, OpenOutcome, SaveOutcome } from '../../../src-shared/ipc-contract'
import { makeHandlers, memoryRecentFiles, nativeBytes, temporaryFolder, testModel } from './handler-fakes'

const SAMPLE_PATH = resolve('samples/web-shop.twm')
/** A version 1 file: it reads through a migration, so re-serialising the model cannot give its bytes. */
const FROZEN_V1_PATH = resolve('tests/fixtures/native/v1/web-shop.twm')

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex')

function opened(outcome: OpenOutcome): OpenedDocument {
  if (outcome.kind !== 'opened') throw new Error(`expected opened, got ${JSON.stringify(outcome)}`)
  return outcome.document
}

function written(outcome: SaveOutcome): Extract<SaveOutcome, { kind: 'written' }> {
  if (outcome.kind !== 'written') throw new Error(`expected written, got ${JSON.stringify(outcome)}`)
  return outcome
}

describe('opening sends the SHA-256 of the bytes read', () => {
  it('for uploaded bytes (browser mode), over the bytes, not over a re-serialisation of the model', async () => {
    const { handlers } = makeHandlers({ mode: 'browser', registry: defaultFormatRegistry })
    for (const path of [SAMPLE_PATH, FROZEN_V1_PATH]) {
      const bytes = await readFile(path)
      const document = opened((await handlers.dispatch('document:open-bytes', { fileName: basename(path), base64: bytes.toString('base64') })) as OpenOutcome)
      expect(document.fileSha256, path).toBe(sha256(bytes))
    }
    const v1 = opened(await handlers.run('document:open-bytes', { fileName: 'v1.twm', base64: (await readFile(FROZEN_V1_PATH)).toString('base64') }))
    expect(v1.fileSha256).not.toBe(sha256(writeNative(v1.model).bytes))
  })

  it('for the embedded sample, equal to sha256sum of samples/web-shop.twm', async () => {
    const { handlers } = makeHandlers({ registry: defaultFormatRegistry, sample: undefined })
    const document = opened(await handlers.run('document:open-sample', null))
    expect(document.fileName).toBe(SAMPLE_FILE_NAME)
    expect(document.fileSha256).toBe(sha256(await readFile(SAMPLE_PATH)))
  })

  it('for a file picked in the Open dialog, opened again from the recent list, and opened by the OS', async () => {
    const folder = await temporaryFolder()
    const path = join(folder, 'shop.twm')
    await copyFile(FROZEN_V1_PATH, path)
    const expected = sha256(await readFile(path))
    const { handlers, dialogs } = makeHandlers({ registry: defaultFormatRegistry })
    dialogs.openAnswer = path
    expect(opened(await handlers.run('document:open-dialog', null)).fileSha256).toBe(expected)
    expect(opened(await handlers.run('document:open-recent', { path })).fileSha256).toBe(expected)
    expect(opened(await handlers.openPath(path)).fileSha256).toBe(expected)
  })

  it('survives the JSON transport of browser mode as the same string', async () => {
    const { handlers } = makeHandlers({ registry: defaultFormatRegistry, sample: undefined })
    const overHttp = JSON.parse(JSON.stringify(await handlers.dispatch('document:open-sample', null))) as OpenOutcome
    expect(opened(overHttp).fileSha256).toBe(sha256(await readFile(SAMPLE_PATH)))
  })
})

describe('saving answers the SHA-256 of the bytes written', () => {
  it('Save in place and Save As: equal to the hash of the file on disk afterwards', async () => {
    const folder = await temporaryFolder()
    const path = join(folder, 'shop.twm')
    await copyFile(FROZEN_V1_PATH, path)
    const { handlers, dialogs } = makeHandlers({ registry: defaultFormatRegistry, recentFiles: memoryRecentFiles([path]) })
    const before = opened(await handlers.run('document:open-recent', { path }))
    const edited = { ...before.model, metadata: { ...before.model.metadata, title: 'Edited web shop' } }

    const saved = written(await handlers.run('document:save', { model: edited, path, formatId: 'native' }))
    const onDisk = sha256(await readFile(path))
    expect(saved.sha256).toBe(onDisk)
    expect(saved.sha256).not.toBe(before.fileSha256)

    const copy = join(folder, 'copy.twm')
    dialogs.saveAnswer = copy
    const savedAs = written(await handlers.run('document:save-as', { model: edited, suggestedName: 'copy.twm' }))
    expect(savedAs.path).toBe(copy)
    expect(savedAs.sha256).toBe(sha256(await readFile(copy)))
  })

  it('browser mode: the hash of the downloaded bytes', async () => {
    const { handlers } = makeHandlers({ mode: 'browser' })
    const outcome = await handlers.run('document:save-as', { model: testModel('Downloaded'), suggestedName: 'shop.twm' })
    if (outcome.kind !== 'download') throw new Error(`expected a download, got ${outcome.kind}`)
    expect(outcome.sha256).toBe(sha256(Buffer.from(outcome.base64, 'base64')))
  })
})

describe('document:native-sha256 (a report on unsaved changes)', () => {
  it('is the hash of the bytes Save then writes for the same model', async () => {
    const folder = await temporaryFolder()
    const { handlers, dialogs } = makeHandlers({ registry: defaultFormatRegistry, sample: undefined })
    const sample = opened(await handlers.run('document:open-sample', null))
    const edited = { ...sample.model, metadata: { ...sample.model.metadata, title: 'Not saved yet' } }
    const answer = await handlers.dispatch('document:native-sha256', { model: edited })
    expect(answer).toEqual({ kind: 'hashed', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) })
    expect(answer).not.toEqual({ kind: 'hashed', sha256: sample.fileSha256 })

    dialogs.saveAnswer = join(folder, 'saved.twm')
    written(await handlers.run('document:save-as', { model: edited, suggestedName: 'saved.twm' }))
    expect(answer).toEqual({ kind: 'hashed', sha256: sha256(await readFile(join(folder, 'saved.twm'))) })
  })

  it('fails with the validator diagnostics for a model Save would refuse', async () => {
    const { handlers } = makeHandlers()
    const broken = { ...testModel(), diagrams: [{ id: 'd', name: 3 }] }
    const answer = await handlers.dispatch('document:native-sha256', { model: broken })
    expect(answer).toEqual({ kind: 'failed', diagnostics: expect.arrayContaining([expect.objectContaining({ severity: 'error', location: { path: 'diagrams[0].name' } })]) })
  })

  it('writes nothing and asks nothing', async () => {
    const { handlers, dialogs, recentFiles } = makeHandlers()
    const model = testModel()
    const answer = await handlers.run('document:native-sha256', { model })
    expect(answer).toEqual({ kind: 'hashed', sha256: sha256(nativeBytes(model)) })
    expect(dialogs.calls).toEqual([])
    expect(recentFiles.paths).toEqual([])
  })
})
