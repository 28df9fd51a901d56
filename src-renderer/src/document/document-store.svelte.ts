import { diagnostic, type Diagnostic } from '../../../model/diagnostics'
import { emptyModel } from '../../../model/factory'
import { recordEdit, redo, redoLabel, startHistory, undo, undoLabel, type History } from '../../../model/history'
import type { DiagramId } from '../../../model/ids'
import type { ThreatModel } from '../../../model/model'
import type { OpenedDocument, OpenOutcome, SaveOutcome, ThreatwrightApi } from '../../../src-shared/ipc-contract'
import type { ReportModelHash } from '../report/report-context'
import { createAutosaver, type Autosaver } from './autosave'
import { base64ByteLength } from './byte-size'
import { baseName, withExtension } from './file-names'

/** What the store needs from the page; App passes the real ones, tests pass fakes. */
export interface DocumentHost {
  /** Asks before something replaces unsaved work; true means go ahead. */
  confirm(message: string): boolean
  /** Offers bytes as a browser download (browser mode's save). */
  download(fileName: string, base64: string): void
  /** Closes the window (Save and Close, desktop). */
  close(): void
}

/** A message panel: an open or a save that failed, or the report of what a read or write changed. */
export interface DocumentReport {
  readonly tone: 'error' | 'report'
  readonly title: string
  readonly fileName: string
  /** One sentence on what the failure did and did not change. */
  readonly hint: string
  readonly diagnostics: readonly Diagnostic[]
}

/**
 * A request in flight that the user waits for (issue "TMT interop": a 20 MB TMT file takes seconds to
 * read). `bytes` is the file's size when the page knows it (a picked file), else null.
 */
export interface BusyState {
  readonly action: 'Opening' | 'Saving' | 'Exporting'
  readonly fileName: string
  readonly bytes: number | null
}

const OPEN_HINT = 'The model you had open is still open; nothing was lost.'
const WRITE_HINT = 'Nothing was written; the model in the app is unchanged.'

const NATIVE_EXTENSION = '.twm'
const DISCARD_QUESTION = 'The open model has unsaved changes. Discard them?'

/**
 * The open document and its session state. The document is held in `$state.raw` and only ever
 * replaced whole: it is plain immutable data (the model is the single source of truth), so deep
 * proxies would only cost time and break structured cloning across IPC.
 */
export class DocumentStore {
  current = $state.raw<OpenedDocument | null>(null)
  /** Unsaved changes, changed only through `setDirty` (nothing sets it yet: the editor will). */
  dirty = $state(false)
  /** Session state, never saved: the diagram on screen. */
  activeDiagramId = $state.raw<DiagramId | null>(null)
  /** The open error or report panel, if any. */
  report = $state.raw<DocumentReport | null>(null)
  /** A one-line message for the status bar ("Saved web-shop.twm"). */
  notice = $state('')
  /** The one command history of the open document (model/history.ts); null with no document. */
  history = $state.raw<History<ThreatModel> | null>(null)
  /** What the app is waiting for (BusyOverlay), or null. */
  busy = $state.raw<BusyState | null>(null)

  readonly #api: ThreatwrightApi
  readonly #host: DocumentHost
  /** The model as last opened or saved: the document is dirty exactly when it differs (undo can make it clean). */
  #savedModel: ThreatModel | null = null
  /** What main was last told, so it hears only changes. */
  #reportedDirty = false
  /** The crash-recovery copy of this document (autosave.ts); replaced with each opened document. */
  #autosaver: Autosaver | null = null

  constructor(api: ThreatwrightApi, host: DocumentHost) {
    this.#api = api
    this.#host = host
  }

  get title(): string {
    if (!this.current) return 'Threatwright'
    return `${this.dirty ? '● ' : ''}${this.current.fileName} — Threatwright`
  }

  get activeDiagram(): OpenedDocument['model']['diagrams'][number] | null {
    const diagrams = this.current?.model.diagrams ?? []
    return diagrams.find((diagram) => diagram.id === this.activeDiagramId) ?? diagrams[0] ?? null
  }

