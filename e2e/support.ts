import { expect, type APIRequestContext, type Page } from '@playwright/test'
import type { Diagram, ThreatModel } from '../model/model'
import type { OpenOutcome } from '../src-shared/ipc-contract'

/** The probe the renderer exposes for these tests (src-renderer/src/canvas/test-probe.ts). */
export interface CanvasProbe {
  nodeCount(): number
  edgeCount(): number
  elementIds(): string[]
}

interface ProbeHost {
  readonly __threatwrightCanvas?: CanvasProbe
}

/** What the canvas should hold for a diagram: elements and box boundaries are nodes, flows and trust lines edges. */
export function expectedCounts(diagram: Diagram): { nodes: number; edges: number } {
  const boxes = diagram.boundaries.filter((boundary) => boundary.shape.kind === 'box').length
  const lines = diagram.boundaries.length - boxes
  return { nodes: diagram.elements.length + boxes, edges: diagram.flows.length + lines }
}

/** The sample as the app's own API serves it (the same command the page calls on start). */
export async function fetchSample(request: APIRequestContext): Promise<{ fileName: string; model: ThreatModel }> {
  const answer = await request.post('api/document:open-sample', { data: { request: null } })
  expect(answer.ok()).toBe(true)
  const outcome = ((await answer.json()) as { response: OpenOutcome }).response
  if (outcome.kind !== 'opened') throw new Error(`the sample did not open: ${JSON.stringify(outcome)}`)
  return { fileName: outcome.document.fileName, model: outcome.document.model }
}

export async function canvasCounts(page: Page): Promise<{ nodes: number; edges: number }> {
  return page.evaluate(() => {
    const probe = (globalThis as unknown as ProbeHost).__threatwrightCanvas
    return { nodes: probe?.nodeCount() ?? -1, edges: probe?.edgeCount() ?? -1 }
  })
}

export async function canvasIds(page: Page): Promise<string[]> {
  return page.evaluate(() => (globalThis as unknown as ProbeHost).__threatwrightCanvas?.elementIds() ?? [])
}

interface PixelCanvas {
  readonly width: number
  readonly height: number
  getContext(kind: '2d'): { getImageData(x: number, y: number, w: number, h: number): { data: ArrayLike<number> } } | null
}

/**
 * How many distinct colours Cytoscape's canvas layers hold, sampled on a grid. A blank canvas has none
 * (transparent); a drawn diagram has fills, outlines and label text in several colours.
 */
export async function distinctCanvasColours(page: Page): Promise<number> {
  return page.locator('[data-testid="diagram-canvas"] canvas').evaluateAll((canvases: PixelCanvas[]) => {
    const colours = new Set<string>()
    for (const canvas of canvases) {
      const context = canvas.getContext('2d')
      if (!context || canvas.width === 0 || canvas.height === 0) continue
      const { data } = context.getImageData(0, 0, canvas.width, canvas.height)
      for (let index = 0; index < data.length; index += 4 * 7) {
        if ((data[index + 3] ?? 0) === 0) continue
        colours.add(`${data[index]},${data[index + 1]},${data[index + 2]}`)
      }
    }
    return colours.size
  })
}
