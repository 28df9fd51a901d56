/**
 * window.threatwright: the renderer's only door to the main process. It forwards contract commands and
 * events and nothing else; ipcRenderer itself never reaches the page (Electron's context isolation
 * guidance: expose functions, not the IPC object).
 */
import type { IpcRenderer, IpcRendererEvent } from 'electron'
import {
  IPC_EVENT_CHANNEL,
  IPC_INVOKE_CHANNEL,
  isCommandName,
  isEventName,
  type CommandName,
  type CommandRequest,
  type CommandResponse,
  type EventName,
  type Events,
  type ThreatwrightApi
} from '../src-shared/ipc-contract'

export type IpcRendererPort = Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>

export function createThreatwrightApi(ipcRenderer: IpcRendererPort): ThreatwrightApi {
  return {
    invoke<Name extends CommandName>(name: Name, request: CommandRequest<Name>): Promise<CommandResponse<Name>> {
      if (!isCommandName(name)) return Promise.reject(new Error(`Unknown command ${JSON.stringify(name)}`))
      return ipcRenderer.invoke(IPC_INVOKE_CHANNEL, name, request) as Promise<CommandResponse<Name>>
    },
    on<Name extends EventName>(name: Name, listener: (payload: Events[Name]) => void): () => void {
      if (!isEventName(name)) throw new Error(`Unknown event ${JSON.stringify(name)}`)
      // The page gets the payload only, never the IpcRendererEvent (it would hand out `sender`).
      const forward = (_event: IpcRendererEvent, eventName: unknown, payload: unknown): void => {
        if (eventName === name) listener(payload as Events[Name])
      }
      ipcRenderer.on(IPC_EVENT_CHANNEL, forward)
      return () => {
        ipcRenderer.removeListener(IPC_EVENT_CHANNEL, forward)
      }
    }
  }
}
