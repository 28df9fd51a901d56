import { diagnostic, type Diagnostic } from '../../model/diagnostics'
import { validateModel } from '../../model/validate'
import type { ReadInput, ReadResult } from '../format'
import { decodeUtf8 } from '../text/decode-text'
import { findJsonSyntaxError } from '../text/json-syntax-error'
import { lineColumnAt } from '../text/line-column'
import {
  CURRENT_NATIVE_FORMAT_VERSION,
  migrateNativeDocument,
  nativeMigrations,
  type NativeDocument,
  type NativeMigration
} from './migrations'
import { NATIVE_FORMAT_MARKER } from './native-marker'

export interface NativeReaderOptions {
  /** The newest format version this reader accepts; older ones are migrated up to it. */
  readonly currentVersion: number
  readonly migrations: readonly NativeMigration[]
}

/**
 * A native reader for a given version and migration chain. The app uses `readNative`; tests build
 * readers with an invented chain to prove the migration path before a real version 2 exists.
 */
export function createNativeReader(options: NativeReaderOptions): (input: ReadInput) => ReadResult {
  return (input) => readNativeDocument(input, options)
}

/** Reads a `.twm` file. Pure and never throws: every problem is a diagnostic naming the file. */
export const readNative = createNativeReader({
  currentVersion: CURRENT_NATIVE_FORMAT_VERSION,
  migrations: nativeMigrations
})

function readNativeDocument(input: ReadInput, options: NativeReaderOptions): ReadResult {
  const file = input.fileName
  const failure = (code: string, message: string, location: Omit<Diagnostic['location'], 'file'> = {}): ReadResult => ({
    model: null,
    diagnostics: [diagnostic(code, 'error', message, { file, ...location })]
  })

  const decoded = decodeUtf8(input.bytes)
  if (decoded.kind === 'refused') return failure('native.encoding', `the file ${decoded.reason}`)

  const parsed = parseJson(decoded.text)
  if (parsed.kind === 'invalid') {
    return failure('native.json', `not valid JSON: ${parsed.problem}`, parsed.place)
  }
  const document = parsed.value
  if (!isObject(document) || document.format !== NATIVE_FORMAT_MARKER) {
    return failure(
      'native.format',
      `not a Threatwright model: expected a JSON object with "format": "${NATIVE_FORMAT_MARKER}"`,
      { path: 'format' }
    )
  }

  const version = document.formatVersion
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return failure(
      'native.version.invalid',
      `no valid format version: "formatVersion" must be a whole number from 1 up`,
      { path: 'formatVersion' }
    )
  }
  if (version > options.currentVersion) {
    return failure(
      'native.version.future',
      `written by a newer Threatwright: format version ${version}, this version reads up to ${options.currentVersion}; nothing was changed`
    )
  }

  const migration = migrateNativeDocument(document, version, options.currentVersion, options.migrations)
  if (migration.kind === 'failed') {
    return failure('native.migration', `could not upgrade the file: ${migration.message}`)
  }

  const validation = validateModel(migration.document.model)
  const diagnostics: Diagnostic[] = validation.diagnostics.map((entry) => ({ ...entry, location: { ...entry.location, file } }))
  if (migration.steps > 0) {
    diagnostics.push(
      diagnostic(
        'native.migrated',
        'info',
        `format version ${version}, upgraded to version ${options.currentVersion} in memory and will be saved in that version`,
        { file }
      )
    )
  }
  return { model: validation.model, diagnostics }
}

type ParsedJson =
  | { readonly kind: 'valid'; readonly value: unknown }
  | {
      readonly kind: 'invalid'
      readonly problem: string
      readonly place: { readonly line?: number; readonly column?: number }
    }

function parseJson(text: string): ParsedJson {
  try {
    return { kind: 'valid', value: JSON.parse(text) }
  } catch (error) {
    const syntaxError = findJsonSyntaxError(text)
    if (syntaxError !== null) {
      return { kind: 'invalid', problem: syntaxError.problem, place: lineColumnAt(text, syntaxError.offset) }
    }
    // The scanner and JSON.parse disagree (should not happen): fall back to the engine's own words.
    return { kind: 'invalid', problem: error instanceof Error ? error.message : String(error), place: {} }
  }
}

function isObject(value: unknown): value is NativeDocument {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
