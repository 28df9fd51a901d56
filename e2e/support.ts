import { expect, test, type APIRequestContext, type Page } from '@playwright/test'
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

/**
 * Records every request a page makes and every error it logs. The app is offline by design: a request to
 * anything but its own loopback origin is a failure, and so is a CSP violation or script error.
 */
/**
 * Playwright probes every frame it knows with a script of its own; in the report preview
 * (`sandbox=""`, a srcdoc frame that may run nothing) Chromium blocks that probe and logs it, at a
 * time that depends on scheduling. That log line is the sandbox working, not the app failing; the
 * report itself is checked to hold no script at all.
 */
function isHarnessProbeOfSandboxedFrame(text: string): boolean {
  return text.startsWith("Blocked script execution in 'about:srcdoc' because the document's frame is sandboxed")
}

function recordTraffic(page: Page, baseURL: string | undefined): { offOrigin: string[]; ownRequests: () => number; pageErrors: string[] } {
  const appOrigin = new URL(baseURL ?? '').origin
  const offOrigin: string[] = []
  const pageErrors: string[] = []
  let own = 0
  page.on('request', (request) => {
    let origin = 'null'
    try {
      origin = new URL(request.url()).origin
    } catch {
      // not a URL: counted as foreign
    }
    if (origin === appOrigin) own += 1
    else offOrigin.push(request.url())
  })
  page.on('pageerror', (error) => pageErrors.push(error.message))
  page.on('console', (message) => {
    if (message.type() !== 'error' || isHarnessProbeOfSandboxedFrame(message.text())) return
    pageErrors.push(message.text())
  })
  return { offOrigin, ownRequests: () => own, pageErrors }
}

/** The app's offline promise for one test: its page made its own requests, none off its origin, and logged no error. */
function expectStayedOffline(traffic: ReturnType<typeof recordTraffic>): void {
  // The recorder saw the app's own page, bundle and API calls, so the empty list below means something.
  expect(traffic.ownRequests()).toBeGreaterThan(3)
  expect(traffic.offOrigin, 'requests left the app origin').toEqual([])
  expect(traffic.pageErrors, 'errors in the page').toEqual([])
}

/** The app's start page with the sample drawn. */
export async function openApp(page: Page): Promise<void> {
  await page.goto('./')
  await expect(page.getByTestId('model-elements')).toBeVisible()
}

/** Runs a command from the in-page menu bar: the menu's title, then the entry (registry ids). */
export async function runMenu(page: Page, menuId: string, commandId: string): Promise<void> {
  await page.locator(`[data-menu-button="${menuId}"]`).click()
  await page.locator(`[data-command-id="${commandId}"]`).click()
}

/**
 * For every test of the calling spec (call it at the top level): record the page's traffic from the start,
 * and check after the test that it stayed offline. Hooks the spec registers later run after this check.
 */
export function checkEveryTestStaysOffline(): void {
  let traffic: ReturnType<typeof recordTraffic> | null = null
  test.beforeEach(({ page, baseURL }) => {
    traffic = recordTraffic(page, baseURL)
  })
  test.afterEach(() => {
    if (traffic === null) throw new Error('the traffic recorder did not start')
    expectStayedOffline(traffic)
    traffic = null
  })
}

export interface PageBox {
  readonly x: number
  readonly y: number
  readonly width: number
  readonly height: number
}

/** Where a drawn item is on the page (canvas/test-probe.ts), to point the real mouse at it. */
export async function itemBox(page: Page, modelId: string): Promise<PageBox> {
  const box = await page.evaluate((id) => (globalThis as unknown as { __threatwrightCanvas?: { pageBox(id: string): PageBox | null } }).__threatwrightCanvas?.pageBox(id) ?? null, modelId)
  if (!box) throw new Error(`${modelId} is not drawn`)
  return box
}

export async function selectedIds(page: Page): Promise<string[]> {
  return page.evaluate(() => (globalThis as unknown as { __threatwrightCanvas?: { selectedIds(): string[] } }).__threatwrightCanvas?.selectedIds() ?? [])
}