  /** True when nothing unsaved would be lost, or the user agreed to lose it. */
  mayReplace(): boolean {
    return !this.dirty || this.#host.confirm(DISCARD_QUESTION)
  }

  selectDiagram(id: DiagramId): void {
    this.activeDiagramId = id
  }

  dismissReport(): void {
    this.report = null
  }

  newDocument(): void {
    if (!this.mayReplace()) return
    this.#replace({ fileName: `Untitled${NATIVE_EXTENSION}`, path: null, formatId: 'native', model: emptyModel(), diagnostics: [] })
  }

  openSample(): Promise<void> {
    return this.#open('the sample model', () => this.#api.invoke('document:open-sample', null))
  }

  /** Desktop: the native Open dialog. Asks first, so a declined question shows no dialog. */
  async openWithDialog(): Promise<void> {
    if (!this.mayReplace()) return
    await this.#open('the file', () => this.#api.invoke('document:open-dialog', null))
  }

  /** Browser mode: bytes the user picked. The caller asked `mayReplace` before showing the picker. */
  openBytes(fileName: string, base64: string): Promise<void> {
    return this.#open(fileName, () => this.#api.invoke('document:open-bytes', { fileName, base64 }), base64ByteLength(base64))
  }

  /**
   * Re-reads the open file from disk (the file changed there: FileChangedBanner). The caller asked
   * `mayReplace` first. Main opens only paths on its recent list, which every opened or saved file is on.
   */
  reopen(path: string): Promise<void> {
    return this.#open(baseName(path), () => this.#api.invoke('document:open-recent', { path }))
  }

  /** A file opened from outside the window ('document:opened': file association, Open Recent). */
  receive(outcome: OpenOutcome): void {
    if (outcome.kind === 'opened' && !this.mayReplace()) return
    this.#apply(outcome)
  }

