/**
 * The one sender check for IPC. Compared as parsed URLs, never as string prefixes: a prefix test would
 * trust `file:///app/out/renderer/index.html.evil` or `…/evil.html?file:///app/out/renderer/index.html`
 * (an inverted or loose guard like this once shipped in a well-known Electron app).
 */

/**
 * True only when `frameUrl` is the app's own renderer page: same scheme, host, port, path and query as
 * `trustedRendererUrl`. The fragment may differ (in-page navigation does not change the document).
 */
export function isTrustedSender(frameUrl: string | null | undefined, trustedRendererUrl: string): boolean {
  if (typeof frameUrl !== 'string' || frameUrl === '') return false
  let frame: URL
  let trusted: URL
  try {
    frame = new URL(frameUrl)
    trusted = new URL(trustedRendererUrl)
  } catch {
    return false
  }
  return (
    frame.protocol === trusted.protocol &&
    frame.username === '' &&
    frame.password === '' &&
    frame.host === trusted.host &&
    frame.pathname === trusted.pathname &&
    frame.search === trusted.search
  )
}
