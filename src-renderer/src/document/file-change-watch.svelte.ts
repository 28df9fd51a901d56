import { summarizeModel, type ModelSummary } from '../../../analysis/summary'
import type { ThreatwrightApi } from '../../../src-shared/ipc-contract'
import type { DocumentStore } from './document-store.svelte'

/** What the banner shows: the open file changed on disk, or is gone. */
export interface FileChange {
  readonly kind: 'changed' | 'missing'
  readonly path: string
  /** ISO 8601, for `changed`. */
  readonly modifiedAt: string | null
}

/** Yours against the file on disk, counted with analysis/summary.ts (Compare). */
export interface FileComparison {
  readonly yours: ModelSummary
  readonly onDisk: ModelSummary
}

/** Focus events come in bursts (alt-tab, a dialog closing); one check per burst is enough. */
export const FOCUS_DEBOUNCE_MS = 250

/**
 * Issue "Reliability": when the window regains focus, ask main whether the open file changed on disk
 * ('document:check-changed') and offer Reload, Keep mine or Compare. Only documents with a path are
 * watched (desktop); browser mode and unsaved models have nothing on disk to compare with.
 */
export class FileChangeWatch {
  change = $state.raw<FileChange | null>(null)
  comparison = $state.raw<FileComparison | null>(null)
  /** Compare failed: one line for the banner. */
  problem = $state('')

  readonly #api: ThreatwrightApi
  readonly #store: DocumentStore
  #timer: ReturnType<typeof setTimeout> | null = null
  #checking = false

  constructor(api: ThreatwrightApi, store: DocumentStore) {
    this.#api = api
    this.#store = store
  }

  /** The window's 'focus' listener: checks once the burst of focus events is over. */
  onFocus(): void {
    if (this.#timer !== null) clearTimeout(this.#timer)
    this.#timer = setTimeout(() => {
      this.#timer = null
      void this.check()
    }, FOCUS_DEBOUNCE_MS)
  }

  dispose(): void {
    if (this.#timer !== null) clearTimeout(this.#timer)
    this.#timer = null
  }

  async check(): Promise<void> {
    const path = this.#store.current?.path ?? null
    if (path === null || this.#checking) return
    this.#checking = true
    try {
      const answer = await this.#api.invoke('document:check-changed', { path, acknowledge: false })
      // The user may have opened another file while main was looking.
      if (this.#store.current?.path !== path) return
      if (answer.kind === 'changed') this.#show({ kind: 'changed', path, modifiedAt: answer.modifiedAt })
      else if (answer.kind === 'missing') this.#show({ kind: 'missing', path, modifiedAt: null })
      else this.#clear()
    } catch {
      // A failed check is not worth a message: the next focus asks again.
    } finally {
      this.#checking = false
    }
  }

  /** Re-opens the file from disk; unsaved work is asked about first (a declined question changes nothing). */
  async reload(): Promise<void> {
    const change = this.change
    if (change === null || !this.#store.mayReplace()) return
    this.#clear()
    await this.#store.reopen(change.path)
  }

  /** Keep mine: main records the disk state as seen, so the banner comes back only for a newer change. */
  async keep(): Promise<void> {
    const change = this.change
    this.#clear()
    if (change?.kind === 'changed') await this.#api.invoke('document:check-changed', { path: change.path, acknowledge: true }).catch(() => null)
  }

  /** Reads the file on disk without replacing the open model, and counts both. */
  async compare(): Promise<void> {
    const current = this.#store.current
    const change = this.change
    if (current === null || change === null) return
    try {
      const outcome = await this.#api.invoke('document:open-recent', { path: change.path })
      if (outcome.kind === 'opened') {
        this.comparison = { yours: summarizeModel(current.model), onDisk: summarizeModel(outcome.document.model) }
        this.problem = ''
      } else if (outcome.kind === 'failed') {
        this.problem = outcome.diagnostics[0]?.message ?? `Could not read ${change.path}.`
      }
    } catch (error) {
      this.problem = error instanceof Error ? error.message : String(error)
    }
  }

  #show(change: FileChange): void {
    // Whether the user reloads or keeps theirs, the file no longer holds the bytes the model was read from.
    this.#store.forgetFileHash(change.path)
    const same = this.change?.kind === change.kind && this.change.path === change.path && this.change.modifiedAt === change.modifiedAt
    if (same) return
    this.change = change
    this.comparison = null
    this.problem = ''
  }

  #clear(): void {
    this.change = null
    this.comparison = null
    this.problem = ''
  }
}