  async save(): Promise<boolean> {
    const document = this.current
    if (!document) return false
    return this.#write('Save', document, true, () =>
      this.#api.invoke('document:save', { model: plain(document.model), path: document.path, formatId: document.formatId })
    )
  }

  async saveAs(): Promise<boolean> {
    const document = this.current
    if (!document) return false
    return this.#write('Save', document, true, () =>
      this.#api.invoke('document:save-as', {
        model: plain(document.model),
        suggestedName: withExtension(document.fileName, NATIVE_EXTENSION)
      })
    )
  }

  async exportAs(formatId: string, extension: string): Promise<boolean> {
    const document = this.current
    if (!document) return false
    return this.#write('Export', document, false, () =>
      this.#api.invoke('document:export', {
        model: plain(document.model),
        formatId,
        suggestedName: withExtension(document.fileName, extension)
      })
    )
  }

  /**
   * Saves, then closes the window, but only when the save went through. Main is told the document is
   * clean before the window closes, or its close prompt would ask again.
   */
  async saveAndClose(): Promise<void> {
    if (!(await this.save())) return
    await this.#reportDirty()
    this.#host.close()
  }

  get canUndo(): boolean {
    return (this.history?.past.length ?? 0) > 0
  }

  get canRedo(): boolean {
    return (this.history?.future.length ?? 0) > 0
  }

  get undoLabel(): string | null {
    return this.history ? undoLabel(this.history) : null
  }

  get redoLabel(): string | null {
    return this.history ? redoLabel(this.history) : null
  }

  /**
   * The one way to change the model: diagram edits, property edits and triage all come through here,
   * so all share one undo history. `coalesceKey` merges a run of edits into one step (a drag).
   * A change returning the same model records nothing.
   */
  edit(label: string, change: (model: ThreatModel) => ThreatModel, coalesceKey: string | null = null): void {
    if (!this.current || !this.history) return
    const next = change(this.current.model)
    if (next === this.current.model) return
    this.history = recordEdit(this.history, next, label, coalesceKey)
    this.#show(next)
  }

  undo(): void {
    if (this.history && this.canUndo) {
      this.history = undo(this.history)
      this.#show(this.history.present)
    }
  }

  redo(): void {
    if (this.history && this.canRedo) {
      this.history = redo(this.history)
      this.#show(this.history.present)
    }
  }

  #show(model: ThreatModel): void {
    if (!this.current) return
    this.current = { ...this.current, model }
    this.setDirty(model !== this.#savedModel)
    if (this.dirty) this.#autosaver?.schedule()
    // Undone back to what is on disk: the copy holds edits that no longer exist, and would be offered
    // after the next crash as if they were unsaved work.
    else this.#autosaver?.discard()
  }

  /**
   * The window is going away for good (pagehide). Reached only with nothing unsaved or after the user
   * agreed to lose it (main's Save / Don't Save prompt, the browser's leave-page prompt), so the copy is
   * not wanted. A crash never gets here, which is what the copy is for.
   */
  windowClosing(): void {
    this.#autosaver?.discard()
  }

  /** Opens a crash-recovery copy (RecoveryOffer): unsaved work, so dirty, and autosaved under the same key. */
  async recover(id: string): Promise<void> {
    await this.#open('the recovered model', () => this.#api.invoke('document:recover', { id }))
    if (this.current === null) return
    this.#autosaver = createAutosaver(this.#api, () => this.current, (document) => plain(document.model), id)
    this.#savedModel = null
    this.setDirty(true)
  }

  /** The recovery copy is not wanted (declined, or the document closed clean). */
  discardRecovery(id: string): Promise<null> {
    return this.#api.invoke('document:recovery-discard', { id }).catch(() => null)
  }

  /** Marks the document dirty or clean; edits and saves call it. */
  setDirty(dirty: boolean): void {
    this.dirty = dirty
    void this.#reportDirty()
  }

  /** Main asks before closing a window with unsaved work, so it must know (desktop; a no-op in browser mode). */
  async #reportDirty(): Promise<void> {
    const dirty = this.dirty
    if (dirty === this.#reportedDirty) return
    this.#reportedDirty = dirty
    await this.#api.invoke('document:set-dirty', { dirty }).catch(() => {})
  }

  async #open(fileName: string, request: () => Promise<OpenOutcome>, bytes: number | null = null): Promise<void> {
    this.busy = { action: 'Opening', fileName, bytes }
    try {
      this.#apply(await request())
    } catch (error) {
      this.report = failure(`Could not open ${fileName}`, fileName, OPEN_HINT, error)
    } finally {
      this.busy = null
    }
  }

  #apply(outcome: OpenOutcome): void {
    if (outcome.kind === 'cancelled') return
    if (outcome.kind === 'failed') {
      // The current document stays open: a bad file never costs the user what they have.
      this.report = {
        tone: 'error',
        title: `Could not open ${outcome.fileName}`,
        fileName: outcome.fileName,
        hint: OPEN_HINT,
        diagnostics: outcome.diagnostics
      }
      return
    }
    this.#replace(outcome.document)
    this.notice = `Opened ${outcome.document.fileName}`
  }

  #replace(document: OpenedDocument): void {
    this.current = document
    this.#autosaver?.discard()
    this.#autosaver = createAutosaver(this.#api, () => this.current, (current) => plain(current.model))
    // Loading a file is not an undoable step: the history starts at the loaded model.
    this.history = startHistory(document.model)
    this.#savedModel = document.model
    this.setDirty(false)
    this.activeDiagramId = document.model.diagrams[0]?.id ?? null
    this.report =
      document.diagnostics.length > 0
        ? {
            tone: 'report',
            title: `Import report for ${document.fileName}`,
            fileName: document.fileName,
            hint: 'What reading the file dropped, approximated or repaired.',
            diagnostics: document.diagnostics
          }
        : null
  }

  /**
   * The file at `path` changed or vanished on disk behind our back (FileChangeWatch). The bytes the open
   * model came from are gone from there, so a report must no longer offer their hash as the file's.
   */
  forgetFileHash(path: string): void {
    if (this.current?.path === path && this.current.fileSha256 !== undefined) this.current = { ...this.current, fileSha256: undefined }
  }

  /**
   * The model hash a report on the open document prints (issue 9: it must be what `sha256sum` of the model
   * file prints). Unmodified, and backed by bytes main read or wrote: the hash of those bytes. Otherwise no
   * file holds the model, so main hashes what Save would write now and the report says so. Null, with the
   * reason in the message panel, when main cannot serialise the model (Save would refuse it as well).
   */
  async modelHashForReport(): Promise<ReportModelHash | null> {
    const document = this.current
    if (!document) return null
    if (!this.dirty && document.fileSha256 !== undefined) return { kind: 'file', sha256: document.fileSha256 }
    const title = `Could not prepare the report of ${document.fileName}`
    const hint = 'No report was made; the model in the app is unchanged.'
    try {
      const outcome = await this.#api.invoke('document:native-sha256', { model: plain(document.model) })
      if (outcome.kind === 'hashed') return { kind: 'unsaved', sha256: outcome.sha256 }
      this.report = { tone: 'error', title, fileName: document.fileName, hint, diagnostics: outcome.diagnostics }
    } catch (error) {
      this.report = failure(title, document.fileName, hint, error)
    }
    return null
  }

  /**
   * `adopt`: a save makes the written file the document's file (and its bytes' hash the document's); an
   * export leaves it alone. `sent` is the document as it was when the request left.
   */
  async #write(verb: 'Save' | 'Export', sent: OpenedDocument, adopt: boolean, request: () => Promise<SaveOutcome>): Promise<boolean> {
    const fileName = sent.fileName
    let outcome: SaveOutcome
    this.busy = { action: verb === 'Save' ? 'Saving' : 'Exporting', fileName, bytes: null }
    try {
      outcome = await request()
    } catch (error) {
      this.report = failure(`Could not ${verb.toLowerCase()} ${fileName}`, fileName, WRITE_HINT, error)
      return false
    } finally {
      this.busy = null
    }
    if (outcome.kind === 'cancelled') return false
    if (outcome.kind === 'failed') {
      this.report = {
        tone: 'error',
        title: `Could not ${verb.toLowerCase()} ${fileName}`,
        fileName,
        hint: WRITE_HINT,
        diagnostics: outcome.diagnostics
      }
      return false
    }
    const writtenName = outcome.kind === 'written' ? baseName(outcome.path) : outcome.fileName
    if (outcome.kind === 'download') this.#host.download(outcome.fileName, outcome.base64)
    if (adopt && this.current) {
      this.current = {
        ...this.current,
        fileName: writtenName,
        path: outcome.kind === 'written' ? outcome.path : null,
        formatId: 'native',
        // The bytes just written; none if main did not say (a report then treats the model as unsaved).
        fileSha256: outcome.sha256
      }
      // What was written is the model that was sent: an edit made while saving is still unsaved.
      this.#savedModel = sent.model
      this.setDirty(this.current.model !== sent.model)
      // Saved: the recovery copy would only be offered again for nothing.
      if (!this.dirty) this.#autosaver?.discard()
    }
    const lost = outcome.diagnostics ?? []
    // A lossy export says what the target format could not hold (pandoc's log); show it, don't hide it.
    this.report =
      lost.length > 0
        ? {
            tone: 'report',
            title: `${verb} report for ${writtenName}`,
            fileName: writtenName,
            hint: 'What the written format could not hold.',
            diagnostics: lost
          }
        : null
    const done = verb === 'Save' ? 'Saved' : 'Exported'
    this.notice = outcome.kind === 'written' ? `${done} ${outcome.path}` : `${done} ${writtenName} (downloaded)`
    return true
  }
}

/**
 * Anything sent to main must be plain data: `$state.snapshot` strips Svelte proxies (which IPC's
 * structured clone rejects with DataCloneError) and is a no-op copy for the raw model we hold.
 */
function plain<Value>(value: Value): Value {
  return $state.snapshot(value) as Value
}

function failure(title: string, fileName: string, hint: string, error: unknown): DocumentReport {
  const message = error instanceof Error ? error.message : String(error)
  return { tone: 'error', title, fileName, hint, diagnostics: [diagnostic('app.request-failed', 'error', message, { file: fileName })] }
}
