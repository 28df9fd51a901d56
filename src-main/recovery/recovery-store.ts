/**
 * Never lose work: the renderer sends the open model a few seconds after each edit (`document:autosave`),
 * we keep it as a recovery copy in the app's data folder, and on the next start `document:recovery-list`
 * offers the copies that differ from their file on disk. A copy is the model in the native format plus
 * where it came from, so restoring it goes through the same reader as opening a .twm.
 */
import { diagnostic, hasErrors, type Diagnostic } from '../../model/diagnostics'
import type { ThreatModel } from '../../model/model'
import { validateModel } from '../../model/validate'
import type { AutosaveOutcome, CommandRequest, OpenOutcome, RecoveryEntry } from '../../src-shared/ipc-contract'
import { MAX_MODEL_FILE_BYTES } from '../handlers/limits'
import type { FilePort, FormatRegistry } from '../handlers/ports'
import type { RecoveryStoragePort } from './recovery-storage'
import { withEmbeddedTemplate } from '../handlers/embedded-template'

const ENVELOPE_KIND = 'threatwright-recovery'
const ENVELOPE_VERSION = 1
const NATIVE = 'native'

interface Envelope {
  readonly kind: typeof ENVELOPE_KIND
  readonly version: number
  readonly savedAt: string
  readonly path: string | null
  readonly fileName: string
  readonly formatId: string
  /** The model as native .twm text. */
  readonly native: string
}

export interface RecoveryStoreDeps {
  readonly storage: RecoveryStoragePort
  readonly registry: FormatRegistry
  /** The user's files, to compare a copy with its file on disk (browser mode: none, every copy is offered). */
  readonly files: Pick<FilePort, 'readFile'>
  readonly now?: () => Date
}

export interface RecoveryStore {
  autosave(request: CommandRequest<'document:autosave'>): Promise<AutosaveOutcome>
  list(): Promise<RecoveryEntry[]>
  recover(id: string): Promise<OpenOutcome>
  discard(id: string): Promise<void>
}

function parseEnvelope(bytes: Uint8Array): Envelope | null {
  try {
    const value: unknown = JSON.parse(new TextDecoder().decode(bytes))
    if (typeof value !== 'object' || value === null) return null
    const entry = value as Record<string, unknown>
    const ok =
      entry.kind === ENVELOPE_KIND &&
      entry.version === ENVELOPE_VERSION &&
      typeof entry.savedAt === 'string' &&
      (entry.path === null || typeof entry.path === 'string') &&
      typeof entry.fileName === 'string' &&
      typeof entry.formatId === 'string' &&
      typeof entry.native === 'string'
    return ok ? (entry as unknown as Envelope) : null
  } catch {
    return null
  }
}

export function createRecoveryStore(deps: RecoveryStoreDeps): RecoveryStore {
  const now = deps.now ?? (() => new Date())
  const encoder = new TextEncoder()
  // Autosaves of one document run in arrival order, so a slow older write never lands after a newer one.
  const queues = new Map<string, Promise<unknown>>()

  function inOrder<T>(id: string, task: () => Promise<T>): Promise<T> {
    const previous = queues.get(id) ?? Promise.resolve()
    const next = previous.then(task, task)
    queues.set(id, next.catch(() => undefined))
    return next
  }

  function nativeText(model: ThreatModel): { text: string } | { diagnostics: readonly Diagnostic[] } {
    const written = deps.registry.writeModel(model, NATIVE)
    if (hasErrors(written.diagnostics)) return { diagnostics: written.diagnostics }
    return { text: new TextDecoder().decode(written.bytes) }
  }

  /** Why this copy is worth offering, or null when the file on disk already holds the same model. */
  async function reasonToOffer(envelope: Envelope): Promise<RecoveryEntry['reason'] | null> {
    if (envelope.path === null) return 'never-saved'
    let bytes: Uint8Array
    try {
      bytes = await deps.files.readFile(envelope.path, MAX_MODEL_FILE_BYTES)
    } catch (error) {
      return (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'missing-on-disk' : 'unreadable-on-disk'
    }
    const onDisk = deps.registry.readModelFile({ bytes, fileName: envelope.fileName }).model
    if (onDisk === null) return 'unreadable-on-disk'
    // Compared as native text, so a .tm7 on disk equals a copy of the same model whatever its own syntax.
    const disk = nativeText(onDisk)
    return 'text' in disk && disk.text === envelope.native ? null : 'differs-from-disk'
  }

  return {
    autosave(request) {
      return inOrder(request.documentKey, async () => {
        const validation = validateModel(request.model)
        if (validation.model === null) return { kind: 'failed', diagnostics: validation.diagnostics }
        const native = nativeText(validation.model)
        if (!('text' in native)) return { kind: 'failed', diagnostics: native.diagnostics }
        const envelope: Envelope = {
          kind: ENVELOPE_KIND,
          version: ENVELOPE_VERSION,
          savedAt: now().toISOString(),
          path: request.path,
          fileName: request.fileName,
          formatId: request.formatId,
          native: native.text
        }
        try {
          await deps.storage.write(request.documentKey, encoder.encode(JSON.stringify(envelope)))
          return { kind: 'saved' }
        } catch (error) {
          const reason = error instanceof Error ? error.message : String(error)
          return { kind: 'failed', diagnostics: [diagnostic('main.autosave.write', 'error', `The recovery copy could not be written: ${reason}`)] }
        }
      })
    },

    async list() {
      const entries: RecoveryEntry[] = []
      for (const id of await deps.storage.list()) {
        const bytes = await deps.storage.read(id)
        const envelope = bytes === null ? null : parseEnvelope(bytes)
        if (envelope === null) {
          // A copy we cannot parse is not recoverable; removing it stops it being tried on every start.
          await deps.storage.remove(id).catch(() => undefined)
          continue
        }
        const reason = await reasonToOffer(envelope)
        if (reason === null) {
          await deps.storage.remove(id).catch(() => undefined)
          continue
        }
        entries.push({ id, fileName: envelope.fileName, path: envelope.path, formatId: envelope.formatId, savedAt: envelope.savedAt, reason })
      }
      return entries.sort((first, second) => second.savedAt.localeCompare(first.savedAt))
    },

    async recover(id) {
      const bytes = await deps.storage.read(id)
      const envelope = bytes === null ? null : parseEnvelope(bytes)
      if (envelope === null) {
        return { kind: 'failed', fileName: id, diagnostics: [diagnostic('main.recovery.missing', 'error', 'That recovery copy no longer exists.')] }
      }
      const read = deps.registry.readModelFile({ bytes: encoder.encode(envelope.native), fileName: envelope.fileName })
      if (read.model === null) return { kind: 'failed', fileName: envelope.fileName, diagnostics: read.diagnostics }
      return {
        kind: 'opened',
        // The original path and format, so Save goes where the user expects (and asks first when it is not ours).
        document: withEmbeddedTemplate({
          fileName: envelope.fileName,
          path: envelope.path,
          formatId: envelope.formatId,
          model: read.model,
          diagnostics: read.diagnostics
        })
      }
    },

    discard(id) {
      return inOrder(id, () => deps.storage.remove(id))
    }
  }
}
