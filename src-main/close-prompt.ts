/**
 * What happens when the user closes a window with unsaved changes: Save / Don't Save / Cancel.
 * The 'close' event must be cancelled synchronously, so we always cancel first, ask, then close again
 * ourselves. "Save" is the renderer's job ('file.save-and-close'): it owns the model. Main watches the
 * save's outcome and closes only once the file is really written; a cancelled or failed save keeps the
 * window open with the changes.
 */
import type { SaveOutcome } from '../src-shared/ipc-contract'

export type CloseChoice = 'save' | 'discard' | 'cancel'

export interface CloseControllerDeps {
  isDirty(): boolean
  askSaveBeforeClose(): Promise<CloseChoice>
  /** Sends 'menu:command' { commandId: 'file.save-and-close' } to the renderer. */
  requestSaveAndClose(): void
  closeWindow(): void
}

export interface CloseController {
  /** Call from the window's 'close' event; true means "call event.preventDefault()". */
  shouldPreventClose(): boolean
  /** Every document:save / save-as outcome (CommandHandlerDeps.afterSave). */
  onSaveFinished(outcome: SaveOutcome): void
}

export function createCloseController(deps: CloseControllerDeps): CloseController {
  let closeApproved = false
  let prompting = false
  let awaitingSave = false

  function approveAndClose(): void {
    closeApproved = true
    deps.closeWindow()
  }

  function handleChoice(choice: CloseChoice): void {
    if (choice === 'save') {
      awaitingSave = true
      deps.requestSaveAndClose()
    } else if (choice === 'discard') {
      approveAndClose()
    }
  }

  return {
    shouldPreventClose() {
      if (closeApproved || !deps.isDirty()) return false
      // A second close (the user clicks X again) while the prompt is open must not stack prompts.
      if (!prompting) {
        prompting = true
        void deps
          .askSaveBeforeClose()
          .catch((): CloseChoice => 'cancel')
          .then((choice) => {
            prompting = false
            handleChoice(choice)
          })
      }
      return true
    },
    onSaveFinished(outcome) {
      if (!awaitingSave) return
      awaitingSave = false
      if (outcome.kind === 'written') approveAndClose()
    }
  }
}
