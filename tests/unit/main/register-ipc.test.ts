import { describe, expect, it, vi } from 'vitest'
import { COMMAND_NAMES, IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL } from '../../../src-shared/ipc-contract'
import { registerIpc, sendEvent, UntrustedSenderError, type IpcMainPort } from '../../../src-main/ipc/register-ipc'
import { isTrustedSender } from '../../../src-main/ipc/trusted-sender'
import { makeHandlers } from './handler-fakes'

const APP = 'app://threatwright/index.html'
type Listener = (event: unknown, ...args: unknown[]) => Promise<unknown>

function fakeIpcMain() {
  const listeners = new Map<string, Listener>()
  const ipcMain = {
    handle: (channel: string, listener: Listener) => listeners.set(channel, listener),
    removeHandler: (channel: string) => listeners.delete(channel)
  }
  return { ipcMain: ipcMain as unknown as IpcMainPort, listeners }
}

function invokeFrom(listeners: Map<string, Listener>, frameUrl: string | null, name: unknown, request: unknown): Promise<unknown> {
  const listener = listeners.get(IPC_INVOKE_CHANNEL)
  if (listener === undefined) throw new Error('nothing registered')
  return listener({ senderFrame: frameUrl === null ? null : { url: frameUrl } }, name, request)
}

describe('registerIpc', () => {
  it('dispatches commands from the trusted renderer', async () => {
    const { ipcMain, listeners } = fakeIpcMain()
    registerIpc(ipcMain, makeHandlers().handlers, (url) => url !== undefined && isTrustedSender(url, APP))
    await expect(invokeFrom(listeners, APP, 'app:info', null)).resolves.toMatchObject({ name: 'Threatwright', mode: 'electron' })
  })

  it('refuses other frames before the handlers see anything', async () => {
    const { ipcMain, listeners } = fakeIpcMain()
    const dispatch = vi.fn()
    registerIpc(ipcMain, { dispatch }, (url) => url !== undefined && isTrustedSender(url, APP))
    await expect(invokeFrom(listeners, 'https://evil.example/', 'app:info', null)).rejects.toThrow(UntrustedSenderError)
    await expect(invokeFrom(listeners, `${APP}.evil`, 'app:info', null)).rejects.toThrow(UntrustedSenderError)
    await expect(invokeFrom(listeners, null, 'app:info', null)).rejects.toThrow(UntrustedSenderError)
    expect(dispatch).not.toHaveBeenCalled()
  })

  it('refuses every command, the new recovery ones included, from a wrong sender (a file:// page, another app:// host)', async () => {
    const { ipcMain, listeners } = fakeIpcMain()
    const dispatch = vi.fn()
    registerIpc(ipcMain, { dispatch }, (url) => isTrustedSender(url, APP))
    for (const sender of ['file:///app/out/renderer/index.html', 'app://other/index.html', 'about:blank', 'devtools://devtools/bundled/inspector.html']) {
      for (const name of COMMAND_NAMES) {
        await expect(invokeFrom(listeners, sender, name, null), `${name} from ${sender}`).rejects.toThrow(UntrustedSenderError)
      }
    }
    expect(dispatch).not.toHaveBeenCalled()
  })

  it('rejects unknown commands from the trusted renderer with a clear error', async () => {
    const { ipcMain, listeners } = fakeIpcMain()
    registerIpc(ipcMain, makeHandlers().handlers, () => true)
    await expect(invokeFrom(listeners, APP, 'shell:exec', 'rm -rf /')).rejects.toThrow(/Unknown command "shell:exec"/)
  })

  it('returns an unregister function', () => {
    const { ipcMain, listeners } = fakeIpcMain()
    const unregister = registerIpc(ipcMain, makeHandlers().handlers, () => true)
    expect(listeners.has(IPC_INVOKE_CHANNEL)).toBe(true)
    unregister()
    expect(listeners.has(IPC_INVOKE_CHANNEL)).toBe(false)
  })
})

describe('sendEvent', () => {
  it('sends name and payload on the event channel, and nothing to a destroyed window', () => {
    const sent: unknown[][] = []
    let destroyed = false
    const target = { send: (...args: unknown[]) => sent.push(args), isDestroyed: () => destroyed }
    sendEvent(target, 'menu:command', { commandId: 'file.save' })
    destroyed = true
    sendEvent(target, 'menu:command', { commandId: 'file.open' })
    expect(sent).toEqual([[IPC_EVENT_CHANNEL, 'menu:command', { commandId: 'file.save' }]])
  })
})
