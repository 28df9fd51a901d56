/**
 * Save, Save As and Export. Two rules shape this file:
 * - Save never overwrites a file that is not ours: an imported .tm7/.yaml, a path the user never chose,
 *   or a file that no longer holds the native format all go through Save As instead.
 * - Browser mode never writes the user's disk: it returns the bytes as a download.
 * Atomic writes keep `<file>.bak` (node-io/atomic-write.ts), so even a confirmed overwrite is recoverable.
 */
import { basename, dirname, join } from 'node:path'
import { diagnostic, hasErrors, type Diagnostic } from '../../model/diagnostics'
import type { ThreatModel } from '../../model/model'
import { validateModel } from '../../model/validate'
import type { ModelFormat } from '../../importers/format'
import type { CommandRequest, NativeHashOutcome, SaveOutcome } from '../../src-shared/ipc-contract'
import { CommandRejectedError } from './errors'
import { hasExtension, nameFromTitle, safeFileName, withExtension } from './file-names'
import type { HandlerContext } from './handler-context'
import { MAX_MODEL_FILE_BYTES } from './limits'
import { internalFailure, writeFailure } from './read-failure'
import { sha256Hex } from '../../node-io/sha256'

export const NATIVE_FORMAT_ID = 'native'

export interface SaveCommands {
  save(request: CommandRequest<'document:save'>): Promise<SaveOutcome>
  saveAs(request: CommandRequest<'document:save-as'>): Promise<SaveOutcome>
  exportModel(request: CommandRequest<'document:export'>): Promise<SaveOutcome>
  nativeSha256(request: CommandRequest<'document:native-sha256'>): Promise<NativeHashOutcome>
}

type Encoded =
  | { readonly kind: 'encoded'; readonly bytes: Uint8Array; readonly diagnostics: readonly Diagnostic[] }
  | { readonly kind: 'failed'; readonly diagnostics: readonly Diagnostic[] }

type ChosenPath = { readonly kind: 'path'; readonly path: string } | { readonly kind: 'cancelled' } | { readonly kind: 'failed'; readonly diagnostics: readonly Diagnostic[] }

