import { expect, test, type Page } from '@playwright/test'
import { canvasCounts, canvasIds, canvasPoint, checkEveryTestStaysOffline, classesOf, clickItem, discardRecoveryCopies, itemBox, modelBox, newModel, placeFromPalette, selectedIds, viewportOf } from './support'

/**
 * The editor's view and keyboard (issue 7: align, grid and snap, space/middle-button pan, minimap,
 * context menu, Tab cycling), by the real mouse and keyboard in browser mode. Positions and the view
 * come from the canvas probe; the model's own coordinates from `modelBox`, which Cytoscape only ever
 * takes from the model.
 */

/** The bit of a <canvas> the pixel check reads (the e2e code is typed without the DOM library). */
interface PixelCanvas {
  readonly width: number
  readonly height: number
  getContext(kind: '2d'): { getImageData(x: number, y: number, w: number, h: number): { data: ArrayLike<number> } } | null
}

checkEveryTestStaysOffline()

test.afterEach(async ({ page, request }) => {
  // These tests end with unsaved drawings: closed first (no autosave can follow), their recovery copies
  // are removed so the next test opens without a recovery offer.
  await page.close()
  await discardRecoveryCopies(request)
})

async function centreOf(page: Page, id: string): Promise<{ x: number; y: number }> {
  const box = await itemBox(page, id)
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 }
}

async function drag(page: Page, from: { x: number; y: number }, by: { x: number; y: number }, button: 'left' | 'middle' = 'left'): Promise<void> {
  await page.mouse.move(from.x, from.y)
  await page.mouse.down({ button })
  await page.mouse.move(from.x + by.x, from.y + by.y, { steps: 8 })
  await page.mouse.up({ button })
}

/** Clicks an empty spot of the canvas: nothing selected, and the canvas has keyboard focus. */
/** The pan in whole pixels (the pointer's steps may be fractional). */
async function panOf(page: Page): Promise<{ x: number; y: number }> {
  const { pan } = await viewportOf(page)
  return { x: Math.round(pan.x), y: Math.round(pan.y) }
}

async function focusCanvas(page: Page): Promise<void> {
  const empty = await canvasPoint(page, 30, 30)
  await page.mouse.click(empty.x, empty.y)
  await expect.poll(() => selectedIds(page)).toEqual([])
  await expect(page.getByTestId('editor-stage')).toBeFocused()
}

test('aligns two elements from the Arrange menu, as one undo step', async ({ page }) => {
  await newModel(page)
  const process = await placeFromPalette(page, 'GE.P', 150, 100)
  const store = await placeFromPalette(page, 'GE.DS', 420, 230)
  await clickItem(page, process)
  await clickItem(page, store, true)
  expect(await selectedIds(page)).toEqual([process, store])
  const before = { process: await modelBox(page, process), store: await modelBox(page, store) }
  expect(before.store.y).toBeGreaterThan(before.process.y)

  await page.getByRole('button', { name: 'Arrange' }).click()
  await page.getByRole('menuitem', { name: 'Align Top' }).click()
  await expect.poll(async () => (await modelBox(page, store)).y).toBe(before.process.y)
  expect((await modelBox(page, store)).x).toBe(before.store.x)
  expect(await modelBox(page, process)).toEqual(before.process)

  await page.keyboard.press('Control+z')
  await expect.poll(async () => (await modelBox(page, store)).y).toBe(before.store.y)
})

