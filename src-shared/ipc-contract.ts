/**
 * The one typed contract between the renderer and the main process (GitHub Desktop's pattern).
 * Electron carries it over IPC (src-preload exposes `invoke`), browser mode over HTTP
 * (POST /<token>/api/<command>): the same handlers answer both, so the renderer cannot tell them apart.
 * Only `import type` from other layers: this file must stay free of code either side could not run.
 */
import type { Diagnostic } from '../model/diagnostics'
import type { ThreatModel } from '../model/model'
import type { Template } from '../model/template'
import type { TemplateSource } from '../model/template-source'

export type AppMode = 'electron' | 'browser'

export interface AppInfo {
  readonly name: string
  readonly version: string
  readonly mode: AppMode
}

/** A format the app can read or write, for menus and file pickers (rendered from importers/registry.ts). */
export interface FormatInfo {
  readonly id: string
  readonly label: string
  readonly extensions: readonly string[]
  readonly canRead: boolean
  readonly canWrite: boolean
}

export interface OpenedDocument {
  /** The file name shown in the title bar and in messages. */
  readonly fileName: string
  /** Absolute path in the desktop app; null in browser mode and for the sample or a new model. */
  readonly path: string | null
  /** The format the file was read as (registry id), e.g. `native`, `tm7`. */
  readonly formatId: string
  readonly model: ThreatModel
  /** Warnings and notes from reading: the import report. */
  readonly diagnostics: readonly Diagnostic[]
  /**
   * The TMT template the file carries (a .tm7's KnowledgeBase, also kept when saved as .twm, or the .tb7
   * Apply Template stored in `extensions.tb7`), read by main so Threats ▸ Generate can run its rules as TMT
   * would; absent when the model carries none that reads.
   */
  readonly embeddedTemplate?: Template
  /**
   * Lower-case hex SHA-256 of the exact bytes main read (the file, the upload, the embedded sample), so a
   * report on the unmodified document gives the hash `sha256sum` prints for the file (issue 9). After a
   * save the renderer replaces it with the SaveOutcome's `sha256`. Absent when no bytes stand behind the
   * document: a new model, a crash-recovery copy.
   */
  readonly fileSha256?: string
}

export type OpenOutcome =
  | { readonly kind: 'opened'; readonly document: OpenedDocument }
  | { readonly kind: 'failed'; readonly fileName: string; readonly diagnostics: readonly Diagnostic[] }
  | { readonly kind: 'cancelled' }

export type SaveOutcome =
  /**
   * Written to disk atomically; the previous version was kept as `backupPath` when there was one.
   * `diagnostics`: what a lossy export could not carry (warnings), absent or empty when nothing was lost.
   */
  | {
      readonly kind: 'written'
      readonly path: string
      readonly backupPath: string | null
      readonly diagnostics?: readonly Diagnostic[]
      /** Lower-case hex SHA-256 of the bytes written (what `sha256sum` of the file prints). */
      readonly sha256?: string
    }
  /** Browser mode: the renderer offers these bytes as a download (`diagnostics` and `sha256` as for `written`). */
  | {
      readonly kind: 'download'
      readonly fileName: string
      readonly base64: string
      readonly diagnostics?: readonly Diagnostic[]
      readonly sha256?: string
    }
  | { readonly kind: 'failed'; readonly diagnostics: readonly Diagnostic[] }
  | { readonly kind: 'cancelled' }

/**
 * A crash-recovery copy the app found on start that differs from the file on disk (or has no file):
 * offered to the user to restore or discard. `id` is the document key the renderer autosaved it under.
 */
export interface RecoveryEntry {
  readonly id: string
  readonly fileName: string
  readonly path: string | null
  readonly formatId: string
  /** When the copy was written (ISO 8601). */
  readonly savedAt: string
  readonly reason: 'differs-from-disk' | 'missing-on-disk' | 'unreadable-on-disk' | 'never-saved'
}