export async function classesOf(page: Page, modelId: string): Promise<string> {
  return page.evaluate((id) => (globalThis as unknown as { __threatwrightCanvas?: { classesOf(id: string): string } }).__threatwrightCanvas?.classesOf(id) ?? '', modelId)
}

export interface ProbeViewport {
  readonly zoom: number
  readonly pan: { readonly x: number; readonly y: number }
  readonly width: number
  readonly height: number
}

/** Cytoscape's pan and zoom, as the probe reports them (pan moves the view, never the model). */
export async function viewportOf(page: Page): Promise<ProbeViewport> {
  const view = await page.evaluate(() => (globalThis as unknown as { __threatwrightCanvas?: { viewport(): ProbeViewport } }).__threatwrightCanvas?.viewport() ?? null)
  if (!view) throw new Error('no canvas viewport')
  return view
}

/** Where an element or box is in model coordinates, as the model placed it (top-left and size). */
export async function modelBox(page: Page, modelId: string): Promise<PageBox> {
  const box = await page.evaluate((id) => (globalThis as unknown as { __threatwrightCanvas?: { modelBox(id: string): PageBox | null } }).__threatwrightCanvas?.modelBox(id) ?? null, modelId)
  if (!box) throw new Error(`${modelId} is not drawn`)
  return box
}

/**
 * Deletes the crash-recovery copies the app keeps of unsaved work (through the app's own API), so a test
 * that ends with unsaved edits does not bring up a recovery offer, which takes canvas space, in the next.
 */
export async function discardRecoveryCopies(request: APIRequestContext): Promise<void> {
  const answer = await request.post('api/document:recovery-list', { data: { request: null } })
  expect(answer.ok()).toBe(true)
  const entries = ((await answer.json()) as { response: readonly { readonly id: string }[] }).response
  for (const entry of entries) {
    const discarded = await request.post('api/document:recovery-discard', { data: { request: { id: entry.id } } })
    expect(discarded.ok()).toBe(true)
  }
}

/** A fresh untitled model with an empty diagram (Ctrl+N), ready for drawing. */
export async function newModel(page: Page): Promise<void> {
  await page.goto('./')
  await expect(page.getByTestId('model-elements')).toBeVisible()
  await page.keyboard.press('Control+n')
  await expect(page).toHaveTitle('Untitled.twm — Threatwright')
  await expect.poll(() => canvasCounts(page)).toEqual({ nodes: 0, edges: 0 })
}

/** A page point on the canvas, relative to its top-left corner. */
export async function canvasPoint(page: Page, x: number, y: number): Promise<{ x: number; y: number }> {
  const box = await page.getByTestId('diagram-canvas').boundingBox()
  if (!box) throw new Error('no canvas')
  return { x: box.x + x, y: box.y + y }
}

/** Clicks a palette entry, then the canvas at (x, y); returns the model id of what was added. */
export async function placeFromPalette(page: Page, typeId: string, x: number, y: number): Promise<string> {
  const before = await canvasIds(page)
  await page.locator(`[data-testid="palette"] [data-type-id="${typeId}"]`).click()
  const point = await canvasPoint(page, x, y)
  await page.mouse.click(point.x, point.y)
  await expect.poll(async () => (await canvasIds(page)).length).toBe(before.length + 1)
  const added = (await canvasIds(page)).find((id) => !before.includes(id))
  if (!added) throw new Error('nothing added')
  return added
}

/** Clicks the middle of a drawn item, with Shift to add it to the selection. */
export async function clickItem(page: Page, id: string, shift = false): Promise<void> {
  const box = await itemBox(page, id)
  if (shift) await page.keyboard.down('Shift')
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2)
  if (shift) await page.keyboard.up('Shift')
}

/** Draws a trust boundary box from the palette around a drawn item, `margin` page pixels beyond it on every side. */
export async function drawBoundaryAround(page: Page, id: string, margin: number): Promise<void> {
  await page.locator('[data-testid="palette"] [data-type-id="GE.TB.B"]').click()
  const box = await itemBox(page, id)
  await page.mouse.move(box.x - margin, box.y - margin)
  await page.mouse.down()
  await page.mouse.move(box.x + box.width + margin, box.y + box.height + margin, { steps: 6 })
  await page.mouse.up()
}