test('snaps a drag to the grid while the grid is on, and not once it is toggled off', async ({ page }) => {
  await newModel(page)
  const stage = page.getByTestId('editor-stage')
  await expect(stage).toHaveAttribute('data-grid', 'on')
  const process = await placeFromPalette(page, 'GE.P', 203, 147)
  // Placed on the grid too.
  const placed = await modelBox(page, process)
  expect([placed.x % 10, placed.y % 10]).toEqual([0, 0])

  await drag(page, await centreOf(page, process), { x: 37, y: 23 })
  await expect.poll(async () => (await modelBox(page, process)).x).not.toBe(placed.x)
  const snapped = await modelBox(page, process)
  expect([snapped.x % 10, snapped.y % 10]).toEqual([0, 0])
  // The nearest grid point to where the pointer took it.
  expect([snapped.x, snapped.y]).toEqual([placed.x + 40, placed.y + 20])

  // View ▸ Grid and Snap off: the grid goes away and the next drag lands where the pointer leaves it.
  await page.getByRole('button', { name: 'View' }).click()
  const toggle = page.getByRole('menuitemcheckbox', { name: /Grid and Snap/ })
  await expect(toggle).toHaveAttribute('aria-checked', 'true')
  await toggle.click()
  await expect(stage).toHaveAttribute('data-grid', 'off')
  await drag(page, await centreOf(page, process), { x: 13, y: 7 })
  await expect.poll(async () => (await modelBox(page, process)).x).toBe(snapped.x + 13)
  expect((await modelBox(page, process)).y).toBe(snapped.y + 7)

  // The shortcut turns it back on.
  await page.keyboard.press('Control+Shift+g')
  await expect(stage).toHaveAttribute('data-grid', 'on')
})

test('space+drag and the middle button pan the view, never the model', async ({ page }) => {
  await newModel(page)
  const process = await placeFromPalette(page, 'GE.P', 300, 200)
  const model = await modelBox(page, process)
  await focusCanvas(page)
  const start = await viewportOf(page)
  const onScreen = await itemBox(page, process)

  // Started on the shape itself: with Space held that pans too, and the shape is neither moved nor selected.
  await page.keyboard.down('Space')
  await drag(page, await centreOf(page, process), { x: 120, y: 60 })
  await page.keyboard.up('Space')
  await expect.poll(() => panOf(page)).toEqual({ x: Math.round(start.pan.x) + 120, y: Math.round(start.pan.y) + 60 })
  expect((await viewportOf(page)).zoom).toBe(start.zoom)
  expect(await modelBox(page, process)).toEqual(model)
  expect(await selectedIds(page)).toEqual([])
  const moved = await itemBox(page, process)
  expect(Math.round(moved.x - onScreen.x)).toBe(120)
  expect(Math.round(moved.y - onScreen.y)).toBe(60)

  // The middle button, from the empty canvas.
  const empty = await canvasPoint(page, 60, 60)
  await drag(page, empty, { x: -50, y: 30 }, 'middle')
  await expect.poll(() => panOf(page)).toEqual({ x: Math.round(start.pan.x) + 70, y: Math.round(start.pan.y) + 90 })
  expect(await modelBox(page, process)).toEqual(model)
})

test('the minimap shows the whole diagram and a click in it pans the canvas there', async ({ page }) => {
  await page.goto('./')
  await expect.poll(async () => (await canvasCounts(page)).nodes).toBeGreaterThan(0)
  const minimap = page.getByTestId('minimap')
  await expect(minimap).toBeVisible()
  // The overview is painted from the model: some pixels are not transparent.
  await expect
    .poll(() =>
      minimap.locator('canvas').first().evaluate((canvas: PixelCanvas) => {
        const data = canvas.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height).data ?? []
        let painted = 0
        for (let index = 3; index < data.length; index += 4) if ((data[index] ?? 0) > 0) painted += 1
        return painted
      })
    )
    .toBeGreaterThan(50)

  const before = await viewportOf(page)
  const box = await minimap.boundingBox()
  if (!box) throw new Error('no minimap box')
  await page.mouse.click(box.x + 12, box.y + 12)
  await expect.poll(async () => (await viewportOf(page)).pan).not.toEqual(before.pan)
  const after = await viewportOf(page)
  expect(after.zoom).toBe(before.zoom)
  // The top-left corner of the map is up and left of the diagram: the view moved that way (pan grew).
  expect(after.pan.x).toBeGreaterThan(before.pan.x)
  expect(after.pan.y).toBeGreaterThan(before.pan.y)

  // View ▸ Minimap hides it.
  await page.keyboard.press('Control+Shift+o')
  await expect(minimap).toHaveCount(0)
})

