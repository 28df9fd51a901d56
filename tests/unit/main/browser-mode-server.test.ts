import { request as httpRequest, type IncomingHttpHeaders } from 'node:http'
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createBrowserModeServer, type BrowserModeServer } from '../../../src-main/browser-mode/server'
import { CONTENT_SECURITY_POLICY } from '../../../src-main/window/content-security-policy'
import { makeHandlers, nativeBytes, testModel } from './handler-fakes'

const TOKEN = 'a'.repeat(16) + '0123456789abcdef0123456789abcdef'

interface Answer {
  readonly status: number
  readonly headers: IncomingHttpHeaders
  readonly body: string
}

/** Raw node:http, because fetch normalises paths (`..`) and forbids setting Host. */
function send(
  server: BrowserModeServer,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {}
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      {
        host: '127.0.0.1',
        port: server.port,
        path,
        method: options.method ?? 'GET',
        headers: { Host: `127.0.0.1:${server.port}`, ...options.headers }
      },
      (response) => {
        const chunks: Buffer[] = []
        response.on('data', (chunk: Buffer) => chunks.push(chunk))
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString('utf8') }))
      }
    )
    request.on('error', reject)
    request.end(options.body)
  })
}

function api(server: BrowserModeServer, command: string, body: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  return send(server, `/${TOKEN}/api/${command}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: `http://127.0.0.1:${server.port}`, ...headers },
    body: JSON.stringify(body)
  })
}

let server: BrowserModeServer
let rendererDir: string
const logged: string[] = []

let root: string

beforeAll(async () => {
  // Made here, not with temporaryFolder(), which belongs to one test: this one serves the whole file.
  root = await mkdtemp(join(tmpdir(), 'threatwright-main-'))
  rendererDir = join(root, 'renderer')
  await mkdir(join(rendererDir, 'assets'), { recursive: true })
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>Threatwright</title>')
  await writeFile(join(rendererDir, 'assets', 'index-abc.js'), 'console.log("app")')
  await writeFile(join(rendererDir, 'assets', 'index-abc.css'), 'body{}')
  await writeFile(join(rendererDir, '.env'), 'SECRET=1')
  await writeFile(join(root, 'secret.txt'), 'outside the renderer')
  await symlink(join(root, 'secret.txt'), join(rendererDir, 'assets', 'link.txt'))
  server = await createBrowserModeServer({
    rendererDir,
    handlers: makeHandlers({ mode: 'browser' }).handlers,
    token: TOKEN,
    host: '127.0.0.1',
    port: 0,
    log: (line) => logged.push(line)
  })
})

afterAll(async () => {
  await server.close()
  await rm(root, { recursive: true, force: true })
})

describe('browser-mode server: who may talk to it', () => {
  it('listens on loopback and reports the URL with the token', () => {
    expect(server.port).toBeGreaterThan(0)
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/${TOKEN}/`)
  })

  it('refuses requests without the token', async () => {
    expect((await send(server, '/')).status).toBe(403)
    expect((await send(server, '/index.html')).status).toBe(403)
    expect((await send(server, '/api/app:info', { method: 'POST' })).status).toBe(403)
  })

  it('refuses a wrong token, including a prefix of the right one', async () => {
    expect((await send(server, `/${'b'.repeat(48)}/`)).status).toBe(403)
    expect((await send(server, `/${TOKEN.slice(0, -1)}/`)).status).toBe(403)
    expect((await send(server, `/${TOKEN}x/`)).status).toBe(403)
  })

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    const answer = await send(server, `/${TOKEN}/`, { headers: { Host: `evil.example:${server.port}` } })
    expect(answer.status).toBe(403)
    expect(answer.body).not.toContain('Threatwright')
    expect((await send(server, `/${TOKEN}/`, { headers: { Host: '127.0.0.1:1' } })).status).toBe(403)
  })

  it('accepts localhost as well as 127.0.0.1', async () => {
    expect((await send(server, `/${TOKEN}/`, { headers: { Host: `localhost:${server.port}` } })).status).toBe(200)
  })

  it('refuses a foreign Origin, even with the right token', async () => {
    expect((await api(server, 'app:info', { request: null }, { Origin: 'https://evil.example' })).status).toBe(403)
    expect((await api(server, 'app:info', { request: null }, { Origin: 'null' })).status).toBe(403)
    expect((await api(server, 'app:info', { request: null }, { Origin: `http://127.0.0.1:${server.port + 1}` })).status).toBe(403)
  })

  it('refuses cross-site requests marked by the browser', async () => {
    expect((await send(server, `/${TOKEN}/`, { headers: { 'Sec-Fetch-Site': 'cross-site' } })).status).toBe(403)
    expect((await send(server, `/${TOKEN}/`, { headers: { 'Sec-Fetch-Site': 'same-origin' } })).status).toBe(200)
  })

  it('logs refusals for the person running the server', () => {
    expect(logged.some((line) => line.includes('foreign Host'))).toBe(true)
  })

  it('refuses to start with a short token', async () => {
    await expect(
      createBrowserModeServer({ rendererDir, handlers: makeHandlers().handlers, token: 'short', host: '127.0.0.1', port: 0 })
    ).rejects.toThrow(/token/)
  })
})

