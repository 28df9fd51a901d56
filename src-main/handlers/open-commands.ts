/**
 * Opening models: from disk, from uploaded bytes, the embedded sample. Every failure becomes a `failed`
 * outcome with diagnostics that name the file; nothing here throws across IPC.
 */
import { basename } from 'node:path'
import { diagnostic } from '../../model/diagnostics'
import type { CommandRequest, OpenOutcome } from '../../src-shared/ipc-contract'
import { FileTooLargeError } from './errors'
import { safeFileName } from './file-names'
import { MAX_MODEL_FILE_BYTES } from './limits'
import type { HandlerContext } from './handler-context'
import { internalFailure, isMissingFileError, readFailure } from './read-failure'
import { withEmbeddedTemplate } from './embedded-template'
import { sha256Hex } from '../../node-io/sha256'

export interface OpenCommands {
  openSample(): Promise<OpenOutcome>
  openDialog(): Promise<OpenOutcome>
  openBytes(request: CommandRequest<'document:open-bytes'>): Promise<OpenOutcome>
  openRecent(request: CommandRequest<'document:open-recent'>): Promise<OpenOutcome>
  /** Main-side only (file associations, second instance): any path the OS handed us. */
  openPath(path: string): Promise<OpenOutcome>
}

export function createOpenCommands(context: HandlerContext): OpenCommands {
  const { deps, registry, sample } = context

  function readBytes(bytes: Uint8Array, fileName: string, path: string | null): OpenOutcome {
    let result
    try {
      result = registry.readModelFile({ bytes, fileName })
    } catch (error) {
      return { kind: 'failed', fileName, diagnostics: [internalFailure('main.read.crashed', fileName, error)] }
    }
    if (result.model === null) {
      const diagnostics =
        result.diagnostics.length > 0
          ? result.diagnostics
          : [diagnostic('main.read.unrecognised', 'error', `${fileName} is not a threat model Threatwright can read.`, { file: fileName })]
      return { kind: 'failed', fileName, diagnostics }
    }
    // A model without a detected format is still opened; 'unknown' is not 'native', so Save never overwrites it.
    const formatId = result.formatId ?? 'unknown'
    // The hash of these very bytes: a report on the unmodified model must print what `sha256sum` does (issue 9).
    const fileSha256 = sha256Hex(bytes)
    return {
      kind: 'opened',
      document: withEmbeddedTemplate({ fileName, path, formatId, model: result.model, diagnostics: result.diagnostics, fileSha256 })
    }
  }

  async function openPath(path: string): Promise<OpenOutcome> {
    const fileName = basename(path)
    let bytes: Uint8Array
    try {
      bytes = await deps.files.readFile(path, MAX_MODEL_FILE_BYTES)
    } catch (error) {
      // A recent entry that no longer exists would fail the same way every time: drop it.
      if (isMissingFileError(error)) await context.ignoreStoreFailure(deps.recentFiles.remove(path))
      return { kind: 'failed', fileName, diagnostics: [readFailure(path, error)] }
    }
    const outcome = readBytes(bytes, fileName, path)
    if (outcome.kind === 'opened') {
      context.knownPaths.add(path)
      await context.changes.record(path, bytes)
      await context.ignoreStoreFailure(deps.recentFiles.add(path))
    }
    return outcome
  }

  return {
    openPath,
    async openSample() {
      return readBytes(sample.bytes, sample.fileName, null)
    },
    async openDialog() {
      if (deps.mode === 'browser') return { kind: 'cancelled' }
      const readable = registry.formats.filter((format) => format.read !== undefined)
      const path = await deps.dialogs.showOpen(readable)
      return path === null ? { kind: 'cancelled' } : openPath(path)
    },
    async openBytes({ fileName, base64 }) {
      const name = safeFileName(fileName)
      // Copy into a fresh array: Buffer.from may return a view into a shared pool, and a reader that looks
      // at `bytes.buffer` must not see other data.
      const bytes = new Uint8Array(Buffer.from(base64, 'base64'))
      if (bytes.length > MAX_MODEL_FILE_BYTES) {
        return { kind: 'failed', fileName: name, diagnostics: [readFailure(name, new FileTooLargeError(name, MAX_MODEL_FILE_BYTES))] }
      }
      return readBytes(bytes, name, null)
    },
    async openRecent({ path }) {
      // Only paths the user opened before: a compromised renderer must not read arbitrary files by path.
      const recent = await deps.recentFiles.list()
      if (!recent.includes(path)) {
        return {
          kind: 'failed',
          fileName: basename(path),
          diagnostics: [diagnostic('main.recent.unknown', 'error', `${path} is not in the list of recent files.`, { file: path })]
        }
      }
      return openPath(path)
    }
  }
}
