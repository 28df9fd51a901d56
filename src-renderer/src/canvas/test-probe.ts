import type { CanvasProbe } from './canvas-adapter'

/** Where the probe lives: `window` in the app. */
export interface ProbeHost {
  __threatwrightCanvas?: CanvasProbe
}

/**
 * Exposes read-only counts of the drawn diagram as `window.__threatwrightCanvas`, for the end-to-end
 * tests only. Cytoscape draws on a <canvas>, which has no DOM to query, so Playwright could otherwise
 * not tell whether the sample's 5 elements and 7 flows were drawn. It can read counts and ids but
 * change nothing, and it returns copies, so nothing the page exposes can alter the model.
 */
export function installCanvasProbe(host: ProbeHost, probe: CanvasProbe): () => void {
  const readOnly: CanvasProbe = Object.freeze({
    nodeCount: () => probe.nodeCount(),
    edgeCount: () => probe.edgeCount(),
    elementIds: () => [...probe.elementIds()]
  })
  host.__threatwrightCanvas = readOnly
  return () => {
    if (host.__threatwrightCanvas === readOnly) delete host.__threatwrightCanvas
  }
}
