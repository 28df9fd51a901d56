/**
 * Forward migrations of the native file format (tldraw keeps a saved type's versions and migrations
 * together; so do we). A format change bumps CURRENT_NATIVE_FORMAT_VERSION, appends one step
 * `{ from: n, to: n + 1, migrate }` to `nativeMigrations`, and freezes a file of the old version under
 * tests/fixtures/native/v<n>/ that must keep reading correctly.
 */

/** A parsed native document: `{ format, formatVersion, model }` as plain JSON data. */
export type NativeDocument = { readonly [key: string]: unknown }

export interface NativeMigration {
  readonly from: number
  readonly to: number
  /** Upgrades one version's document to the next. Pure: returns a new document, never edits its input. */
  readonly migrate: (document: NativeDocument) => NativeDocument
}

/** The version this build writes and the newest it reads. */
export const CURRENT_NATIVE_FORMAT_VERSION = 2

/**
 * Version 2 added `model.triageHistory` (who changed which triage field, when). Version 1 files had
 * no history, so they get an empty one: the threats' own `changedBy`/`changedAt` stay as they were.
 * A document without a model object is left alone for the validator to report.
 */
const addTriageHistory: NativeMigration = {
  from: 1,
  to: 2,
  migrate: (document) => {
    const model = document.model
    if (typeof model !== 'object' || model === null || Array.isArray(model)) return document
    return { ...document, model: { ...model, triageHistory: [] } }
  }
}

export const nativeMigrations: readonly NativeMigration[] = [addTriageHistory]

export type MigrationOutcome =
  | { readonly kind: 'migrated'; readonly document: NativeDocument; readonly steps: number }
  | { readonly kind: 'failed'; readonly message: string }

/**
 * Runs the chain from `fromVersion` up to `toVersion`, one step at a time. Each step's output is stamped
 * with its `to` version, so a migration only has to change what its version changed. Never throws: a
 * missing step or a step that throws becomes a `failed` outcome.
 */
export function migrateNativeDocument(
  document: NativeDocument,
  fromVersion: number,
  toVersion: number,
  chain: readonly NativeMigration[]
): MigrationOutcome {
  let current = document
  let steps = 0
  for (let version = fromVersion; version < toVersion; version += 1) {
    const step = chain.find((candidate) => candidate.from === version)
    if (step === undefined || step.to !== version + 1) {
      return { kind: 'failed', message: `no migration from format version ${version} to ${version + 1}` }
    }
    try {
      current = { ...step.migrate(current), formatVersion: step.to }
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error)
      return { kind: 'failed', message: `the migration from format version ${version} to ${step.to} failed: ${reason}` }
    }
    steps += 1
  }
  return { kind: 'migrated', document: current, steps }
}
