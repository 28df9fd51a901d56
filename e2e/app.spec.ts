import { expect, test } from '@playwright/test'
import type { Diagram, ThreatModel } from '../model/model'
import { canvasCounts, canvasIds, distinctCanvasColours, expectedCounts, fetchSample, openApp } from './support'

/**
 * Browser mode end to end: the built renderer served by `node out/main/browser-mode.js` (see
 * playwright.config.ts), driven in Chromium. Every test also proves the app stays offline: any request
 * to anything but the app's own origin fails it.
 */

let offOrigin: string[] = []
let ownRequests = 0
let pageErrors: string[] = []

test.beforeEach(async ({ page, baseURL }) => {
  const appOrigin = new URL(baseURL ?? '').origin
  offOrigin = []
  ownRequests = 0
  pageErrors = []
  page.on('request', (request) => {
    const url = request.url()
    let origin = 'null'
    try {
      origin = new URL(url).origin
    } catch {
      // not a URL: counted as foreign below
    }
    if (origin === appOrigin) ownRequests += 1
    else offOrigin.push(url)
  })
  // CSP violations and script errors show up here; the app must run clean under its own policy.
  page.on('pageerror', (error) => pageErrors.push(error.message))
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text())
  })
})

test.afterEach(() => {
  // The recorder saw the app's own page, bundle and API calls, so an empty list below means something.
  expect(ownRequests).toBeGreaterThan(3)
  expect(offOrigin, 'requests left the app origin').toEqual([])
  expect(pageErrors, 'errors in the page').toEqual([])
})


function firstDiagram(model: ThreatModel): Diagram {
  const diagram = model.diagrams[0]
  if (!diagram) throw new Error('the sample has no diagram')
  return diagram
}

test('draws the sample diagram and shows its counts', async ({ page, request }, testInfo) => {
  const sample = await fetchSample(request)
  const diagram = firstDiagram(sample.model)
  await openApp(page)

  await expect(page).toHaveTitle(`${sample.fileName} — Threatwright`)
  await expect.poll(() => canvasCounts(page)).toEqual(expectedCounts(diagram))
  const ids = await canvasIds(page)
  expect(ids).toEqual(expect.arrayContaining(diagram.elements.map((element) => element.id)))

  // Something is actually painted: a blank or single-colour canvas would mean nothing was drawn.
  await expect.poll(() => distinctCanvasColours(page)).toBeGreaterThan(3)

  const elements = sample.model.diagrams.reduce((sum, each) => sum + each.elements.length, 0)
  const flows = sample.model.diagrams.reduce((sum, each) => sum + each.flows.length, 0)
  await expect(page.getByTestId('model-elements')).toHaveText(String(elements))
  await expect(page.getByTestId('model-flows')).toHaveText(String(flows))
  await expect(page.getByTestId('model-threats')).toHaveText(String(sample.model.threats.length))
  await expect(page.getByTestId('diagram-elements')).toHaveText(String(diagram.elements.length))
  await expect(page.getByTestId('palette')).toBeVisible()
  await page.screenshot({ path: testInfo.outputPath('sample.png') })
})

/** The three refusals issue 2 names, each with the words that tell the user what is wrong and where. */
const badFiles = [
  { name: 'broken-model.json', content: '{ "model": [ this is not JSON', says: ['line 1, column 14', 'not valid JSON'] },
  {
    name: 'from-the-future.twm',
    content: JSON.stringify({ format: 'threatwright', formatVersion: 99, model: {} }),
    says: ['written by a newer Threatwright', 'format version 99']
  },
  { name: 'notes.txt', content: 'Meeting notes: review the payment flow on Tuesday.', says: ['not a format Threatwright can read'] }
]

