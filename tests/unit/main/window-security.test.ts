import { describe, expect, it } from 'vitest'
import { CONTENT_SECURITY_POLICY } from '../../../src-main/window/content-security-policy'
import { mainWindowOptions } from '../../../src-main/window/window-options'

describe('mainWindowOptions', () => {
  it('sandboxes the renderer and loads only our preload', () => {
    expect(mainWindowOptions('/app/out/preload/index.js').webPreferences).toEqual({
      preload: '/app/out/preload/index.js',
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      navigateOnDragDrop: false
    })
  })
})

describe('CONTENT_SECURITY_POLICY', () => {
  it('has exactly the agreed directives', () => {
    const directives = CONTENT_SECURITY_POLICY.split(';').map((directive) => directive.trim())
    expect(directives).toEqual([
      "default-src 'none'",
      "script-src 'self'",
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data: blob:",
      "font-src 'self'",
      "connect-src 'self'",
      "object-src 'none'",
      "base-uri 'none'",
      "form-action 'none'",
      "frame-ancestors 'none'"
    ])
  })

  it('never allows inline or evaluated scripts, nor any remote source', () => {
    const scriptSources = CONTENT_SECURITY_POLICY.split(';').find((directive) => directive.trim().startsWith('script-src'))
    expect(scriptSources).not.toMatch(/unsafe-inline|unsafe-eval|\*/)
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|\*/)
  })
})
