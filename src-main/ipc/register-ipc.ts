/**
 * The only file that touches ipcMain or sends on the event channel (GitHub Desktop's single IPC wrapper).
 * Every request's sender is checked here, once, before anything is dispatched.
 */
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron'
import { IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL, type EventName, type Events } from '../../src-shared/ipc-contract'
import type { CommandHandlers } from '../handlers/command-handlers'

export type IpcMainPort = Pick<IpcMain, 'handle' | 'removeHandler'>
export type InvokeEventPort = Pick<IpcMainInvokeEvent, 'senderFrame'>
export type EventTargetPort = Pick<WebContents, 'send' | 'isDestroyed'>

export class UntrustedSenderError extends Error {
  constructor(frameUrl: string | undefined) {
    super(`Refused IPC from an untrusted frame (${frameUrl ?? 'no frame'})`)
    this.name = 'UntrustedSenderError'
  }
}

/**
 * Answers IPC_INVOKE_CHANNEL with `handlers`. Returns the unregister function. A refused or rejected
 * request rejects the renderer's promise with the error's message; nothing else crosses back.
 */
export function registerIpc(
  ipcMain: IpcMainPort,
  handlers: Pick<CommandHandlers, 'dispatch'>,
  isTrustedSender: (frameUrl: string | undefined) => boolean
): () => void {
  ipcMain.handle(IPC_INVOKE_CHANNEL, async (event: InvokeEventPort, name: unknown, request: unknown) => {
    // senderFrame is null when the frame navigated away or was destroyed before we got here.
    const frameUrl = event.senderFrame?.url
    if (!isTrustedSender(frameUrl)) throw new UntrustedSenderError(frameUrl)
    return handlers.dispatch(name, request)
  })
  return () => ipcMain.removeHandler(IPC_INVOKE_CHANNEL)
}

export function sendEvent<Name extends EventName>(target: EventTargetPort, name: Name, payload: Events[Name]): void {
  if (target.isDestroyed()) return
  target.send(IPC_EVENT_CHANNEL, name, payload)
}
