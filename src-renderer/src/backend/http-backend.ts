import type { CommandName, CommandRequest, CommandResponse, ThreatwrightApi } from '../../../src-shared/ipc-contract'

/** Only what the backend needs of `fetch`, so tests can pass a fake without a network. */
export type FetchLike = (
  url: string,
  init: { method: string; headers: Record<string, string>; body: string }
) => Promise<{ readonly ok: boolean; readonly status: number; json(): Promise<unknown> }>

export interface HttpBackendOptions {
  /**
   * The page's own URL (`document.baseURI`), e.g. `http://127.0.0.1:4000/<token>/`. The API is resolved
   * relative to it, so the secret token in the path is reused without the renderer ever knowing it.
   */
  readonly baseUrl: string
  readonly fetch: FetchLike
}

/**
 * Browser mode: the same command contract as Electron's IPC, carried as POST `api/<command>` with
 * `{ request }`, answered `{ response }` or `{ error }` (see src-main/browser-mode). A server error
 * becomes a rejected promise carrying the server's message, exactly as an IPC handler's throw would.
 */
export function createHttpBackend(options: HttpBackendOptions): ThreatwrightApi {
  return {
    async invoke<Name extends CommandName>(name: Name, request: CommandRequest<Name>): Promise<CommandResponse<Name>> {
      const url = new URL(`api/${name}`, options.baseUrl).toString()
      const answer = await options.fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ request })
      })
      let body: unknown
      try {
        body = await answer.json()
      } catch {
        throw new Error(`${name}: the server answered HTTP ${answer.status} without a JSON body`)
      }
      if (isRecord(body) && typeof body.error === 'string') throw new Error(body.error)
      if (!answer.ok) throw new Error(`${name}: the server answered HTTP ${answer.status}`)
      if (!isRecord(body) || !('response' in body)) throw new Error(`${name}: the server's answer has no "response"`)
      return body.response as CommandResponse<Name>
    },
    // No push channel over HTTP: menus are the page's own and files arrive by upload, so no event
    // ('menu:command', 'document:opened') can happen in browser mode.
    on() {
      return () => {}
    }
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
