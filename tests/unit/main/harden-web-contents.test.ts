import { describe, expect, it } from 'vitest'
import { CONTENT_SECURITY_POLICY } from '../../../src-main/window/content-security-policy'
import {
  hardenWebContents,
  isAllowedRequestUrl,
  type HardenableContents,
  type HardenableSession
} from '../../../src-main/window/harden-web-contents'

const APP = 'app://threatwright/index.html'
type Handler = (...args: never[]) => unknown

/** Fake contents and session that keep every handler hardenWebContents installs, to call them by hand. */
function fakes() {
  const contentsHandlers = new Map<string, Handler>()
  let windowOpenHandler: Handler | undefined
  const sessionHandlers = new Map<string, Handler>()
  const contents = {
    on: (event: string, handler: Handler) => contentsHandlers.set(event, handler),
    setWindowOpenHandler: (handler: Handler) => {
      windowOpenHandler = handler
    }
  }
  const session = {
    setPermissionRequestHandler: (handler: Handler) => sessionHandlers.set('permission-request', handler),
    setPermissionCheckHandler: (handler: Handler) => sessionHandlers.set('permission-check', handler),
    webRequest: {
      onBeforeRequest: (handler: Handler) => sessionHandlers.set('before-request', handler),
      onHeadersReceived: (handler: Handler) => sessionHandlers.set('headers-received', handler)
    }
  }
  const call = (map: Map<string, Handler>, name: string, ...args: unknown[]): unknown => {
    const handler = map.get(name)
    if (handler === undefined) throw new Error(`no '${name}' handler installed`)
    return (handler as (...args: unknown[]) => unknown)(...args)
  }
  return {
    contents: contents as unknown as HardenableContents,
    session: session as unknown as HardenableSession,
    navigate(event: 'will-navigate' | 'will-redirect', url: string): boolean {
      let prevented = false
      call(contentsHandlers, event, { url, preventDefault: () => (prevented = true) }, url)
      return prevented
    },
    attachWebview(): boolean {
      let prevented = false
      call(contentsHandlers, 'will-attach-webview', { preventDefault: () => (prevented = true) })
      return prevented
    },
    openWindow: (url: string) => (windowOpenHandler as ((details: { url: string }) => unknown) | undefined)?.({ url }),
    askPermission(permission: string): boolean | undefined {
      let answer: boolean | undefined
      call(sessionHandlers, 'permission-request', {}, permission, (granted: boolean) => (answer = granted), {})
      return answer
    },
    checkPermission: (permission: string) => call(sessionHandlers, 'permission-check', {}, permission, APP, {}),
    request(url: string): unknown {
      let response: unknown
      call(sessionHandlers, 'before-request', { url }, (answer: unknown) => (response = answer))
      return response
    },
    headers(url: string, responseHeaders: Record<string, string[]>): unknown {
      let response: unknown
      call(sessionHandlers, 'headers-received', { url, responseHeaders }, (answer: unknown) => (response = answer))
      return response
    }
  }
}

describe('hardenWebContents', () => {
  function hardened(devServerUrl: string | null = null) {
    const fake = fakes()
    hardenWebContents(fake.contents, fake.session, { trustedRendererUrl: devServerUrl ?? APP, devServerUrl })
    return fake
  }

  it('prevents navigation and redirects away from the app page', () => {
    const fake = hardened()
    expect(fake.navigate('will-navigate', 'https://evil.example/')).toBe(true)
    expect(fake.navigate('will-navigate', 'file:///etc/passwd')).toBe(true)
    expect(fake.navigate('will-redirect', 'https://evil.example/')).toBe(true)
    expect(fake.navigate('will-navigate', `${APP}.evil`)).toBe(true)
  })

  it('lets in-page navigation on the app page through', () => {
    expect(hardened().navigate('will-navigate', `${APP}#/threats`)).toBe(false)
  })

  it('denies new windows and webviews', () => {
    const fake = hardened()
    expect(fake.openWindow('https://evil.example/')).toEqual({ action: 'deny' })
    expect(fake.openWindow(APP)).toEqual({ action: 'deny' })
    expect(fake.attachWebview()).toBe(true)
  })

  it('denies every permission request and check', () => {
    const fake = hardened()
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal']) {
      expect(fake.askPermission(permission)).toBe(false)
      expect(fake.checkPermission(permission)).toBe(false)
    }
  })

  it('cancels network requests and lets local ones through', () => {
    const fake = hardened()
    expect(fake.request('https://cdn.example/lib.js')).toEqual({ cancel: true })
    expect(fake.request('http://127.0.0.1:8080/')).toEqual({ cancel: true })
    expect(fake.request('ws://localhost:5173/')).toEqual({ cancel: true })
    expect(fake.request(`${APP}`)).toEqual({ cancel: false })
    expect(fake.request('app://threatwright/assets/index.js')).toEqual({ cancel: false })
    // file:// is the whole disk; the app's files come over app:// only.
    expect(fake.request('file:///app/out/renderer/assets/index.js')).toEqual({ cancel: true })
    expect(fake.request('file:///etc/passwd')).toEqual({ cancel: true })
    // Another app:// host, or credentials in the URL, is not the app's origin.
    expect(fake.request('app://other/index.html')).toEqual({ cancel: true })
    expect(fake.request('app://user@threatwright/index.html')).toEqual({ cancel: true })
    expect(fake.request('chrome-extension://abc/x.js')).toEqual({ cancel: true })
    expect(fake.request('data:image/png;base64,AAAA')).toEqual({ cancel: false })
  })

  it('allows the dev server, and only it, in development', () => {
    const fake = hardened('http://localhost:5173/')
    expect(fake.request('http://localhost:5173/src/main.ts')).toEqual({ cancel: false })
    expect(fake.request('ws://localhost:5173/')).toEqual({ cancel: false })
    expect(fake.request('http://localhost:5174/')).toEqual({ cancel: true })
    expect(fake.request('https://evil.example/')).toEqual({ cancel: true })
  })

  it('replaces any CSP the response carries with ours', () => {
    const answer = hardened().headers(APP, { 'content-security-policy': ["default-src *"], 'X-Other': ['kept'] })
    expect(answer).toEqual({ responseHeaders: { 'X-Other': ['kept'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } })
  })
})

describe('isAllowedRequestUrl', () => {
  it('refuses malformed URLs', () => {
    expect(isAllowedRequestUrl('::', null)).toBe(false)
  })
})