describe('browser-mode server: the renderer files', () => {
  it('serves index.html at /<token>/ with the security headers', async () => {
    const answer = await send(server, `/${TOKEN}/`)
    expect(answer.status).toBe(200)
    expect(answer.body).toContain('<title>Threatwright</title>')
    expect(answer.headers['content-type']).toBe('text/html; charset=utf-8')
    expect(answer.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY)
    expect(answer.headers['x-content-type-options']).toBe('nosniff')
    expect(answer.headers['referrer-policy']).toBe('no-referrer')
    expect(answer.headers['cache-control']).toBe('no-store')
    expect(answer.headers['x-frame-options']).toBe('DENY')
  })

  it('puts the security headers on refusals too', async () => {
    const answer = await send(server, '/')
    expect(answer.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY)
    expect(answer.headers['x-frame-options']).toBe('DENY')
  })

  it('redirects /<token> to /<token>/ so relative asset URLs resolve', async () => {
    const answer = await send(server, `/${TOKEN}`)
    expect(answer.status).toBe(308)
    expect(answer.headers.location).toBe(`/${TOKEN}/`)
  })

  it('serves assets with their content types', async () => {
    const script = await send(server, `/${TOKEN}/assets/index-abc.js`)
    expect(script.status).toBe(200)
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8')
    expect(script.body).toBe('console.log("app")')
    expect((await send(server, `/${TOKEN}/assets/index-abc.css`)).headers['content-type']).toBe('text/css; charset=utf-8')
  })

  it.each([
    '/../secret.txt',
    '/assets/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/assets/%2e%2e/%2e%2e/secret.txt',
    '/..%2fsecret.txt',
    '/assets%2f..%2f..%2fsecret.txt',
    '/..%5csecret.txt',
    '/assets/link.txt',
    '/.env',
    '/assets/',
    '/assets',
    '/index.html%00.js',
    '/%E0%A4%A'
  ])('refuses path traversal, symlinks out, dotfiles and folders: %s', async (path) => {
    const answer = await send(server, `/${TOKEN}${path}`)
    expect([400, 403, 404]).toContain(answer.status)
    expect(answer.body).not.toContain('outside the renderer')
    expect(answer.body).not.toContain('SECRET')
  })

  it('refuses writes to static paths', async () => {
    expect((await send(server, `/${TOKEN}/index.html`, { method: 'PUT', body: 'x' })).status).toBe(405)
  })
})

describe('browser-mode server: the API', () => {
  it('answers a command with { response }', async () => {
    const answer = await api(server, 'app:info', { request: null })
    expect(answer.status).toBe(200)
    expect(answer.headers['content-type']).toBe('application/json; charset=utf-8')
    expect(JSON.parse(answer.body)).toEqual({ response: { name: 'Threatwright', version: '1.2.3', mode: 'browser' } })
  })

  it('opens uploaded bytes', async () => {
    const base64 = Buffer.from(nativeBytes(testModel('Uploaded'))).toString('base64')
    const answer = await api(server, 'document:open-bytes', { request: { fileName: 'up.twm', base64 } })
    expect(JSON.parse(answer.body)).toMatchObject({ response: { kind: 'opened', document: { fileName: 'up.twm', path: null } } })
  })

  it('accepts an encoded command name', async () => {
    expect((await api(server, 'app%3Ainfo', { request: null })).status).toBe(200)
  })

  it('answers 400 { error } for an unknown command or a bad payload', async () => {
    const unknown = await api(server, 'shell:exec', { request: null })
    expect(unknown.status).toBe(400)
    expect(JSON.parse(unknown.body)).toEqual({ error: expect.stringContaining('Unknown command') })
    const bad = await api(server, 'document:set-dirty', { request: { dirty: 'yes' } })
    expect(bad.status).toBe(400)
    expect(JSON.parse(bad.body).error).toMatch(/dirty/)
  })

  it('answers 400 for a body that is not { request }', async () => {
    expect((await api(server, 'app:info', { nope: 1 })).status).toBe(400)
    const notJson = await send(server, `/${TOKEN}/api/app:info`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{' })
    expect(notJson.status).toBe(400)
  })

  it('refuses non-JSON content types (what a cross-site form could send)', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const answer = await send(server, `/${TOKEN}/api/app:info`, { method: 'POST', headers: { 'Content-Type': type }, body: '{"request":null}' })
      expect(answer.status).toBe(415)
    }
  })

  it('refuses GET on the API and an oversized declared body', async () => {
    expect((await send(server, `/${TOKEN}/api/app:info`)).status).toBe(405)
    const huge = await send(server, `/${TOKEN}/api/app:info`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Content-Length': String(2 ** 40) }
    })
    expect(huge.status).toBe(413)
  })

  it('stops reading a streamed body above the limit', async () => {
    const small = await createBrowserModeServer({
      rendererDir,
      handlers: makeHandlers().handlers,
      token: TOKEN,
      host: '127.0.0.1',
      port: 0,
      maxBodyBytes: 64
    })
    try {
      const answer = await new Promise<number>((resolve, reject) => {
        const request = httpRequest(
          {
            host: '127.0.0.1',
            port: small.port,
            path: `/${TOKEN}/api/app:info`,
            method: 'POST',
            headers: { Host: `127.0.0.1:${small.port}`, 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' }
          },
          (response) => {
            response.resume()
            resolve(response.statusCode ?? 0)
          }
        )
        request.on('error', reject)
        request.write(`{"request":null,"padding":"${'x'.repeat(200)}"}`)
        request.end()
      })
      expect(answer).toBe(413)
      expect((await api(small, 'app:info', { request: null })).status).toBe(200)
    } finally {
      await small.close()
    }
  })

  it('saves as a download (browser mode never writes the disk)', async () => {
    const answer = await api(server, 'document:save', { request: { model: testModel('Shop'), path: null, formatId: 'native' } })
    expect(JSON.parse(answer.body)).toMatchObject({ response: { kind: 'download', fileName: 'Shop.twm' } })
  })
})
