import { dirname } from 'node:path'
import { APP_INDEX_URL } from './app-protocol'

export type RendererLocation =
  /** The built files, served over app:// from `rootDir` (app-protocol.ts). */
  | { readonly kind: 'file'; readonly path: string; readonly rootDir: string; readonly url: string }
  | { readonly kind: 'dev-server'; readonly url: string }

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]'])

/**
 * Where the window loads the renderer from, and so the only URL the IPC guard trusts. The dev server
 * (ELECTRON_RENDERER_URL, set by `electron-vite dev`) counts only in an unpackaged app and only on
 * loopback: an installed app must never load its UI from a URL someone put in its environment.
 */
export function rendererLocation(options: {
  readonly isPackaged: boolean
  readonly devServerUrl: string | undefined
  readonly rendererIndexPath: string
}): RendererLocation {
  if (!options.isPackaged && options.devServerUrl !== undefined && options.devServerUrl !== '') {
    try {
      const url = new URL(options.devServerUrl)
      if ((url.protocol === 'http:' || url.protocol === 'https:') && LOOPBACK_HOSTS.has(url.hostname)) {
        return { kind: 'dev-server', url: url.href }
      }
    } catch {
      // Not a URL: fall through to the built files.
    }
  }
  return { kind: 'file', path: options.rendererIndexPath, rootDir: dirname(options.rendererIndexPath), url: APP_INDEX_URL }
}
