import type { AppMode, ThreatwrightApi } from '../../../src-shared/ipc-contract'
import { createElectronBackend } from './electron-backend'
import { createHttpBackend, type FetchLike } from './http-backend'

export interface Backend {
  readonly mode: AppMode
  readonly api: ThreatwrightApi
}

/** What the choice looks at: the window's preload bridge, the page URL and `fetch`. */
export interface BackendHost {
  readonly threatwright?: ThreatwrightApi
  readonly baseUrl: string
  readonly fetch: FetchLike
}

/**
 * The preload bridge exists only inside Electron (contextBridge puts it on `window` before any page
 * script runs), so its presence decides; anything else is a browser served by browser mode.
 */
export function pickBackend(host: BackendHost): Backend {
  if (host.threatwright && typeof host.threatwright.invoke === 'function') {
    return { mode: 'electron', api: createElectronBackend(host.threatwright) }
  }
  return { mode: 'browser', api: createHttpBackend({ baseUrl: host.baseUrl, fetch: host.fetch }) }
}
