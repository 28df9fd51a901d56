import { beforeEach, describe, expect, it, vi } from 'vitest'
import { IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL, type ThreatwrightApi } from '../../../src-shared/ipc-contract'

// Electron's binary is not installed on build machines; the preload only needs these two objects.
const electron = vi.hoisted(() => {
  type Listener = (event: unknown, ...args: unknown[]) => void
  const listeners = new Map<string, Set<Listener>>()
  return {
    listeners,
    contextBridge: { exposeInMainWorld: vi.fn() },
    ipcRenderer: {
      invoke: vi.fn(async (...args: unknown[]) => ({ echoed: args })),
      on: vi.fn((channel: string, listener: Listener) => {
        if (!listeners.has(channel)) listeners.set(channel, new Set())
        listeners.get(channel)?.add(listener)
      }),
      removeListener: vi.fn((channel: string, listener: Listener) => {
        listeners.get(channel)?.delete(listener)
      })
    },
    emit(channel: string, ...args: unknown[]) {
      for (const listener of listeners.get(channel) ?? []) listener({ sender: 'secret' }, ...args)
    }
  }
})

vi.mock('electron', () => ({ contextBridge: electron.contextBridge, ipcRenderer: electron.ipcRenderer }))

async function loadPreload(): Promise<ThreatwrightApi> {
  vi.resetModules()
  electron.contextBridge.exposeInMainWorld.mockClear()
  await import('../../../src-preload/index')
  const call = electron.contextBridge.exposeInMainWorld.mock.calls[0]
  if (call === undefined) throw new Error('nothing exposed')
  return call[1] as ThreatwrightApi
}

describe('preload', () => {
  beforeEach(() => {
    electron.ipcRenderer.invoke.mockClear()
    electron.listeners.clear()
  })

  it('exposes exactly one global, `threatwright`, with invoke and on only', async () => {
    const api = await loadPreload()
    expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1)
    expect(electron.contextBridge.exposeInMainWorld.mock.calls[0]?.[0]).toBe('threatwright')
    expect(Object.keys(api).sort()).toEqual(['invoke', 'on'])
    expect(Object.values(api)).not.toContain(electron.ipcRenderer)
  })

  it('forwards contract commands on the invoke channel', async () => {
    const api = await loadPreload()
    await expect(api.invoke('document:set-dirty', { dirty: true })).resolves.toEqual({
      echoed: [IPC_INVOKE_CHANNEL, 'document:set-dirty', { dirty: true }]
    })
  })

  it('refuses unknown command names without touching IPC', async () => {
    const api = await loadPreload()
    const invokeAnything = api.invoke as (name: string, request: unknown) => Promise<unknown>
    await expect(invokeAnything('shell:exec', 'rm -rf /')).rejects.toThrow(/Unknown command/)
    await expect(invokeAnything('__proto__', null)).rejects.toThrow(/Unknown command/)
    expect(electron.ipcRenderer.invoke).not.toHaveBeenCalled()
  })

  it('delivers only the subscribed event, payload only, until unsubscribed', async () => {
    const api = await loadPreload()
    const received: unknown[][] = []
    const unsubscribe = api.on('menu:command', (...args) => received.push(args))
    electron.emit(IPC_EVENT_CHANNEL, 'document:opened', { kind: 'cancelled' })
    electron.emit(IPC_EVENT_CHANNEL, 'menu:command', { commandId: 'file.save' })
    unsubscribe()
    electron.emit(IPC_EVENT_CHANNEL, 'menu:command', { commandId: 'file.open' })
    expect(received).toEqual([[{ commandId: 'file.save' }]])
  })

  it('refuses to subscribe to events the contract does not declare', async () => {
    const api = await loadPreload()
    const onAnything = api.on as (name: string, listener: () => void) => () => void
    expect(() => onAnything('anything', () => undefined)).toThrow(/Unknown event/)
  })
})
