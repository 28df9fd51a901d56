import type { ThreatwrightApi } from '../../src-shared/ipc-contract'
import type { CanvasProbe } from './canvas/canvas-adapter'

declare global {
  interface Window {
    /** Set by src-preload in the desktop app only; its absence means browser mode. */
    threatwright?: ThreatwrightApi
    /** Read-only drawing counts for the end-to-end tests (canvas/test-probe.ts). */
    __threatwrightCanvas?: CanvasProbe
  }
}

export {}
