/**
 * The renderer's Content-Security-Policy, sent as a header by the Electron session and by browser mode.
 * Nothing may load from the network: every source is 'self' (the app's own files) or in-memory data.
 */
export const CSP_DIRECTIVES: readonly (readonly [string, string])[] = [
  ['default-src', "'none'"],
  ['script-src', "'self'"],
  // 'unsafe-inline' for styles only: Cytoscape and Svelte's style: directives set inline style attributes.
  // Inline scripts stay forbidden, which is what protects against injected markup.
  ['style-src', "'self' 'unsafe-inline'"],
  // data: and blob: for diagram snapshots (PNG export, report previews) made in the page itself.
  ['img-src', "'self' data: blob:"],
  ['font-src', "'self'"],
  ['connect-src', "'self'"],
  ['object-src', "'none'"],
  ['base-uri', "'none'"],
  ['form-action', "'none'"],
  ['frame-ancestors', "'none'"]
]

export const CONTENT_SECURITY_POLICY = CSP_DIRECTIVES.map(([name, value]) => `${name} ${value}`).join('; ')