for (const bad of badFiles) {
  test(`${bad.name}: an error naming the file and what is wrong, and the sample stays open`, async ({ page, request }, testInfo) => {
    const sample = await fetchSample(request)
    await openApp(page)
    await expect.poll(() => canvasCounts(page)).toEqual(expectedCounts(firstDiagram(sample.model)))

    await page.getByTestId('open-file-input').setInputFiles({ name: bad.name, mimeType: 'application/octet-stream', buffer: Buffer.from(bad.content) })

    const panel = page.getByTestId('error-panel')
    await expect(panel).toBeVisible()
    await expect(panel.getByRole('heading')).toHaveText(`Could not open ${bad.name}`)
    for (const words of bad.says) await expect(panel).toContainText(words)
    await expect(panel).toContainText('still open')
    await expect(page).toHaveTitle(`${sample.fileName} — Threatwright`)
    await page.screenshot({ path: testInfo.outputPath('error-panel.png') })
    expect(await canvasCounts(page)).toEqual(expectedCounts(firstDiagram(sample.model)))
    await expect(page.getByTestId('model-elements')).toHaveText(
      String(sample.model.diagrams.reduce((sum, each) => sum + each.elements.length, 0))
    )
  })
}

test('opens an uploaded model and switches between its diagrams', async ({ page, request }) => {
  const sample = await fetchSample(request)
  const twoDiagrams = withCopiedDiagram(sample.model)
  await openApp(page)

  await page.getByTestId('open-file-input').setInputFiles({
    name: 'two-diagrams.twm',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ format: 'threatwright', formatVersion: 1, model: twoDiagrams }))
  })
  await expect(page).toHaveTitle('two-diagrams.twm — Threatwright')
  const tabs = page.getByRole('tab')
  await expect(tabs).toHaveCount(twoDiagrams.diagrams.length)

  const second = twoDiagrams.diagrams[1]
  if (!second) throw new Error('no second diagram')
  await tabs.nth(1).click()
  await expect(tabs.nth(1)).toHaveAttribute('aria-selected', 'true')
  await expect.poll(() => canvasCounts(page)).toEqual(expectedCounts(second))
  await expect(page.getByTestId('diagram-elements')).toHaveText(String(second.elements.length))
  expect(await canvasIds(page)).toEqual(expect.arrayContaining(second.elements.map((element) => element.id)))

  await tabs.nth(0).click()
  await expect.poll(() => canvasCounts(page)).toEqual(expectedCounts(firstDiagram(twoDiagrams)))
})

test('menus, shortcuts and the shortcut sheet come from one registry', async ({ page }) => {
  await openApp(page)
  await page.getByRole('button', { name: 'Edit' }).click()
  await expect(page.getByRole('menuitem', { name: /Undo/ })).toBeDisabled()
  await page.keyboard.press('Escape')

  await page.getByRole('button', { name: 'Help' }).click()
  await page.getByRole('menuitem', { name: /Keyboard Shortcuts/ }).click()
  const sheet = page.getByTestId('shortcuts-sheet')
  await expect(sheet).toContainText('Ctrl+O')
  await expect(sheet).toContainText('Ctrl+Shift+S')
  await page.keyboard.press('Escape')
  await expect(sheet).toBeHidden()
})

/** The sample plus a second diagram holding its first two elements and the flows between them (fresh ids). */
function withCopiedDiagram(model: ThreatModel): ThreatModel {
  const source = firstDiagram(model)
  const kept = source.elements.slice(0, 2)
  const keptIds = new Set<string>(kept.map((element) => element.id))
  const copyId = <Id extends string>(id: Id): Id => `copy-${id}` as Id
  const copy: Diagram = {
    ...source,
    id: copyId(source.id),
    name: `${source.name} (detail)`,
    elements: kept.map((element) => ({ ...element, id: copyId(element.id) })),
    flows: source.flows
      .filter((flow) => flow.source !== null && flow.target !== null && keptIds.has(flow.source) && keptIds.has(flow.target))
      .map((flow) => ({
        ...flow,
        id: copyId(flow.id),
        source: flow.source === null ? null : copyId(flow.source),
        target: flow.target === null ? null : copyId(flow.target),
        responseTo: null
      })),
    boundaries: []
  }
  return { ...model, diagrams: [...model.diagrams, copy] }
}
