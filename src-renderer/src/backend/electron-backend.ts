import type {
  CommandName,
  CommandRequest,
  CommandResponse,
  EventName,
  Events,
  ThreatwrightApi
} from '../../../src-shared/ipc-contract'

/**
 * Electron: the preload's `window.threatwright`, with one repair. `ipcRenderer.invoke` wraps a
 * handler's error as "Error invoking remote method 'threatwright:invoke': Error: <message>"; the
 * prefix means nothing to a reviewer, so it is cut and the message reads as it does in browser mode.
 *
 * Callers pass plain data: the document store `$state.snapshot()`s the model before saving, because a
 * Svelte proxy cannot be structured-cloned across IPC (DataCloneError).
 */
export function createElectronBackend(preload: ThreatwrightApi): ThreatwrightApi {
  return {
    async invoke<Name extends CommandName>(name: Name, request: CommandRequest<Name>): Promise<CommandResponse<Name>> {
      try {
        return await preload.invoke(name, request)
      } catch (error) {
        throw new Error(cleanIpcMessage(error), { cause: error })
      }
    },
    on<Name extends EventName>(name: Name, listener: (payload: Events[Name]) => void): () => void {
      return preload.on(name, listener)
    }
  }
}

const IPC_ERROR_PREFIX = /^Error invoking remote method '[^']*': (?:\w*Error: )?/

export function cleanIpcMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error)
  return message.replace(IPC_ERROR_PREFIX, '')
}
