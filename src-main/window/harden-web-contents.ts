/**
 * Locks every web contents down (Electron's security checklist): no navigation away from the app's page,
 * no new windows, no permissions, no network. Called from app.on('web-contents-created'), so it also
 * covers contents we did not create ourselves; a session is given its rules once (lockSession).
 */
import type { Session, WebContents } from 'electron'
import { isTrustedSender } from '../ipc/trusted-sender'
import { isAppUrl } from './app-protocol'
import { CONTENT_SECURITY_POLICY } from './content-security-policy'

export interface HardeningOptions {
  /** The renderer page (app://threatwright/index.html, or the dev server URL). */
  readonly trustedRendererUrl: string
  /** electron-vite's dev server (ELECTRON_RENDERER_URL) in development, else null. */
  readonly devServerUrl: string | null
}

export type HardenableContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>
export type HardenableSession = Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'webRequest'>

// Schemes the app's page may use besides its own app:// origin: in-memory data and devtools. Everything else
// is cancelled: the network (http, https, ws, ftp…) and file://, which would reach every file on the disk.
const LOCAL_PROTOCOLS = new Set(['devtools:', 'data:', 'blob:'])
const DEV_SERVER_PROTOCOLS = new Set(['http:', 'https:', 'ws:', 'wss:'])

/** True for requests to the app's own app:// origin, in-memory data, devtools, and (in development) the dev server. */
export function isAllowedRequestUrl(url: string, devServerUrl: string | null): boolean {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return false
  }
  if (isAppUrl(url) || LOCAL_PROTOCOLS.has(parsed.protocol)) return true
  if (devServerUrl === null || !DEV_SERVER_PROTOCOLS.has(parsed.protocol)) return false
  // Vite's hot reload talks over ws:// to the same host and port as the page.
  return parsed.host === new URL(devServerUrl).host
}

/** The response headers with our CSP in place of any the response carried (in any letter case). */
export function withContentSecurityPolicy(headers: Record<string, string[]> | undefined): Record<string, string[]> {
  const kept = Object.entries(headers ?? {}).filter(([name]) => name.toLowerCase() !== 'content-security-policy')
  return { ...Object.fromEntries(kept), 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] }
}

/** What lockSession needs of a session: its permission handlers and its request filter. */
export type LockableSession = Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'> & {
  readonly webRequest: Pick<Session['webRequest'], 'onBeforeRequest'>
}

/** Sessions already given their rules; the web-contents hook leaves them as their owner set them. */
const lockedSessions = new WeakSet<object>()

/**
 * Denies every permission and cancels every request `allowRequest` refuses, once per session. The app's
 * session gets the app's rules from hardenWebContents; a session with stricter rules of its own (the PDF
 * print window's, electron-pdf-printer.ts) locks itself before its first window exists, and keeps them.
 */
export function lockSession(session: LockableSession, allowRequest: (url: string) => boolean): void {
  // Camera, notifications, clipboard-read, geolocation…: a threat-modeling tool needs none of them.
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.setPermissionCheckHandler(() => false)
  session.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !allowRequest(details.url) })
  })
  lockedSessions.add(session)
}

export function hardenWebContents(contents: HardenableContents, session: HardenableSession, options: HardeningOptions): void {
  const stayOnPage = (event: { preventDefault(): void; url: string }): void => {
    if (!isTrustedSender(event.url, options.trustedRendererUrl)) event.preventDefault()
  }
  contents.on('will-navigate', stayOnPage)
  contents.on('will-redirect', stayOnPage)
  contents.on('will-attach-webview', (event) => event.preventDefault())
  // Links in models (threat references) must not open windows; the renderer shows them as text to copy.
  contents.setWindowOpenHandler(() => ({ action: 'deny' }))

  if (lockedSessions.has(session)) return
  lockSession(session, (url) => isAllowedRequestUrl(url, options.devServerUrl))
  session.webRequest.onHeadersReceived((details, callback) => {
    // devtools:// pages have their own policy; ours would break them.
    if (details.url.startsWith('devtools:')) {
      callback({})
      return
    }
    callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders) })
  })
}
