/**
 * Ports for the handlers in browser mode. A page in a browser has no native dialogs, and browser mode
 * touches the user's files only through uploads and downloads, so these answer "cancelled" and "no".
 */
import type { DialogPort, FilePort } from '../handlers/ports'

export const cancelledDialogs: DialogPort = {
  showOpen: async () => null,
  showSave: async () => null,
  confirmOverwriteForeignFormat: async () => false,
  confirmOverwrite: async () => false
}

function refused(path: string): Error {
  return Object.assign(new Error(`browser mode does not access ${path} directly`), { code: 'EACCES' })
}

/** Defence in depth: even if a handler path were reached by mistake, browser mode reads and writes no path. */
export const noDiskAccess: FilePort = {
  readFile: async (path) => {
    throw refused(path)
  },
  stat: async (path) => {
    throw refused(path)
  },
  writeAtomic: async (path) => {
    throw refused(path)
  }
}
