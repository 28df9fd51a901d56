/**
 * The only way the app may open a link outside itself (threat references in models point at CWE, CAPEC,
 * vendor docs). Nothing calls shell.openExternal directly: a model is untrusted input, and a link can
 * be `file:///…/evil.exe`, a `smb://` share or a look-alike host. So: only http, https and mailto; and the
 * user first sees the exact URL, as the browser would send it (punycode hosts, no hidden credentials),
 * and confirms. Wire it with Electron's shell.openExternal and a dialog when a link-opening command is added.
 */

export interface ExternalLinkDeps {
  /** Shows the full URL and asks "Open this link in your browser?"; true means open. */
  confirmOpen(url: string): Promise<boolean>
  /** shell.openExternal in the app. */
  openExternal(url: string): Promise<void>
}

export type ExternalLinkOutcome = 'opened' | 'declined' | 'refused'

const ALLOWED_PROTOCOLS = new Set(['https:', 'http:', 'mailto:'])

/** The URL as it will be opened, or null when it is not a web or mail link (or not a URL at all). */
export function normaliseExternalUrl(raw: string): string | null {
  // Control characters (NUL, newlines, DEL) hide what follows them in a dialog; no honest link has them.
  if (typeof raw !== 'string' || raw.length > 2048 || [...raw].some((char) => char.charCodeAt(0) < 0x20 || char.charCodeAt(0) === 0x7f)) return null
  let url: URL
  try {
    url = new URL(raw.trim())
  } catch {
    return null
  }
  if (!ALLOWED_PROTOCOLS.has(url.protocol)) return null
  // user:password@ is how `https://trusted.example@evil.example/` fools a reader of the URL.
  if (url.username !== '' || url.password !== '') return null
  if (url.protocol !== 'mailto:' && url.hostname === '') return null
  return url.href
}

export function createExternalLinkOpener(deps: ExternalLinkDeps): (raw: string) => Promise<ExternalLinkOutcome> {
  return async (raw) => {
    const url = normaliseExternalUrl(raw)
    if (url === null) return 'refused'
    // The dialog shows `url`, and `url` is what is opened: the user confirms exactly what the OS receives.
    if (!(await deps.confirmOpen(url))) return 'declined'
    await deps.openExternal(url)
    return 'opened'
  }
}
