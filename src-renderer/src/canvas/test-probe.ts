import type { CanvasProbe } from './canvas-adapter'

/** Where the probe lives: `window` in the app. */
export interface ProbeHost {
  __threatwrightCanvas?: CanvasProbe
}

/**
 * Exposes read-only facts about the drawn diagram as `window.__threatwrightCanvas`, for the end-to-end
 * tests only. Cytoscape draws on a <canvas>, which has no DOM to query, so Playwright could otherwise
 * neither count what was drawn nor find where to point the real mouse. It can read counts, ids, classes,
 * page and model positions and the viewport but change nothing, and it returns copies, so nothing the
 * page exposes can alter the model.
 */
export function installCanvasProbe(host: ProbeHost, probe: CanvasProbe): () => void {
  const readOnly: CanvasProbe = Object.freeze({
    nodeCount: () => probe.nodeCount(),
    edgeCount: () => probe.edgeCount(),
    elementIds: () => [...probe.elementIds()],
    selectedIds: () => [...probe.selectedIds()],
    classesOf: (modelId: string) => probe.classesOf(modelId),
    pageBox: (modelId: string) => {
      const box = probe.pageBox(modelId)
      return box === null ? null : { ...box }
    },
    pageMidpoint: (flowId: string) => {
      const point = probe.pageMidpoint(flowId)
      return point === null ? null : { ...point }
    },
    viewport: () => {
      const view = probe.viewport()
      return { ...view, pan: { ...view.pan } }
    },
    modelBox: (modelId: string) => {
      const box = probe.modelBox(modelId)
      return box === null ? null : { ...box }
    }
  })
  host.__threatwrightCanvas = readOnly
  return () => {
    if (host.__threatwrightCanvas === readOnly) delete host.__threatwrightCanvas
  }
}
