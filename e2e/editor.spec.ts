import { readFile } from 'node:fs/promises'
import { expect, test } from '@playwright/test'
import { canvasCounts, canvasIds, checkEveryTestStaysOffline, classesOf, clickItem, drawBoundaryAround, itemBox, newModel, placeFromPalette, selectedIds } from './support'

/**
 * The DFD editor, driven with the real mouse and keyboard in browser mode. Positions come from the
 * canvas probe (Cytoscape draws on a <canvas> with no DOM), the model from what the app saves.
 */

checkEveryTestStaysOffline()

/** Clicks the middle of a drawn item; with `shift`, adds it to the selection (mouse.click takes no modifiers). */
test('draws, connects, bounds, edits, undoes, copies, deletes, saves and reopens a model', async ({ page }) => {
  await newModel(page)

  // Every element kind from the palette (click, then click the canvas).
  const process = await placeFromPalette(page, 'GE.P', 150, 90)
  const interactor = await placeFromPalette(page, 'GE.EI', 150, 290)
  const store = await placeFromPalette(page, 'GE.DS', 480, 90)
  await placeFromPalette(page, 'GE.A', 480, 300)
  expect(await canvasCounts(page)).toEqual({ nodes: 4, edges: 0 })

  // Connect: select two, press C.
  await clickItem(page, process)
  await clickItem(page, store, true)
  expect(await selectedIds(page)).toEqual([process, store])
  await page.keyboard.press('c')
  await expect.poll(() => canvasCounts(page)).toEqual({ nodes: 4, edges: 1 })
  // The new flow is selected, so the next edit can apply to it at once.
  const [writes] = await selectedIds(page)
  expect(writes).toBeDefined()

  // Connect by dragging the handle of a selected element onto another one.
  await clickItem(page, interactor)
  const from = await itemBox(page, interactor)
  const to = await itemBox(page, process)
  const handle = { x: from.x + from.width + 14, y: from.y + from.height / 2 }
  await page.mouse.move(handle.x, handle.y)
  await page.mouse.down()
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 8 })
  await page.mouse.up()
  await expect.poll(() => canvasCounts(page)).toEqual({ nodes: 4, edges: 2 })

  // A trust boundary drawn around the store flags the flow that now crosses it.
  expect(await classesOf(page, writes!)).not.toContain('crosses-boundary')
  await drawBoundaryAround(page, store, 25)
  await expect.poll(() => canvasCounts(page)).toEqual({ nodes: 5, edges: 2 })
  await expect.poll(() => classesOf(page, writes!)).toContain('crosses-boundary')

  // Edit a property; undo and redo it.
  await clickItem(page, process)
  const name = page.getByTestId('property-name')
  await name.fill('Orders API')
  await expect(name).toHaveValue('Orders API')
  await page.keyboard.press('Control+z')
  await expect(name).toHaveValue('Process')
  await page.keyboard.press('Control+Shift+z')
  await expect(name).toHaveValue('Orders API')

  // A drag is one undo step.
  const before = await itemBox(page, process)
  await page.mouse.move(before.x + before.width / 2, before.y + before.height / 2)
  await page.mouse.down()
  await page.mouse.move(before.x + before.width / 2 + 60, before.y + before.height / 2 + 30, { steps: 10 })
  await page.mouse.up()
  await expect.poll(async () => (await itemBox(page, process)).x).toBeGreaterThan(before.x + 50)
  await page.mouse.click(5, 5) // focus back on the page, not the name field
  await page.keyboard.press('Control+z')
  await expect.poll(async () => Math.round((await itemBox(page, process)).x)).toBe(Math.round(before.x))

  // Copy and paste the process with the store: the flow between them comes along.
  await clickItem(page, process)
  await clickItem(page, store, true)
  await page.keyboard.press('Control+c')
  await page.keyboard.press('Control+v')
  await expect.poll(() => canvasCounts(page)).toEqual({ nodes: 7, edges: 3 })
  const pasted = await selectedIds(page)
  expect(pasted).toHaveLength(3)

  // Delete the pasted copies.
  await page.keyboard.press('Delete')
  await expect.poll(() => canvasCounts(page)).toEqual({ nodes: 5, edges: 2 })

  // A second diagram, then back.
  const idsOnFirst = await canvasIds(page)
  await page.getByRole('button', { name: 'Add diagram' }).click()
  await expect(page.getByRole('tab')).toHaveCount(2)
  await expect.poll(() => canvasCounts(page)).toEqual({ nodes: 0, edges: 0 })
  await placeFromPalette(page, 'GE.P', 300, 150)
  await page.getByRole('tab').first().click()
  await expect.poll(() => canvasCounts(page)).toEqual({ nodes: 5, edges: 2 })

  // Save (a download in browser mode) and reopen the file: everything is still there.
  const download = page.waitForEvent('download')
  await page.keyboard.press('Control+s')
  const saved = await (await download).path()
  const bytes = await readFile(saved)
  await page.getByTestId('open-file-input').setInputFiles({ name: 'reopened.twm', mimeType: 'application/json', buffer: bytes })
  await expect(page).toHaveTitle('reopened.twm — Threatwright')
  await expect(page.getByRole('tab')).toHaveCount(2)
  await expect.poll(() => canvasCounts(page)).toEqual({ nodes: 5, edges: 2 })
  expect((await canvasIds(page)).sort()).toEqual([...idsOnFirst].sort())
  await expect.poll(() => classesOf(page, writes!)).toContain('crosses-boundary')
  await clickItem(page, process)
  await expect(page.getByTestId('property-name')).toHaveValue('Orders API')
})

