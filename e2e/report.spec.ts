import { readFileSync, writeFileSync } from 'node:fs'
import { createHash } from 'node:crypto'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { expect, test, type Page } from '@playwright/test'
import { readModelFile } from '../importers/registry'
import { buildReport } from '../reports/build-report'
import { DEFAULT_REPORT_OPTIONS } from '../reports/report-options'
import { renderHtml } from '../reports/render-html'

/**
 * The HTML report as an auditor opens it: a file on disk, in Chromium. The report of the hostile-names
 * fixture (every name an injection attempt that sets `window.__pwned` if it runs) must draw its diagram,
 * make no request but the file itself, run no script and raise no dialog. The app's web server that
 * playwright.config.ts starts is not used here.
 */
const hostilePath = join(__dirname, '..', 'tests', 'fixtures', 'reports', 'hostile-names.twm')

function writeHostileReport(path: string): string {
  const bytes = new Uint8Array(readFileSync(hostilePath))
  const read = readModelFile({ bytes, fileName: hostilePath })
  if (read.model === null) throw new Error('the hostile fixture did not read')
  const report = buildReport(read.model, DEFAULT_REPORT_OPTIONS, {
    modelFileName: 'hostile-names.twm',
    modelSha256: createHash('sha256').update(bytes).digest('hex'),
    generatedAt: '2026-07-01T12:00:00.000Z',
    generator: { name: 'Threatwright', version: 'e2e' }
  })
  writeFileSync(path, renderHtml(report))
  return path
}

interface Watch {
  readonly requests: string[]
  readonly dialogs: string[]
  readonly errors: string[]
}

function watch(page: Page): Watch {
  const seen: Watch = { requests: [], dialogs: [], errors: [] }
  page.on('request', (request) => seen.requests.push(request.url()))
  page.on('dialog', (dialog) => {
    seen.dialogs.push(`${dialog.type()}: ${dialog.message()}`)
    void dialog.dismiss()
  })
  // A blocked load shows up as a CSP violation on the console, a script error as a page error.
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') seen.errors.push(message.text())
  })
  page.on('pageerror', (error) => seen.errors.push(error.message))
  return seen
}

test('the hostile-names report renders its diagram, loads nothing and runs nothing', async ({ page }, testInfo) => {
  const fileUrl = pathToFileURL(writeHostileReport(testInfo.outputPath('hostile-report.html'))).href
  const seen = watch(page)
  await page.goto(fileUrl)

  const diagram = page.locator('svg.diagram')
  await expect(diagram).toBeVisible()
  const box = await diagram.boundingBox()
  expect(box?.width ?? 0).toBeGreaterThan(300)
  await expect(diagram.locator('tspan', { hasText: '<img src=x' })).toBeVisible()
  await expect(page.locator('h1')).toHaveText("Threat model report: <script>window.__pwned=1</script>Hostile shop")
  await expect(page.locator('h2')).toHaveCount(14)

  const state = await page.evaluate(() => {
    // The spec compiles without the DOM library; the page's own globals are typed here as far as used.
    const page = globalThis as unknown as { __pwned?: unknown; document: { scripts: { length: number }; querySelectorAll(selector: string): { length: number } } }
    return {
      pwned: page.__pwned,
      scripts: page.document.scripts.length,
      loaders: page.document.querySelectorAll('img, iframe, object, embed, link, script, audio, video').length
    }
  })
  expect(state).toEqual({ pwned: undefined, scripts: 0, loaders: 0 })
  // Give any deferred handler (onload, onerror) a chance to fire before judging.
  await page.waitForTimeout(300)
  expect(await page.evaluate(() => (globalThis as { __pwned?: unknown }).__pwned)).toBeUndefined()
  expect(seen.dialogs, 'dialogs').toEqual([])
  expect(seen.errors, 'console errors').toEqual([])
  expect(seen.requests, 'requests').toEqual([fileUrl])
})

test('the report prints with each section on a new page and no contents list', async ({ page }, testInfo) => {
  const fileUrl = pathToFileURL(writeHostileReport(testInfo.outputPath('hostile-report.html'))).href
  const seen = watch(page)
  await page.goto(fileUrl)
  await page.emulateMedia({ media: 'print' })
  await expect(page.locator('nav')).toBeHidden()
  const breaks = await page.locator('section.major').evaluateAll((sections) => {
    const styleOf = (globalThis as unknown as { getComputedStyle(element: unknown): { breakBefore: string } }).getComputedStyle
    return sections.map((section) => styleOf(section).breakBefore)
  })
  expect(breaks).toHaveLength(14)
  expect(breaks.slice(1).every((value) => value === 'page')).toBe(true)
  expect(seen.requests).toEqual([fileUrl])
})
