/**
 * The DialogPort and the main-side prompts on Electron's native dialogs. Electron's `dialog` is injected
 * (index.ts passes the real one), so this file never loads Electron itself.
 */
import type { BaseWindow, Dialog, FileFilter, MessageBoxOptions } from 'electron'
import type { ModelFormat } from '../importers/format'
import type { CloseChoice } from './close-prompt'
import type { DialogPort } from './handlers/ports'

export type DialogApi = Pick<Dialog, 'showOpenDialog' | 'showSaveDialog' | 'showMessageBox'>

export interface ElectronPrompts extends DialogPort {
  askSaveBeforeClose(): Promise<CloseChoice>
  confirmDiscardChanges(): Promise<boolean>
}

function extensionsWithoutDot(formats: readonly ModelFormat[]): string[] {
  return [...new Set(formats.flatMap((format) => format.extensions.map((extension) => extension.replace(/^\./, ''))))]
}

export function createElectronPrompts(dialog: DialogApi, parentWindow: () => BaseWindow | null): ElectronPrompts {
  // Modal to the window when there is one, so the prompt cannot end up behind it.
  async function messageBox(options: MessageBoxOptions): Promise<number> {
    const window = parentWindow()
    const result = window === null ? await dialog.showMessageBox(options) : await dialog.showMessageBox(window, options)
    return result.response
  }

  async function confirmReplace(message: string, detail: string): Promise<boolean> {
    const response = await messageBox({ type: 'warning', message, detail, buttons: ['Replace', 'Cancel'], defaultId: 1, cancelId: 1 })
    return response === 0
  }

  return {
    async showOpen(formats) {
      const filters: FileFilter[] = [
        { name: 'Threat models', extensions: extensionsWithoutDot(formats) },
        { name: 'All files', extensions: ['*'] }
      ]
      const window = parentWindow()
      const options = { title: 'Open Threat Model', properties: ['openFile' as const], filters }
      const result = window === null ? await dialog.showOpenDialog(options) : await dialog.showOpenDialog(window, options)
      return result.canceled ? null : (result.filePaths[0] ?? null)
    },
    async showSave(suggestedName, format) {
      const window = parentWindow()
      const options = {
        defaultPath: suggestedName,
        filters: [{ name: format.label, extensions: extensionsWithoutDot([format]) }],
        // Linux (GTK) only asks before replacing a file when told to; macOS and Windows always do.
        properties: ['showOverwriteConfirmation' as const, 'createDirectory' as const]
      }
      const result = window === null ? await dialog.showSaveDialog(options) : await dialog.showSaveDialog(window, options)
      return result.canceled || result.filePath === undefined || result.filePath === '' ? null : result.filePath
    },
    confirmOverwriteForeignFormat(path, foundFormatLabel, targetFormatLabel) {
      const found = foundFormatLabel === null ? 'a file Threatwright does not recognise' : `a ${foundFormatLabel} file`
      return confirmReplace(
        `Replace ${found}?`,
        `${path} is ${found}. Replacing it with a ${targetFormatLabel} file changes its format; a copy of the old file is kept next to it as .bak.`
      )
    },
    confirmOverwrite(path) {
      return confirmReplace(`Replace ${path}?`, 'A file with this name already exists. A copy of it is kept next to it as .bak.')
    },
    async askSaveBeforeClose() {
      const response = await messageBox({
        type: 'warning',
        message: 'Save changes to this threat model before closing?',
        detail: 'Your changes will be lost if you do not save them.',
        buttons: ['Save', "Don't Save", 'Cancel'],
        defaultId: 0,
        cancelId: 2
      })
      return response === 0 ? 'save' : response === 1 ? 'discard' : 'cancel'
    },
    async confirmDiscardChanges() {
      const response = await messageBox({
        type: 'warning',
        message: 'Discard unsaved changes?',
        detail: 'Opening another file replaces the current threat model.',
        buttons: ['Discard Changes', 'Cancel'],
        defaultId: 1,
        cancelId: 1
      })
      return response === 0
    }
  }
}
