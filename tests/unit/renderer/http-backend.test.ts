import { describe, expect, it } from 'vitest'
import { createHttpBackend, type FetchLike } from '../../../src-renderer/src/backend/http-backend'
import { cleanIpcMessage, createElectronBackend } from '../../../src-renderer/src/backend/electron-backend'
import { pickBackend } from '../../../src-renderer/src/backend/pick-backend'
import type { ThreatwrightApi } from '../../../src-shared/ipc-contract'

interface Call {
  readonly url: string
  readonly init: Parameters<FetchLike>[1]
}

function fakeFetch(status: number, body: unknown | (() => never)): { fetch: FetchLike; calls: Call[] } {
  const calls: Call[] = []
  const fetch: FetchLike = async (url, init) => {
    calls.push({ url, init })
    return {
      ok: status >= 200 && status < 300,
      status,
      json: async () => (typeof body === 'function' ? (body as () => never)() : body)
    }
  }
  return { fetch, calls }
}

const BASE = 'http://127.0.0.1:47831/secret-token/'

describe('http backend', () => {
  it('POSTs { request } as JSON to api/<command> relative to the page URL (token kept)', async () => {
    const { fetch, calls } = fakeFetch(200, { response: { name: 'Threatwright', version: '0.1.0', mode: 'browser' } })
    const api = createHttpBackend({ baseUrl: BASE, fetch })

    const info = await api.invoke('app:info', null)

    expect(info).toEqual({ name: 'Threatwright', version: '0.1.0', mode: 'browser' })
    expect(calls).toHaveLength(1)
    expect(calls[0]?.url).toBe('http://127.0.0.1:47831/secret-token/api/app:info')
    expect(calls[0]?.init.method).toBe('POST')
    expect(calls[0]?.init.headers['content-type']).toBe('application/json')
    expect(JSON.parse(calls[0]?.init.body ?? '')).toEqual({ request: null })
  })

  it('sends the request body as given', async () => {
    const { fetch, calls } = fakeFetch(200, { response: { kind: 'cancelled' } })
    const api = createHttpBackend({ baseUrl: `${BASE}index.html`, fetch })

    await api.invoke('document:open-bytes', { fileName: 'a.json', base64: 'e30=' })

    expect(calls[0]?.url).toBe(`${BASE}api/document:open-bytes`)
    expect(JSON.parse(calls[0]?.init.body ?? '')).toEqual({ request: { fileName: 'a.json', base64: 'e30=' } })
  })

  it("rejects with the server's message on { error }", async () => {
    const { fetch } = fakeFetch(400, { error: 'document:open-bytes: base64 is not valid' })
    const api = createHttpBackend({ baseUrl: BASE, fetch })

    await expect(api.invoke('document:open-bytes', { fileName: 'x', base64: '!' })).rejects.toThrow(
      'document:open-bytes: base64 is not valid'
    )
  })

  it('rejects on a 403 with the message, e.g. a wrong token', async () => {
    const { fetch } = fakeFetch(403, { error: 'forbidden' })
    await expect(createHttpBackend({ baseUrl: BASE, fetch }).invoke('app:info', null)).rejects.toThrow('forbidden')
  })

  it('rejects clearly when the answer is not JSON', async () => {
    const { fetch } = fakeFetch(502, () => {
      throw new SyntaxError('Unexpected token <')
    })
    await expect(createHttpBackend({ baseUrl: BASE, fetch }).invoke('app:info', null)).rejects.toThrow(
      'app:info: the server answered HTTP 502 without a JSON body'
    )
  })

  it('rejects when a success has no response field', async () => {
    const { fetch } = fakeFetch(200, { something: 1 })
    await expect(createHttpBackend({ baseUrl: BASE, fetch }).invoke('app:info', null)).rejects.toThrow('no "response"')
  })

  it('rejects a non-2xx answer without an error field', async () => {
    const { fetch } = fakeFetch(500, { response: null })
    await expect(createHttpBackend({ baseUrl: BASE, fetch }).invoke('app:info', null)).rejects.toThrow('HTTP 500')
  })

  it('has no events: on() returns a harmless unsubscribe', () => {
    const { fetch } = fakeFetch(200, {})
    const off = createHttpBackend({ baseUrl: BASE, fetch }).on('menu:command', () => {
      throw new Error('never called')
    })
    expect(() => off()).not.toThrow()
  })
})

describe('electron backend', () => {
  it("strips ipcRenderer's wrapper from error messages", () => {
    expect(cleanIpcMessage(new Error("Error invoking remote method 'threatwright:invoke': Error: file too large"))).toBe(
      'file too large'
    )
    expect(cleanIpcMessage('plain')).toBe('plain')
  })

  it('forwards invoke and on to the preload bridge', async () => {
    const seen: string[] = []
    const preload: ThreatwrightApi = {
      invoke: (async (name: string) => {
        seen.push(name)
        if (name === 'document:recent-list') throw new Error("Error invoking remote method 'threatwright:invoke': Error: boom")
        return { name: 'Threatwright', version: '1', mode: 'electron' }
      }) as ThreatwrightApi['invoke'],
      on: () => () => seen.push('off')
    }
    const api = createElectronBackend(preload)

    await expect(api.invoke('app:info', null)).resolves.toMatchObject({ mode: 'electron' })
    await expect(api.invoke('document:recent-list', null)).rejects.toThrow(/^boom$/)
    api.on('menu:command', () => {})()
    expect(seen).toEqual(['app:info', 'document:recent-list', 'off'])
  })
})

describe('pickBackend', () => {
  const { fetch } = fakeFetch(200, { response: null })

  it('chooses Electron when the preload bridge is present', () => {
    const preload: ThreatwrightApi = { invoke: (async () => null) as ThreatwrightApi['invoke'], on: () => () => {} }
    expect(pickBackend({ threatwright: preload, baseUrl: BASE, fetch }).mode).toBe('electron')
  })

  it('chooses HTTP otherwise', () => {
    expect(pickBackend({ baseUrl: BASE, fetch }).mode).toBe('browser')
  })
})
