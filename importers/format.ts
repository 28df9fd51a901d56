import type { Diagnostic } from '../model/diagnostics'
import type { ThreatModel } from '../model/model'

/** What a reader is given: the bytes and the name to put in messages. Readers do no I/O of their own. */
export interface ReadInput {
  readonly bytes: Uint8Array
  /** The file's name or path as the user knows it; every diagnostic names it. */
  readonly fileName: string
  /**
   * Reads a file next to this one (Threagile `includes`), by a path relative to its folder that the
   * reader has already confined to that folder; null when it does not exist. Absent where the caller
   * cannot read files (browser mode), and readers then say so for the part they cannot load.
   */
  readonly readSibling?: (relativePath: string) => Uint8Array | null
}

/** A reader's answer: a model (possibly with warnings) or null with at least one error. */
export interface ReadResult {
  readonly model: ThreatModel | null
  readonly diagnostics: readonly Diagnostic[]
}

export interface WriteResult {
  readonly bytes: Uint8Array
  /** What the target format could not hold (lossy export), as warnings. */
  readonly diagnostics: readonly Diagnostic[]
}

/**
 * One entry of the format registry (pandoc's reader/writer table). Menus, the CLI and the browser-mode
 * server all render from the same list, so a new format is one new folder plus one line in registry.ts.
 */
export interface ModelFormat {
  readonly id: string
  readonly label: string
  /** Output extensions, lower case with the dot (`.twm`). Input formats are detected by content. */
  readonly extensions: readonly string[]
  /** Content sniffing: true when these bytes are this format. Must be cheap and never throw. */
  readonly detect: (text: string) => boolean
  readonly read?: (input: ReadInput) => ReadResult
  readonly write?: (model: ThreatModel) => WriteResult
}
