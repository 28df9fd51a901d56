/**
 * Files that reach us from outside the window: Open Recent in the menu, the OS file association
 * (macOS 'open-file'), a second instance's command line. The renderer learns of them through the
 * 'document:opened' event. Opens arriving before the window has loaded wait for it; only the last counts,
 * because the app shows one document at a time.
 */
import { resolve } from 'node:path'
import type { OpenOutcome } from '../src-shared/ipc-contract'

/** The model files the OS hands us (electron-builder.yml's fileAssociations). */
export const ASSOCIATED_EXTENSIONS = ['.twm', '.tm7'] as const

export interface ExternalOpenerDeps {
  isDirty(): boolean
  /** "Discard changes" / "Cancel"; true means discard. */
  confirmDiscardChanges(): Promise<boolean>
  openPath(path: string): Promise<OpenOutcome>
  sendOpened(outcome: OpenOutcome): void
}

export interface ExternalOpener {
  open(path: string): Promise<void>
  /** The renderer is listening; flushes an open that arrived earlier. */
  markReady(): Promise<void>
}

export function createExternalOpener(deps: ExternalOpenerDeps): ExternalOpener {
  let ready = false
  let pending: string | null = null
  // One at a time: two quick opens must not show two "discard changes?" prompts at once.
  let queue: Promise<void> = Promise.resolve()

  async function openNow(path: string): Promise<void> {
    if (deps.isDirty() && !(await deps.confirmDiscardChanges())) return
    deps.sendOpened(await deps.openPath(path))
  }

  function open(path: string): Promise<void> {
    if (!ready) {
      pending = path
      return Promise.resolve()
    }
    queue = queue.then(() => openNow(path)).catch(() => undefined)
    return queue
  }

  return {
    open,
    markReady() {
      ready = true
      const waiting = pending
      pending = null
      return waiting === null ? Promise.resolve() : open(waiting)
    }
  }
}

/** Model files named on a command line (first launch or second instance), as absolute paths. */
export function fileArgumentsFrom(argv: readonly string[], workingDirectory: string): string[] {
  return argv
    .slice(1)
    .filter((argument) => !argument.startsWith('-'))
    .filter((argument) => ASSOCIATED_EXTENSIONS.some((extension) => argument.toLowerCase().endsWith(extension)))
    .map((argument) => resolve(workingDirectory, argument))
}
