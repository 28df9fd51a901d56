import { describe, expect, it } from 'vitest'
import { canonicalJson } from '../../../model/canonical-json'
import {
  CURRENT_NATIVE_FORMAT_VERSION,
  migrateNativeDocument,
  nativeMigrations,
  type NativeDocument,
  type NativeMigration
} from '../../../importers/native/migrations'
import { createNativeReader } from '../../../importers/native/read-native'
import { bytesOf, sampleDocument } from './native-test-files'

/**
 * An invented history for the tests: version 1 called the model "threatModel", version 2 renamed it to
 * "model" and version 3 added a top-level "savedBy". Each step records itself so the order is visible.
 */
const renameModel: NativeMigration = {
  from: 1,
  to: 2,
  migrate: ({ threatModel, ...rest }) => ({ ...rest, model: threatModel, trail: [...trailOf(rest), '1→2'] })
}
const addSavedBy: NativeMigration = {
  from: 2,
  to: 3,
  migrate: (document) => ({ ...document, savedBy: 'migration', trail: [...trailOf(document), '2→3'] })
}
const inventedChain = [addSavedBy, renameModel]

function trailOf(document: NativeDocument): string[] {
  return Array.isArray(document.trail) ? (document.trail as string[]) : []
}

describe('migrateNativeDocument', () => {
  it('runs each step once, in version order, whatever order the chain lists them in', () => {
    const outcome = migrateNativeDocument({ format: 'threatwright', formatVersion: 1, threatModel: 'M' }, 1, 3, inventedChain)
    expect(outcome).toEqual({
      kind: 'migrated',
      steps: 2,
      document: { format: 'threatwright', formatVersion: 3, model: 'M', savedBy: 'migration', trail: ['1→2', '2→3'] }
    })
  })

  it('starts from the version the file has', () => {
    const outcome = migrateNativeDocument({ formatVersion: 2, model: 'M' }, 2, 3, inventedChain)
    expect(outcome).toMatchObject({ kind: 'migrated', steps: 1, document: { formatVersion: 3, trail: ['2→3'] } })
  })

  it('does nothing for a file already at the current version', () => {
    const document = { formatVersion: 3, model: 'M' }
    expect(migrateNativeDocument(document, 3, 3, inventedChain)).toEqual({ kind: 'migrated', steps: 0, document })
  })

  it('stamps each step with its target version even when the step forgets to', () => {
    const forgetful: NativeMigration = { from: 1, to: 2, migrate: (document) => ({ ...document }) }
    expect(migrateNativeDocument({ formatVersion: 1 }, 1, 2, [forgetful])).toMatchObject({ document: { formatVersion: 2 } })
  })

  it('fails, without throwing, when a step is missing', () => {
    expect(migrateNativeDocument({ formatVersion: 1 }, 1, 3, [addSavedBy])).toEqual({
      kind: 'failed',
      message: 'no migration from format version 1 to 2'
    })
  })

  it('fails, without throwing, when a step throws', () => {
    const broken: NativeMigration = {
      from: 1,
      to: 2,
      migrate: () => {
        throw new Error('diagram list missing')
      }
    }
    expect(migrateNativeDocument({ formatVersion: 1 }, 1, 2, [broken])).toEqual({
      kind: 'failed',
      message: 'the migration from format version 1 to 2 failed: diagram list missing'
    })
  })

  it('has one step for every version before the current one', () => {
    expect(nativeMigrations).toHaveLength(CURRENT_NATIVE_FORMAT_VERSION - 1)
  })
})

describe('the real chain', () => {
  it('gives a version 1 model an empty triage history and changes nothing else', () => {
    const model = { title: 'M', threats: [] }
    const outcome = migrateNativeDocument({ format: 'threatwright', formatVersion: 1, model }, 1, 2, nativeMigrations)
    expect(outcome).toEqual({
      kind: 'migrated',
      steps: 1,
      document: { format: 'threatwright', formatVersion: 2, model: { title: 'M', threats: [], triageHistory: [] } }
    })
    expect(model).toEqual({ title: 'M', threats: [] })
  })

  it('leaves a document without a model for the validator to report', () => {
    expect(migrateNativeDocument({ formatVersion: 1 }, 1, 2, nativeMigrations)).toMatchObject({
      kind: 'migrated',
      document: { formatVersion: 2 }
    })
  })
})

describe('native reader with an injected migration chain', () => {
  const readVersion3 = createNativeReader({ currentVersion: 3, migrations: inventedChain })

  it('migrates a version 1 file, validates the result and says it was upgraded', () => {
    const { model, format } = sampleDocument()
    const version1 = canonicalJson({ format, formatVersion: 1, threatModel: model })
    const result = readVersion3({ bytes: bytesOf(version1), fileName: 'old.twm' })
    expect(result.model?.metadata.title).toBe('Web shop (sample)')
    expect(result.diagnostics).toEqual([
      {
        code: 'native.migrated',
        severity: 'info',
        message: 'format version 1, upgraded to version 3 in memory and will be saved in that version',
        location: { file: 'old.twm' }
      }
    ])
  })

  it('reports a broken chain as an error naming the file', () => {
    const readWithGap = createNativeReader({ currentVersion: 3, migrations: [renameModel] })
    const result = readWithGap({ bytes: bytesOf(canonicalJson({ format: 'threatwright', formatVersion: 1 })), fileName: 'old.twm' })
    expect(result.model).toBeNull()
    expect(result.diagnostics).toMatchObject([{ code: 'native.migration', severity: 'error', location: { file: 'old.twm' } }])
  })

  it('still refuses versions newer than its own', () => {
    const result = readVersion3({ bytes: bytesOf('{"format": "threatwright", "formatVersion": 4}'), fileName: 'new.twm' })
    expect(result.diagnostics).toMatchObject([{ code: 'native.version.future' }])
    expect(result.diagnostics[0]?.message).toContain('format version 4, this version reads up to 3')
  })
})