export function createSaveCommands(context: HandlerContext): SaveCommands {
  const { deps, registry } = context
  const knownExtensions = (): string[] => registry.formats.flatMap((format) => format.extensions)

  function writableFormat(formatId: string): ModelFormat {
    const format = registry.formats.find((candidate) => candidate.id === formatId && candidate.write !== undefined)
    if (format === undefined) throw new CommandRejectedError(`Unknown or read-only format '${formatId}'`)
    return format
  }

  function encode(model: ThreatModel, format: ModelFormat): Encoded {
    // The model crossed a process boundary: check it fully before a writer trusts its types.
    const validation = validateModel(model)
    if (validation.model === null) return { kind: 'failed', diagnostics: validation.diagnostics }
    try {
      const result = registry.writeModel(validation.model, format.id)
      if (hasErrors(result.diagnostics)) return { kind: 'failed', diagnostics: result.diagnostics }
      return { kind: 'encoded', bytes: result.bytes, diagnostics: result.diagnostics }
    } catch (error) {
      return { kind: 'failed', diagnostics: [internalFailure('main.write.crashed', format.label, error)] }
    }
  }

  function download(encoded: Encoded & { kind: 'encoded' }, fileName: string): SaveOutcome {
    const base64 = Buffer.from(encoded.bytes.buffer, encoded.bytes.byteOffset, encoded.bytes.byteLength).toString('base64')
    return { kind: 'download', fileName, base64, diagnostics: encoded.diagnostics, sha256: sha256Hex(encoded.bytes) }
  }

  /** The format of what is at `path` now, or null when unreadable or unrecognised. */
  async function formatOnDisk(path: string): Promise<ModelFormat | null> {
    try {
      return registry.detectFormat(await deps.files.readFile(path, MAX_MODEL_FILE_BYTES))
    } catch {
      return null
    }
  }

  async function chooseOutputPath(suggestion: string, format: ModelFormat): Promise<ChosenPath> {
    const picked = await deps.dialogs.showSave(suggestion, format)
    if (picked === null) return { kind: 'cancelled' }
    // Linux save dialogs do not add the extension; we do, so a native file never ends in .tm7 or nothing.
    const appended = !hasExtension(picked, format.extensions)
    const path = appended ? `${picked}${format.extensions[0] ?? ''}` : picked
    const existing = await deps.files.stat(path).catch(() => null)
    if (existing === null) return { kind: 'path', path }
    if (!existing.isFile) {
      return { kind: 'failed', diagnostics: [diagnostic('main.file.not-a-file', 'error', `${path} is a folder, not a file.`, { file: path })] }
    }
    const found = await formatOnDisk(path)
    const confirmed =
      found?.id !== format.id
        ? await deps.dialogs.confirmOverwriteForeignFormat(path, found?.label ?? null, format.label)
        : !appended || (await deps.dialogs.confirmOverwrite(path))
    return confirmed ? { kind: 'path', path } : { kind: 'cancelled' }
  }

  async function writeTo(path: string, encoded: Encoded & { kind: 'encoded' }): Promise<SaveOutcome> {
    try {
      const written = await deps.files.writeAtomic(path, encoded.bytes)
      return { kind: 'written', path: written.path, backupPath: written.backupPath, diagnostics: encoded.diagnostics, sha256: sha256Hex(encoded.bytes) }
    } catch (error) {
      return { kind: 'failed', diagnostics: [writeFailure(path, error)] }
    }
  }

  async function saveNativeTo(path: string, encoded: Encoded & { kind: 'encoded' }): Promise<SaveOutcome> {
    const outcome = await writeTo(path, encoded)
    if (outcome.kind === 'written') {
      context.knownPaths.add(path)
      await context.changes.record(path, encoded.bytes)
      await context.ignoreStoreFailure(deps.recentFiles.add(path))
    }
    return outcome
  }

  async function saveAsSuggesting(model: ThreatModel, suggestion: string): Promise<SaveOutcome> {
    const native = writableFormat(NATIVE_FORMAT_ID)
    const encoded = encode(model, native)
    if (encoded.kind === 'failed') return encoded
    if (deps.mode === 'browser') return download(encoded, basename(suggestion))
    const chosen = await chooseOutputPath(suggestion, native)
    return chosen.kind === 'path' ? saveNativeTo(chosen.path, encoded) : chosen
  }

  /** In place only for a path the user chose, that still holds our format (or vanished: recreating it is safe). */
  async function mayOverwriteInPlace(path: string): Promise<boolean> {
    const chosenByUser = context.knownPaths.has(path) || (await deps.recentFiles.list()).includes(path)
    if (!chosenByUser) return false
    const existing = await deps.files.stat(path).catch(() => null)
    if (existing === null) return true
    return existing.isFile && (await formatOnDisk(path))?.id === NATIVE_FORMAT_ID
  }

  function nativeName(name: string): string {
    return withExtension(safeFileName(name), writableFormat(NATIVE_FORMAT_ID).extensions[0] ?? '', knownExtensions())
  }

  return {
    async save({ model, path, formatId }) {
      if (deps.mode !== 'browser' && path !== null && formatId === NATIVE_FORMAT_ID && (await mayOverwriteInPlace(path))) {
        const encoded = encode(model, writableFormat(NATIVE_FORMAT_ID))
        return encoded.kind === 'failed' ? encoded : saveNativeTo(path, encoded)
      }
      // Imported file, new model, or a path we may not overwrite: suggest `<name>.twm` next to the original.
      const suggestion =
        path === null || deps.mode === 'browser' ? nativeName(path === null ? nameFromTitle(model) : basename(path)) : join(dirname(path), nativeName(basename(path)))
      return saveAsSuggesting(model, suggestion)
    },
    async saveAs({ model, suggestedName }) {
      return saveAsSuggesting(model, nativeName(suggestedName))
    },
    async exportModel({ model, formatId, suggestedName }) {
      const format = writableFormat(formatId)
      const encoded = encode(model, format)
      if (encoded.kind === 'failed') return encoded
      const name = withExtension(safeFileName(suggestedName), format.extensions[0] ?? '', knownExtensions())
      if (deps.mode === 'browser') return download(encoded, name)
      const chosen = await chooseOutputPath(name, format)
      return chosen.kind === 'path' ? writeTo(chosen.path, encoded) : chosen
    },
    async nativeSha256({ model }) {
      // The same encoding as Save, validation included, so saving right after gives a file with this hash.
      const encoded = encode(model, writableFormat(NATIVE_FORMAT_ID))
      return encoded.kind === 'failed' ? encoded : { kind: 'hashed', sha256: sha256Hex(encoded.bytes) }
    }
  }
}