/** The hash of what Save would write now: for a report on a model whose changes no file holds yet. */
export type NativeHashOutcome =
  | { readonly kind: 'hashed'; readonly sha256: string }
  /** The model does not pass validation, so Save would refuse it too. */
  | { readonly kind: 'failed'; readonly diagnostics: readonly Diagnostic[] }

export type AutosaveOutcome = { readonly kind: 'saved' } | { readonly kind: 'failed'; readonly diagnostics: readonly Diagnostic[] }

/** Whether the open file changed on disk since this app opened or saved it (mtime + size, then content hash). */
export type ChangeCheck =
  | { readonly kind: 'unchanged' }
  | { readonly kind: 'changed'; readonly size: number; readonly modifiedAt: string }
  | { readonly kind: 'missing' }
  /** Not a file this app opened or saved this session: nothing recorded to compare with. */
  | { readonly kind: 'not-tracked' }

/**
 * A report printed to PDF by main: Electron's printToPDF in the desktop app, headless Chromium in browser
 * mode. Bytes travel as base64, as a save's download does (JSON carries no bytes).
 */
export type PdfPrintOutcome =
  | { readonly kind: 'printed'; readonly base64: string }
  /** Nothing to print with (browser mode without Chromium); `message` says how to get one. */
  | { readonly kind: 'unavailable'; readonly message: string }
  | { readonly kind: 'failed'; readonly message: string }

/**
 * A template file (.tb7) the user chose, read by main: the renderer runs no importers (lint/layers.mjs).
 * `failed` carries diagnostics that name the file and the place (a line, an XML path).
 */
export type TemplateReadOutcome =
  /** `source`: the file's text as main read it, which Apply Template stores in the model (null: not a .tb7). */
  | { readonly kind: 'read'; readonly template: Template; readonly diagnostics: readonly Diagnostic[]; readonly source: TemplateSource | null }
  | { readonly kind: 'failed'; readonly fileName: string; readonly diagnostics: readonly Diagnostic[] }

/** Renderer → main requests, each answered with a Promise of `response`. */
export interface Commands {
  'app:info': { request: null; response: AppInfo }
  'formats:list': { request: null; response: readonly FormatInfo[] }
  /** The embedded sample model, opened on first start. */
  'document:open-sample': { request: null; response: OpenOutcome }
  /** Desktop only: shows the native Open dialog. Browser mode answers `cancelled` (it uploads instead). */
  'document:open-dialog': { request: null; response: OpenOutcome }
  /** Bytes the user picked or dropped (browser upload, drag and drop). Format detected by content. */
  'document:open-bytes': { request: { readonly fileName: string; readonly base64: string }; response: OpenOutcome }
  'document:open-recent': { request: { readonly path: string }; response: OpenOutcome }
  'document:recent-list': { request: null; response: readonly string[] }
  /**
   * Save to the document's own path in the native format. With no path, or when the file on disk is
   * another format, main asks (Save As) instead of overwriting it.
   */
  'document:save': {
    request: { readonly model: ThreatModel; readonly path: string | null; readonly formatId: string }
    response: SaveOutcome
  }
  'document:save-as': { request: { readonly model: ThreatModel; readonly suggestedName: string }; response: SaveOutcome }
  /** Write the model in another registered format (Export…). */
  'document:export': {
    request: { readonly model: ThreatModel; readonly formatId: string; readonly suggestedName: string }
    response: SaveOutcome
  }
  /**
   * SHA-256 of the model serialised as a native .twm file: the bytes File ▸ Save would write now. The
   * report of a model with unsaved changes (or never saved) names this hash as such, since no file holds it.
   */
  'document:native-sha256': { request: { readonly model: ThreatModel }; response: NativeHashOutcome }
  /** The renderer reports unsaved changes so main can ask before closing the window. */
  'document:set-dirty': { request: { readonly dirty: boolean }; response: null }
  /**
   * A recovery copy of the open model, sent a few seconds after the last edit. `documentKey` is the
   * renderer's id for this open document (letters, digits, `-`, `_`; 8–64), so each document has one copy.
   */
  'document:autosave': {
    request: {
      readonly documentKey: string
      readonly model: ThreatModel
      readonly path: string | null
      readonly fileName: string
      readonly formatId: string
    }
    response: AutosaveOutcome
  }
  /** Recovery copies that differ from their file on disk; copies equal to it are deleted. */
  'document:recovery-list': { request: null; response: readonly RecoveryEntry[] }
  /** Opens a recovery copy as the document (unsaved: the renderer marks it dirty). */
  'document:recover': { request: { readonly id: string }; response: OpenOutcome }
  /** Deletes a recovery copy: after a save, after a clean close, or when the user declines it. */
  'document:recovery-discard': { request: { readonly id: string }; response: null }
  /**
   * Has the file changed on disk since we opened or saved it? `acknowledge: true` records the current disk
   * state as seen (the user chose "keep mine"), so the next check reports only newer changes.
   */
  'document:check-changed': { request: { readonly path: string; readonly acknowledge: boolean }; response: ChangeCheck }
  /** The renderer's command state for the native menu: it greys and checks items as the page's menus do. */
  'menu:set-state': { request: MenuState; response: null }
  /**
   * Prints a report the page rendered (reports/render-html.ts) to PDF. The HTML is untrusted: main shows it
   * only in a throw-away page that runs no script and may load nothing (issue 9).
   */
  'report:print-pdf': { request: { readonly html: string }; response: PdfPrintOutcome }
  /** Threats ▸ Apply Template with a template file: its bytes, read by importers/registry's templateFormats. */
  'template:read': { request: { readonly fileName: string; readonly base64: string }; response: TemplateReadOutcome }
}

