/**
 * What the command handlers need from the outside world, as ports. The handlers are plain Node so they
 * run under vitest without Electron; src-main/index.ts plugs in Electron's dialogs, browser mode plugs
 * in dialogs that always answer "cancelled".
 */
import type { ThreatModel } from '../../model/model'
import type { DetectedReadResult } from '../../importers/registry'
import type { ModelFormat, ReadInput, WriteResult } from '../../importers/format'
import type { AppMode, MenuState, SaveOutcome } from '../../src-shared/ipc-contract'
import type { PdfPrinter } from '../../node-io/chromium-pdf'
import type { RecoveryStore } from '../recovery/recovery-store'

export interface DialogPort {
  /** The native Open dialog; the path picked, or null when cancelled. */
  showOpen(formats: readonly ModelFormat[]): Promise<string | null>
  /** The native Save dialog starting at `suggestedName` (a bare name or a full path); null when cancelled. */
  showSave(suggestedName: string, format: ModelFormat): Promise<string | null>
  /**
   * The chosen file exists and holds another format (the .tm7 or .yaml a colleague may still need), or
   * content no format recognises (`foundFormatLabel` null). True means "replace it".
   */
  confirmOverwriteForeignFormat(path: string, foundFormatLabel: string | null, targetFormatLabel: string): Promise<boolean>
  /** We appended the extension to the name the user typed, and that file exists: the OS dialog never asked. */
  confirmOverwrite(path: string): Promise<boolean>
}

export interface FileStat {
  readonly isFile: boolean
  readonly size: number
  /** Last modification, for noticing changes made behind our back (recovery/change-detector.ts). */
  readonly mtimeMs?: number
}

export interface FilePort {
  /** Reads a whole file; rejects with a FileTooLargeError above `maxBytes` (never reads more than that). */
  readFile(path: string, maxBytes: number): Promise<Uint8Array>
  /** null when nothing exists at `path`. */
  stat(path: string): Promise<FileStat | null>
  /** Atomic replace keeping `<path>.bak` of the previous version (node-io/atomic-write.ts). */
  writeAtomic(path: string, bytes: Uint8Array): Promise<{ readonly path: string; readonly backupPath: string | null }>
}

export interface RecentFilesStore {
  list(): Promise<readonly string[]>
  add(path: string): Promise<void>
  remove(path: string): Promise<void>
}

/** The format registry's functions (importers/registry.ts), injected so tests can use a small fake. */
export interface FormatRegistry {
  readonly formats: readonly ModelFormat[]
  readModelFile(input: ReadInput): DetectedReadResult
  detectFormat(bytes: Uint8Array): ModelFormat | null
  writeModel(model: ThreatModel, formatId: string): WriteResult
}

export interface SampleModel {
  readonly fileName: string
  readonly bytes: Uint8Array
}

export interface CommandHandlerDeps {
  readonly mode: AppMode
  readonly appVersion: string
  readonly dialogs: DialogPort
  readonly files: FilePort
  readonly recentFiles: RecentFilesStore
  readonly setDirty: (dirty: boolean) => void
  /** Greys and checks native menu items (Electron); browser mode draws its menus in the page and has none. */
  readonly setMenuState?: (state: MenuState) => void
  /** Told the outcome of every document:save / document:save-as (the close prompt waits for it). */
  readonly afterSave?: (outcome: SaveOutcome) => void
  /** Defaults to importers/registry.ts. */
  readonly registry?: FormatRegistry
  /** Defaults to samples/index.ts. */
  readonly sample?: SampleModel
  /** Crash-recovery copies (recovery/recovery-store.ts); without it, autosave answers `failed`. */
  readonly recovery?: RecoveryStore
  /**
   * Report HTML → PDF: Electron's printToPDF in a hidden locked-down window (electron-pdf-printer.ts), headless
   * Chromium in browser mode (node-io/chromium-pdf.ts). Without it, `report:print-pdf` answers `unavailable`.
   */
  readonly printPdf?: PdfPrinter
}
