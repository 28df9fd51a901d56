import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CONTENT_SECURITY_POLICY } from '../../../src-main/window/content-security-policy'
import { APP_INDEX_URL, APP_SCHEME_PRIVILEGES, createAppProtocolHandler, isAppUrl, resolveAppRequest } from '../../../src-main/window/app-protocol'

const ROOT = '/app/out/renderer'

describe('resolveAppRequest: app://threatwright serves out/renderer and nothing else', () => {
  it('maps the app origin onto the renderer folder, / to index.html', () => {
    expect(resolveAppRequest(APP_INDEX_URL, 'GET', ROOT)).toEqual({ kind: 'file', path: join(ROOT, 'index.html'), contentType: 'text/html; charset=utf-8' })
    expect(resolveAppRequest('app://threatwright/', 'GET', ROOT)).toMatchObject({ kind: 'file', path: join(ROOT, 'index.html') })
    expect(resolveAppRequest('app://threatwright/assets/index-abc.js?v=1#x', 'HEAD', ROOT)).toMatchObject({ kind: 'file', path: join(ROOT, 'assets', 'index-abc.js'), contentType: 'text/javascript; charset=utf-8' })
    expect(resolveAppRequest('app://threatwright/assets/a%20b.css', 'GET', ROOT)).toMatchObject({ kind: 'file', path: join(ROOT, 'assets', 'a b.css') })
  })

  it('never leaves the renderer folder, however the path is spelt', () => {
    const escapes = [
      'app://threatwright/../../etc/passwd.txt',
      'app://threatwright/%2e%2e/%2e%2e/etc/passwd.txt',
      'app://threatwright/assets/..%2f..%2f..%2fetc%2fpasswd.txt',
      'app://threatwright/%2fetc%2fpasswd.txt',
      'app://threatwright//etc/passwd.txt',
      'app://threatwright/..%5c..%5cwindows%5cwin.ini.txt',
      'app://threatwright/index.html%00.js',
      'app://threatwright/%E0%A4%A'
    ]
    for (const url of escapes) {
      const target = resolveAppRequest(url, 'GET', ROOT)
      if (target.kind === 'file') expect(target.path.startsWith(`${ROOT}/`), url).toBe(true)
      else expect([400, 403, 404], url).toContain(target.status)
    }
    // The URL parser already folds `..` (also as %2e%2e) at the root, so these land inside the folder.
    expect(resolveAppRequest('app://threatwright/%2e%2e/%2e%2e/etc/passwd.txt', 'GET', ROOT)).toMatchObject({ path: join(ROOT, 'etc', 'passwd.txt') })
    // Encoded slashes survive the parser and are decoded by us: the containment check catches them.
    expect(resolveAppRequest('app://threatwright/assets/..%2f..%2f..%2fetc%2fpasswd.txt', 'GET', ROOT)).toEqual({ kind: 'refused', status: 403 })
    expect(resolveAppRequest('app://threatwright/index.html%00.js', 'GET', ROOT)).toEqual({ kind: 'refused', status: 400 })
  })

  it('refuses other hosts, credentials, other schemes, writes and unknown file types', () => {
    expect(resolveAppRequest('app://evil/index.html', 'GET', ROOT)).toEqual({ kind: 'refused', status: 403 })
    expect(resolveAppRequest('app://user:pw@threatwright/index.html', 'GET', ROOT)).toEqual({ kind: 'refused', status: 403 })
    expect(resolveAppRequest('file:///app/out/renderer/index.html', 'GET', ROOT)).toEqual({ kind: 'refused', status: 403 })
    expect(resolveAppRequest(APP_INDEX_URL, 'POST', ROOT)).toEqual({ kind: 'refused', status: 405 })
    expect(resolveAppRequest('app://threatwright/secret.key', 'GET', ROOT)).toEqual({ kind: 'refused', status: 404 })
    expect(resolveAppRequest('not a url', 'GET', ROOT)).toEqual({ kind: 'refused', status: 403 })
  })

  it('registers a standard, secure scheme that bypasses nothing', () => {
    expect(APP_SCHEME_PRIVILEGES).toMatchObject({ scheme: 'app', privileges: { standard: true, secure: true, bypassCSP: false, corsEnabled: false, allowServiceWorkers: false } })
    expect(isAppUrl(APP_INDEX_URL)).toBe(true)
    expect(isAppUrl('app://threatwright.evil/index.html')).toBe(false)
  })
})

describe('createAppProtocolHandler', () => {
  const files = new Map([[join(ROOT, 'index.html'), '<!doctype html><title>Threatwright</title>']])
  const handler = createAppProtocolHandler({
    rootDir: ROOT,
    readFile: async (path) => {
      const text = files.get(path)
      if (text === undefined) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' })
      return new TextEncoder().encode(text)
    }
  })

  it('answers with the file, its type, our CSP and nosniff', async () => {
    const response = await handler({ url: APP_INDEX_URL, method: 'GET' })
    expect(response.status).toBe(200)
    expect(await response.text()).toContain('<title>Threatwright</title>')
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
  })

  it('answers 404 for a missing file and the refusal status otherwise, never throwing', async () => {
    expect((await handler({ url: 'app://threatwright/missing.js', method: 'GET' })).status).toBe(404)
    expect((await handler({ url: 'app://threatwright/assets/..%2f..%2f..%2fetc%2fpasswd.txt', method: 'GET' })).status).toBe(403)
    expect((await handler({ url: 'app://evil/index.html', method: 'GET' })).status).toBe(403)
  })
})
