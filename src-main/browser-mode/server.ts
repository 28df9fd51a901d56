/**
 * Browser mode: the renderer and the command handlers over HTTP on 127.0.0.1, for machines without
 * Electron's binary. Everything lives under `/<token>/`:
 *   GET  /<token>/              → index.html
 *   GET  /<token>/<asset path>  → a built renderer file
 *   POST /<token>/api/<command> → body { "request": … }, answer { "response": … } or 400 { "error": … }
 * Every response carries the security headers; every request passes request-guard.ts first.
 */
import { createReadStream } from 'node:fs'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { CommandHandlers } from '../handlers/command-handlers'
import { CommandRejectedError } from '../handlers/errors'
import { MAX_MODEL_FILE_BASE64_CHARS } from '../handlers/limits'
import { TOKEN_PATTERN, headerRefusal, tokensEqual } from './request-guard'
import { applySecurityHeaders } from './security-headers'
import { contentTypeFor, decodeSegments, resolveStaticFile } from './static-files'

/**
 * document:open-bytes carries a whole file as base64, so the body must hold the largest file the desktop
 * app opens (limits.ts) after base64's 4/3, plus 1 MiB for the JSON envelope and the file name. A save
 * carries the model as JSON, which is the size of its native file. Anything larger is refused unread.
 */
export const MAX_API_BODY_BYTES = MAX_MODEL_FILE_BASE64_CHARS + 1024 * 1024

export interface BrowserModeServerOptions {
  readonly rendererDir: string
  readonly handlers: Pick<CommandHandlers, 'dispatch'>
  readonly token: string
  /** Loopback only: the server must never be reachable from another machine. */
  readonly host: '127.0.0.1'
  /** 0 picks a free port. */
  readonly port: number
  /** Defaults to MAX_API_BODY_BYTES; tests lower it. */
  readonly maxBodyBytes?: number
  /** Where refusals and internal errors are reported; defaults to stderr. */
  readonly log?: (line: string) => void
}

export interface BrowserModeServer {
  readonly port: number
  /** http://127.0.0.1:<port>/<token>/ */
  readonly url: string
  close(): Promise<void>
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string
  ) {
    super(message)
  }
}

function sendText(response: ServerResponse, status: number, text: string): void {
  response.statusCode = status
  response.setHeader('Content-Type', 'text/plain; charset=utf-8')
  response.end(text)
}

function sendJson(response: ServerResponse, status: number, value: unknown): void {
  response.statusCode = status
  response.setHeader('Content-Type', 'application/json; charset=utf-8')
  response.end(JSON.stringify(value))
}

function readBody(request: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const declared = Number(request.headers['content-length'] ?? '0')
  if (declared > maxBytes) return Promise.reject(new HttpError(413, 'Request body too large'))
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let received = 0
    request.on('data', (chunk: Buffer) => {
      received += chunk.length
      if (received > maxBytes) {
        // Stop reading; the 413 goes out with Connection: close, which drops the rest of the upload.
        request.pause()
        reject(new HttpError(413, 'Request body too large'))
        return
      }
      chunks.push(chunk)
    })
    request.on('end', () => resolve(Buffer.concat(chunks)))
    request.on('error', reject)
  })
}

function isJsonContentType(value: string | undefined): boolean {
  return value?.split(';')[0]?.trim().toLowerCase() === 'application/json'
}

export async function createBrowserModeServer(options: BrowserModeServerOptions): Promise<BrowserModeServer> {
  if (!TOKEN_PATTERN.test(options.token)) throw new Error('The browser-mode token must be 32 to 256 URL-safe characters')
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`))
  let port = 0

  async function handleApi(request: IncomingMessage, response: ServerResponse, command: string): Promise<void> {
    if (request.method !== 'POST') throw new HttpError(405, 'Use POST for the API')
    // Only JSON: a cross-site HTML form can send text/plain or form data without a CORS preflight, never JSON.
    if (!isJsonContentType(request.headers['content-type'])) throw new HttpError(415, 'The API accepts application/json only')
    const body = await readBody(request, options.maxBodyBytes ?? MAX_API_BODY_BYTES)
    let envelope: unknown
    try {
      envelope = JSON.parse(body.toString('utf8'))
    } catch {
      throw new HttpError(400, 'The body is not JSON')
    }
    if (typeof envelope !== 'object' || envelope === null || Array.isArray(envelope) || !('request' in envelope)) {
      throw new HttpError(400, 'The body must be { "request": … }')
    }
    const result = await options.handlers.dispatch(command, (envelope as { request: unknown }).request)
    sendJson(response, 200, { response: result })
  }

  async function handleStatic(request: IncomingMessage, response: ServerResponse, rawSegments: readonly string[]): Promise<void> {
    if (request.method !== 'GET' && request.method !== 'HEAD') throw new HttpError(405, 'Method not allowed')
    const segments = rawSegments.length === 1 && rawSegments[0] === '' ? ['index.html'] : decodeSegments(rawSegments)
    const file = segments === null ? null : await resolveStaticFile(options.rendererDir, segments)
    if (file === null) throw new HttpError(404, 'Not found')
    response.statusCode = 200
    response.setHeader('Content-Type', contentTypeFor(file))
    if (request.method === 'HEAD') {
      response.end()
      return
    }
    await new Promise<void>((resolve, reject) => {
      createReadStream(file).on('error', reject).on('end', resolve).pipe(response)
    })
  }

  async function route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const refusal = headerRefusal(request.headers, port)
    // Split the raw path ourselves: URL parsing would resolve `..` and `%2e%2e` before we could refuse them.
    const [rawPath = ''] = (request.url ?? '').split('?')
    const [leading, rawToken = '', ...rest] = rawPath.split('/')
    if (refusal !== null || leading !== '' || !tokensEqual(rawToken, options.token)) {
      log(`browser mode: refused ${request.method ?? '?'} request (${refusal ?? 'missing or wrong token'})`)
      throw new HttpError(403, 'Forbidden')
    }
    if (rest.length === 0) {
      // Relative asset URLs in index.html only resolve under the trailing slash.
      response.statusCode = 308
      response.setHeader('Location', `/${options.token}/`)
      response.end()
      return
    }
    if (rest[0] === 'api') {
      const command = rest.length === 2 ? decodeSegments([rest[1] ?? '']) : null
      if (command === null || command[0] === undefined) throw new HttpError(404, 'Not found')
      await handleApi(request, response, command[0])
      return
    }
    await handleStatic(request, response, rest)
  }

  const server = createServer((request, response) => {
    applySecurityHeaders(response)
    route(request, response).catch((error: unknown) => {
      if (response.headersSent) {
        response.destroy()
        return
      }
      if (error instanceof CommandRejectedError) {
        sendJson(response, 400, { error: error.message })
      } else if (error instanceof HttpError) {
        if (error.status === 413) response.setHeader('Connection', 'close')
        if (request.url?.includes('/api/')) sendJson(response, error.status, { error: error.message })
        else sendText(response, error.status, error.message)
      } else {
        log(`browser mode: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)
        sendJson(response, 500, { error: 'Internal error; see the terminal running browser mode' })
      }
    })
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port, options.host, () => {
      server.off('error', reject)
      resolve()
    })
  })
  port = (server.address() as AddressInfo).port

  return {
    port,
    url: `http://${options.host}:${port}/${options.token}/`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()))
        server.closeAllConnections()
      })
  }
}
