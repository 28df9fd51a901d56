/**
 * The renderer is served from `app://threatwright/…` instead of file:// (Electron's security checklist,
 * "use a custom protocol"): a file:// page shares its origin with every file on the disk, so one injected
 * `fetch('file:///…')` or link could read or navigate anywhere; app:// serves out/renderer and nothing else.
 * Everything here is plain Node on Request/Response, so it is unit-tested without Electron; index.ts
 * registers the scheme before 'ready' and hands `createAppProtocolHandler` to protocol.handle.
 */
import { extname, isAbsolute, relative, resolve } from 'node:path'
import { CONTENT_SECURITY_POLICY } from './content-security-policy'

export const APP_SCHEME = 'app'
export const APP_HOST = 'threatwright'
export const APP_INDEX_URL = `${APP_SCHEME}://${APP_HOST}/index.html`

/**
 * For protocol.registerSchemesAsPrivileged, before 'ready'. `standard` gives the scheme real origins (so
 * CSP 'self' and relative URLs work); `secure` makes it a secure context. No CSP bypass, no CORS, no
 * service workers: the page gets nothing a file:// or https page would not.
 */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, bypassCSP: false, corsEnabled: false, allowServiceWorkers: false, stream: false }
} as const

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8'
}

export type AppRequestTarget = { readonly kind: 'file'; readonly path: string; readonly contentType: string } | { readonly kind: 'refused'; readonly status: 400 | 403 | 404 | 405 }

/** True when `url` is on the app's own origin (app://threatwright). */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url)
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && parsed.username === '' && parsed.password === ''
  } catch {
    return false
  }
}

/**
 * The file under `rootDir` that `url` names, or why it is refused. The path is decoded once and then
 * resolved and checked to stay inside rootDir, so `..`, `%2e%2e`, `%2f`, backslashes and absolute paths
 * cannot step out; unknown file types are refused rather than served as something a browser might sniff.
 */
export function resolveAppRequest(url: string, method: string, rootDir: string): AppRequestTarget {
  if (method !== 'GET' && method !== 'HEAD') return { kind: 'refused', status: 405 }
  if (!isAppUrl(url)) return { kind: 'refused', status: 403 }
  let pathname: string
  try {
    pathname = decodeURIComponent(new URL(url).pathname)
  } catch {
    return { kind: 'refused', status: 400 }
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return { kind: 'refused', status: 400 }
  const relativePath = pathname === '/' ? 'index.html' : pathname.replace(/^\/+/, '')
  const root = resolve(rootDir)
  const path = resolve(root, relativePath)
  const inside = relative(root, path)
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) return { kind: 'refused', status: 403 }
  const contentType = CONTENT_TYPES[extname(path).toLowerCase()]
  if (contentType === undefined) return { kind: 'refused', status: 404 }
  return { kind: 'file', path, contentType }
}

export interface AppProtocolDeps {
  readonly rootDir: string
  /** Reads a whole file (fs/promises readFile in the app; a fake in tests). */
  readonly readFile: (path: string) => Promise<Uint8Array>
}

/** The protocol.handle callback: a Response for every request, never a throw. */
export function createAppProtocolHandler(deps: AppProtocolDeps): (request: { readonly url: string; readonly method: string }) => Promise<Response> {
  return async (request) => {
    const target = resolveAppRequest(request.url, request.method, deps.rootDir)
    if (target.kind === 'refused') return new Response(null, { status: target.status })
    let body: Uint8Array
    try {
      body = await deps.readFile(target.path)
    } catch {
      return new Response(null, { status: 404 })
    }
    return new Response(request.method === 'HEAD' ? null : body, {
      status: 200,
      headers: {
        'Content-Type': target.contentType,
        // Set here too: session.webRequest does not see every custom-protocol response.
        'Content-Security-Policy': CONTENT_SECURITY_POLICY,
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'no-store'
      }
    })
  }
}