test('the context menu deletes an element by right click, Undo brings it back; Shift+F10 opens it too', async ({ page }) => {
  await newModel(page)
  const process = await placeFromPalette(page, 'GE.P', 200, 150)
  await placeFromPalette(page, 'GE.EI', 420, 150)
  await focusCanvas(page)

  const centre = await centreOf(page, process)
  await page.mouse.click(centre.x, centre.y, { button: 'right' })
  const menu = page.getByTestId('context-menu')
  await expect(menu).toBeVisible()
  expect(await selectedIds(page)).toEqual([process])
  await expect(menu.getByRole('menuitem', { name: /^Connect/ })).toBeVisible()
  await menu.getByRole('menuitem', { name: /^Delete/ }).click()
  await expect(menu).toHaveCount(0)
  await expect.poll(() => canvasCounts(page)).toEqual({ nodes: 1, edges: 0 })
  expect(await canvasIds(page)).not.toContain(process)

  await page.keyboard.press('Control+z')
  await expect.poll(() => canvasIds(page)).toContain(process)

  // The keyboard's way: Shift+F10 on the selection; Esc closes it and keeps the selection.
  await clickItem(page, process)
  await page.keyboard.press('Shift+F10')
  await expect(menu).toBeVisible()
  await expect(menu.getByRole('menuitem').first()).toBeFocused()
  await page.keyboard.press('Escape')
  await expect(menu).toHaveCount(0)
  expect(await selectedIds(page)).toEqual([process])

  // Right click on the empty canvas: the canvas's own menu.
  const empty = await canvasPoint(page, 40, 300)
  await page.mouse.click(empty.x, empty.y, { button: 'right' })
  await expect(menu.getByRole('menuitem', { name: /^Select All/ })).toBeVisible()
  await expect(menu.getByRole('menuitem', { name: /^Delete/ })).toHaveCount(0)
  await page.keyboard.press('Escape')
})

test('Tab and Shift+Tab cycle the elements in a stable order; Esc deselects', async ({ page }) => {
  await newModel(page)
  const first = await placeFromPalette(page, 'GE.P', 420, 260)
  const second = await placeFromPalette(page, 'GE.DS', 150, 90)
  const third = await placeFromPalette(page, 'GE.EI', 420, 90)
  await focusCanvas(page)

  // The order they were added in, whatever their positions.
  for (const expected of [first, second, third, first]) {
    await page.keyboard.press('Tab')
    expect(await selectedIds(page)).toEqual([expected])
  }
  await page.keyboard.press('Shift+Tab')
  expect(await selectedIds(page)).toEqual([third])
  // Focus stayed on the canvas all along.
  await expect(page.getByTestId('editor-stage')).toBeFocused()

  // Moving a shape does not reorder the cycle.
  await drag(page, await centreOf(page, third), { x: -200, y: 250 })
  await page.keyboard.press('Tab')
  expect(await selectedIds(page)).toEqual([first])

  await page.keyboard.press('Escape')
  expect(await selectedIds(page)).toEqual([])
})

async function midpointOf(page: Page, flowId: string): Promise<{ x: number; y: number }> {
  const point = await page.evaluate(
    (id) => (globalThis as unknown as { __threatwrightCanvas?: { pageMidpoint(id: string): { x: number; y: number } | null } }).__threatwrightCanvas?.pageMidpoint(id) ?? null,
    flowId
  )
  if (!point) throw new Error(`${flowId} is not drawn`)
  return point
}

const near = (a: { x: number; y: number }, b: { x: number; y: number }, within = 6): boolean => Math.hypot(a.x - b.x, a.y - b.y) <= within

