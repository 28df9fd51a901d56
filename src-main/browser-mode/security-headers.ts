import type { ServerResponse } from 'node:http'
import { CONTENT_SECURITY_POLICY } from '../window/content-security-policy'

/** On every response, errors included: the same policy as the Electron window, plus browser hardening. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  // Models are confidential: nothing is kept in the browser's cache after the tab closes.
  'Cache-Control': 'no-store',
  'X-Frame-Options': 'DENY',
  // Other origins may not even embed our scripts or images (no-cors loads), let alone read them.
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cross-Origin-Opener-Policy': 'same-origin'
}

export function applySecurityHeaders(response: ServerResponse): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.setHeader(name, value)
}
