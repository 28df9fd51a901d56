/**
 * Never lose work, renderer side: a few seconds after the last edit, send the open model to main as a
 * recovery copy (`document:autosave`, main writes it atomically into the app's data folder). A save
 * discards the copy; a crash leaves it, and RecoveryOffer offers it on the next start.
 */
import type { OpenedDocument, ThreatwrightApi } from '../../../src-shared/ipc-contract'

/** Long enough that typing does not write on every key, short enough that a crash costs seconds of work. */
export const AUTOSAVE_DELAY_MS = 3000

export interface Autosaver {
  /** The document key the copy is stored under (a new one per opened document). */
  readonly key: string
  /** (Re)starts the countdown; the document is read when it fires, so the latest edit is what is saved. */
  schedule(): void
  /** A save or a close made the copy unnecessary. */
  discard(): void
}

/** Calls main without ever throwing: autosave is best effort and must never interrupt editing. */
function quietly(call: () => Promise<unknown>): void {
  try {
    void call().catch(() => undefined)
  } catch {
    // A backend without these commands (an older main, a test fake) throws synchronously.
  }
}

export function createAutosaver(
  api: ThreatwrightApi,
  current: () => OpenedDocument | null,
  snapshot: (document: OpenedDocument) => OpenedDocument['model'],
  key: string = crypto.randomUUID(),
  delay = AUTOSAVE_DELAY_MS
): Autosaver {
  let timer: ReturnType<typeof setTimeout> | null = null
  const stop = (): void => {
    if (timer !== null) clearTimeout(timer)
    timer = null
  }
  return {
    key,
    schedule() {
      stop()
      timer = setTimeout(() => {
        timer = null
        const document = current()
        if (document === null) return
        // A failed autosave is retried by the next edit.
        quietly(() =>
          api.invoke('document:autosave', { documentKey: key, model: snapshot(document), path: document.path, fileName: document.fileName, formatId: document.formatId })
        )
      }, delay)
    },
    discard() {
      stop()
      quietly(() => api.invoke('document:recovery-discard', { id: key }))
    }
  }
}
