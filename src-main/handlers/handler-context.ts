import type { ChangeDetector } from '../recovery/change-detector'
import type { CommandHandlerDeps, FormatRegistry, SampleModel } from './ports'

/** What the open and save commands share within one createCommandHandlers call. */
export interface HandlerContext {
  readonly deps: CommandHandlerDeps
  readonly registry: FormatRegistry
  readonly sample: SampleModel
  /**
   * Paths the user chose this session (opened, or picked in a Save dialog). document:save writes in place
   * only to these or to recent files, so a renderer cannot name an arbitrary file and have it overwritten.
   */
  readonly knownPaths: Set<string>
  /** What each opened or saved file looked like then, for `document:check-changed`. */
  readonly changes: ChangeDetector
  /** The recent-files list is a convenience: failing to update it must not fail an open or a save. */
  ignoreStoreFailure(pending: Promise<void>): Promise<void>
}