test('a selected flow’s end dragged onto another element reconnects it, onto empty canvas leaves it loose; its bend drags', async ({ page }) => {
  await newModel(page)
  const web = await placeFromPalette(page, 'GE.P', 150, 150)
  const api = await placeFromPalette(page, 'GE.P', 450, 150)
  const store = await placeFromPalette(page, 'GE.DS', 450, 350)
  await clickItem(page, web)
  await clickItem(page, api, true)
  const before = await canvasIds(page)
  await page.keyboard.press('c')
  await expect.poll(async () => (await canvasIds(page)).length).toBe(before.length + 1)
  const flow = (await canvasIds(page)).find((id) => !before.includes(id)) as string
  const webCentre = await centreOf(page, web)
  const storeCentre = await centreOf(page, store)

  // Select the flow: its target end handle sits where the arrow meets the API's outline.
  const middle = await midpointOf(page, flow)
  await page.mouse.click(middle.x, middle.y)
  await expect.poll(() => selectedIds(page)).toEqual([flow])
  const apiBox = await itemBox(page, api)
  const targetEnd = { x: apiBox.x, y: apiBox.y + apiBox.height / 2 }
  await drag(page, targetEnd, { x: storeCentre.x - targetEnd.x, y: storeCentre.y - targetEnd.y })
  // Now web → store: the line's middle is half way between them.
  const webToStore = { x: (webCentre.x + storeCentre.x) / 2, y: (webCentre.y + storeCentre.y) / 2 }
  await expect.poll(async () => near(await midpointOf(page, flow), webToStore, 25)).toBe(true)
  await page.keyboard.press('Control+z')
  const webToApi = { x: (webCentre.x + (await centreOf(page, api)).x) / 2, y: webCentre.y }
  await expect.poll(async () => near(await midpointOf(page, flow), webToApi, 25)).toBe(true)

  // A bend added by double click, then dragged by its handle: the line follows it, one undo step.
  await page.mouse.click(webToApi.x, webToApi.y)
  await expect.poll(() => selectedIds(page)).toEqual([flow])
  await page.mouse.dblclick(webToApi.x, webToApi.y)
  await expect.poll(async () => classesOf(page, flow)).toContain('bent')
  await drag(page, webToApi, { x: 0, y: 90 })
  await expect.poll(async () => near(await midpointOf(page, flow), { x: webToApi.x, y: webToApi.y + 90 }, 8)).toBe(true)
  await page.keyboard.press('Control+z')
  await expect.poll(async () => near(await midpointOf(page, flow), webToApi, 8)).toBe(true)

  // The source end dropped on empty canvas: the flow keeps its place but its start is loose.
  const webBox = await itemBox(page, web)
  await page.mouse.click(webToApi.x, webToApi.y)
  await expect.poll(() => selectedIds(page)).toEqual([flow])
  const sourceEnd = { x: webBox.x + webBox.width, y: webBox.y + webBox.height / 2 }
  await drag(page, sourceEnd, { x: 20, y: 120 })
  await expect.poll(async () => classesOf(page, flow)).toContain('loose-source')
})

test('the DOM copy and paste events (Electron’s Edit menu roles) copy and paste the diagram selection, not a text field’s', async ({ page }) => {
  await newModel(page)
  const process = await placeFromPalette(page, 'GE.P', 200, 150)
  await clickItem(page, process)
  // What Electron's Copy and Paste roles do with no text field focused: dispatch the events on the document.
  await page.evaluate(() => {
    const doc = (globalThis as unknown as { document: { dispatchEvent(event: unknown): boolean } }).document
    const Clipboard = (globalThis as unknown as { ClipboardEvent: new (type: string, init: object) => unknown }).ClipboardEvent
    doc.dispatchEvent(new Clipboard('copy', { bubbles: true, cancelable: true }))
    doc.dispatchEvent(new Clipboard('paste', { bubbles: true, cancelable: true }))
  })
  await expect.poll(async () => (await canvasIds(page)).length).toBe(2)

  // In a text field the same events are the field's: the diagram is left alone.
  await page.getByLabel('Name').focus()
  await page.getByLabel('Name').dispatchEvent('paste')
  await page.waitForTimeout(200)
  expect((await canvasIds(page)).length).toBe(2)
})

test('a trust line gains a vertex by double click, the vertex drags, and a double click on it removes it', async ({ page }) => {
  await newModel(page)
  const line = await placeFromPalette(page, 'GE.TB.L', 300, 200)
  const middle = await midpointOf(page, line)
  await page.mouse.click(middle.x, middle.y)
  await expect.poll(() => selectedIds(page)).toEqual([line])
  expect(await classesOf(page, line)).not.toContain('bent')

  await page.mouse.dblclick(middle.x, middle.y)
  await expect.poll(async () => classesOf(page, line)).toContain('bent')
  await drag(page, middle, { x: 80, y: 0 })
  await expect.poll(async () => near(await midpointOf(page, line), { x: middle.x + 80, y: middle.y }, 8)).toBe(true)

  await page.mouse.dblclick(middle.x + 80, middle.y)
  await expect.poll(async () => classesOf(page, line)).not.toContain('bent')
  await expect.poll(async () => near(await midpointOf(page, line), middle, 8)).toBe(true)
})