test('a drag shows the crossing it changes while the button is held, drops as one undo step, and Esc puts it back', async ({ page }) => {
  await newModel(page)
  const process = await placeFromPalette(page, 'GE.P', 150, 120)
  const store = await placeFromPalette(page, 'GE.DS', 480, 120)
  await clickItem(page, process)
  await clickItem(page, store, true)
  await page.keyboard.press('c')
  await expect.poll(() => canvasCounts(page)).toEqual({ nodes: 2, edges: 1 })
  const [flow] = await selectedIds(page)
  await drawBoundaryAround(page, store, 60)
  const storeBox = await itemBox(page, store)
  await expect.poll(() => classesOf(page, flow!)).toContain('crosses-boundary')

  // The model changes on the drop; the canvas already shows that both ends are inside the box.
  const before = await itemBox(page, process)
  await page.mouse.move(before.x + before.width / 2, before.y + before.height / 2)
  await page.mouse.down()
  await page.mouse.move(storeBox.x + storeBox.width / 2, storeBox.y + storeBox.height + 40, { steps: 10 })
  await expect.poll(() => classesOf(page, flow!)).not.toContain('crosses-boundary')
  await page.mouse.up()
  await expect.poll(async () => (await itemBox(page, process)).y).toBeGreaterThan(storeBox.y)
  expect(await classesOf(page, flow!)).not.toContain('crosses-boundary')

  await page.mouse.click(5, 5)
  await page.keyboard.press('Control+z')
  await expect.poll(async () => Math.round((await itemBox(page, process)).x)).toBe(Math.round(before.x))
  await expect.poll(() => classesOf(page, flow!)).toContain('crosses-boundary')

  // Esc while the button is held puts the drag back, and the drop then changes nothing: the undone
  // move is still there to redo (a new edit would have cleared it).
  await page.mouse.move(before.x + before.width / 2, before.y + before.height / 2)
  await page.mouse.down()
  await page.mouse.move(storeBox.x + storeBox.width / 2, storeBox.y + storeBox.height + 40, { steps: 10 })
  await expect.poll(() => classesOf(page, flow!)).not.toContain('crosses-boundary')
  await page.keyboard.press('Escape')
  // Centres: while the button is held, Cytoscape's active overlay makes the box larger.
  const centreY = async (): Promise<number> => {
    const box = await itemBox(page, process)
    return Math.round(box.y + box.height / 2)
  }
  await expect.poll(centreY).toBe(Math.round(before.y + before.height / 2))
  await expect.poll(() => classesOf(page, flow!)).toContain('crosses-boundary')
  await page.mouse.move(storeBox.x + storeBox.width / 2 + 30, storeBox.y + storeBox.height + 60, { steps: 4 })
  await page.mouse.up()
  expect(Math.round((await itemBox(page, process)).x)).toBe(Math.round(before.x))
  expect(Math.round((await itemBox(page, process)).y)).toBe(Math.round(before.y))
  await page.keyboard.press('Control+Shift+z')
  await expect.poll(async () => (await itemBox(page, process)).y).toBeGreaterThan(storeBox.y)
})

test('the command palette runs commands from the registry', async ({ page }) => {
  await newModel(page)
  await placeFromPalette(page, 'GE.P', 200, 150)
  await page.keyboard.press('Control+Shift+p')
  const input = page.getByTestId('command-palette-input')
  await input.fill('select all')
  await input.press('Enter')
  await expect.poll(async () => (await selectedIds(page)).length).toBe(1)
  await page.keyboard.press('Control+d')
  await expect.poll(() => canvasCounts(page)).toEqual({ nodes: 2, edges: 0 })
})

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the sample in the ${colorScheme} theme`, async ({ page }, testInfo) => {
    await page.emulateMedia({ colorScheme })
    await page.goto('./')
    await expect.poll(async () => (await canvasCounts(page)).nodes).toBeGreaterThan(0)
    await page.waitForTimeout(300)
    await page.screenshot({ path: testInfo.outputPath(`sample-${colorScheme}.png`) })
  })
}
