/**
 * Who may talk to the browser-mode server. It listens on 127.0.0.1 only, but any web page the user
 * visits can also reach 127.0.0.1; these checks keep such pages out:
 * - the per-run token in the path (a page cannot guess it), compared in constant time;
 * - the Host header (DNS rebinding: evil.example resolving to 127.0.0.1 still sends Host: evil.example);
 * - the Origin header when the browser sends one (cross-origin fetches and form posts);
 * - Sec-Fetch-Site: cross-site (modern browsers mark requests another site triggered).
 */
import { createHash, timingSafeEqual } from 'node:crypto'
import type { IncomingHttpHeaders } from 'node:http'

/** Tokens are at least 128 bits of randomness in URL-safe characters; shorter ones are refused at start. */
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{32,256}$/

/** Constant time whatever the lengths: both sides are hashed to 32 bytes before comparing. */
export function tokensEqual(given: string, expected: string): boolean {
  const digest = (value: string): Buffer => createHash('sha256').update(value, 'utf8').digest()
  return timingSafeEqual(digest(given), digest(expected))
}

export function allowedHosts(port: number): readonly string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`]
}

export function allowedOrigins(port: number): readonly string[] {
  return allowedHosts(port).map((host) => `http://${host}`)
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? undefined : value
}

/** Null when the headers are acceptable, else why not (for the server's log, never for the client). */
export function headerRefusal(headers: IncomingHttpHeaders, port: number): string | null {
  const host = single(headers.host)
  if (host === undefined || !allowedHosts(port).includes(host.toLowerCase())) return `foreign Host ${String(headers.host)}`
  if (headers.origin !== undefined && !allowedOrigins(port).includes(headers.origin.toLowerCase())) {
    return `foreign Origin ${headers.origin}`
  }
  if (single(headers['sec-fetch-site'])?.toLowerCase() === 'cross-site') return 'cross-site request'
  return null
}