/**
 * Which menu commands cannot run now and which toggles are on, by command id of the renderer's registry
 * (src-renderer/src/commands/registry.ts). Ids the menu does not have are ignored.
 */
export interface MenuState {
  readonly disabled: readonly string[]
  readonly checked: readonly string[]
}

export type CommandName = keyof Commands
export type CommandRequest<Name extends CommandName> = Commands[Name]['request']
export type CommandResponse<Name extends CommandName> = Commands[Name]['response']

/** Main → renderer events. Menu items are command ids of the renderer's command registry. */
export interface Events {
  'menu:command': { readonly commandId: string }
  /** A file opened from outside the window (OS file association, second instance, Open Recent). */
  'document:opened': OpenOutcome
}

export type EventName = keyof Events

/** What the preload exposes as `window.threatwright`, and what browser mode implements over HTTP. */
export interface ThreatwrightApi {
  invoke<Name extends CommandName>(name: Name, request: CommandRequest<Name>): Promise<CommandResponse<Name>>
  /** Subscribes to a main-process event; returns the unsubscribe function. */
  on<Name extends EventName>(name: Name, listener: (payload: Events[Name]) => void): () => void
}

/** Every command name, for validating what arrives over IPC or HTTP before dispatching it. */
export const COMMAND_NAMES: readonly CommandName[] = [
  'app:info',
  'formats:list',
  'document:open-sample',
  'document:open-dialog',
  'document:open-bytes',
  'document:open-recent',
  'document:recent-list',
  'document:save',
  'document:save-as',
  'document:export',
  'document:native-sha256',
  'document:set-dirty',
  'document:autosave',
  'document:recovery-list',
  'document:recover',
  'document:recovery-discard',
  'document:check-changed',
  'menu:set-state',
  'report:print-pdf',
  'template:read'
]

export function isCommandName(value: unknown): value is CommandName {
  return typeof value === 'string' && (COMMAND_NAMES as readonly string[]).includes(value)
}

/** Every event name, so the preload subscribes only to events the contract declares. */
export const EVENT_NAMES: readonly EventName[] = ['menu:command', 'document:opened']

export function isEventName(value: unknown): value is EventName {
  return typeof value === 'string' && (EVENT_NAMES as readonly string[]).includes(value)
}

/** The IPC channel names, prefixed so nothing else on ipcMain can collide with them. */
export const IPC_INVOKE_CHANNEL = 'threatwright:invoke'
export const IPC_EVENT_CHANNEL = 'threatwright:event'
