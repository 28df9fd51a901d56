import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { discardRecoveryCopies, fetchSample, recordTraffic } from './support'

/**
 * File ▸ Export Report… in browser mode: the report is built in the page (the reports layer is pure),
 * previewed in a frame that may run nothing, and downloaded. Nothing leaves the loopback origin.
 */
function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex')

/** File ▸ Export Report…, Markdown, downloaded and read; then the dialog is closed. */
async function markdownReport(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'File' }).click()
  await page.getByRole('menuitem', { name: /Export Report/ }).click()
  const dialog = page.getByRole('dialog', { name: 'Export report' })
  await expect(dialog.getByTestId('report-preview')).toBeVisible()
  await dialog.getByTestId('report-format').selectOption('markdown')
  const downloading = page.waitForEvent('download')
  await dialog.getByRole('button', { name: /Download .*-report\.md/ }).click()
  const text = await readFile(await (await downloading).path(), 'utf8')
  await dialog.getByRole('button', { name: 'Close' }).click()
  await expect(dialog).toBeHidden()
  return text
}

test('exports the sample as a Markdown report with a sandboxed preview', async ({ page, request, baseURL }) => {
  const traffic = recordTraffic(page, baseURL)
  const sample = await fetchSample(request)
  await page.goto('./')
  await expect(page.getByTestId('model-elements')).toBeVisible()

  await page.getByRole('button', { name: 'File' }).click()
  await page.getByRole('menuitem', { name: /Export Report/ }).click()
  const preview = page.getByTestId('report-preview')
  await expect(preview).toHaveAttribute('sandbox', '')
  // Read through the attribute: reaching into a script-less frame makes Chromium log a blocked script.
  await expect(preview).toHaveAttribute('srcdoc', new RegExp(`<h1[^>]*>[^<]*${escapeRegExp(sample.model.metadata.title)}`))
  // The frame may run nothing, and the report asks for nothing to run: no script element, no handler.
  const srcdoc = (await preview.getAttribute('srcdoc')) ?? ''
  expect(srcdoc).not.toMatch(/<script\b/i)
  expect(srcdoc).not.toMatch(/<[^>]*\son[a-z]+\s*=/i)

  await page.getByTestId('report-format').selectOption('markdown')
  const downloading = page.waitForEvent('download')
  await page.getByRole('button', { name: /Download .*-report\.md/ }).click()
  const download = await downloading
  expect(download.suggestedFilename()).toMatch(/-report\.md$/)
  const path = await download.path()
  const text = await readFile(path, 'utf8')
  expect(text).toContain(sample.model.metadata.title)
  // Issue 9: the unmodified sample's report carries sha256sum of the sample file, computed here from disk.
  const sampleSha256 = createHash('sha256').update(await readFile(join(__dirname, '..', 'samples', 'web-shop.twm'))).digest('hex')
  expect(text).toContain(`| Model file SHA-256 | \`${sampleSha256}\` |`)
  expect(text).toContain(`sha256sum ${sample.fileName}`)
  expect(text).not.toContain('UNSAVED CHANGES')

  expect(traffic.ownRequests()).toBeGreaterThan(3)
  expect(traffic.offOrigin, 'requests left the app origin').toEqual([])
  expect(traffic.pageErrors, 'errors in the page').toEqual([])
})

test('an edited model\'s report says it has unsaved changes; after Save it carries the saved file\'s SHA-256', async ({ page, request, baseURL }) => {
  const traffic = recordTraffic(page, baseURL)
  const sample = await fetchSample(request)
  await page.goto('./')
  await expect(page).toHaveTitle(`${sample.fileName} — Threatwright`)

  await page.getByRole('button', { name: 'Add diagram' }).click()
  await expect(page).toHaveTitle(`● ${sample.fileName} — Threatwright`)
  const unsaved = await markdownReport(page)
  expect(unsaved).toContain('**UNSAVED CHANGES**')
  expect(unsaved).toContain('not a file on disk')
  expect(unsaved).not.toContain('| Model file SHA-256 |')
  expect(unsaved).not.toContain(`sha256sum ${sample.fileName}`)
  const unsavedSha256 = /\| Model SHA-256 \| `([0-9a-f]{64})` \|/.exec(unsaved)?.[1]
  expect(unsavedSha256).toBeDefined()

  // Save is a download in browser mode: the report named "what Save would write", and that is what it wrote.
  const downloading = page.waitForEvent('download')
  await page.getByRole('button', { name: 'File' }).click()
  await page.getByRole('menu', { name: 'File' }).locator('[data-command-id="file.save"]').click()
  const download = await downloading
  const savedSha256 = sha256(await readFile(await download.path()))
  expect(savedSha256).toBe(unsavedSha256)
  await expect(page).toHaveTitle(/^[^●].*\.twm — Threatwright$/)

  const saved = await markdownReport(page)
  expect(saved).toContain(`| Model file SHA-256 | \`${savedSha256}\` |`)
  expect(saved).not.toContain('UNSAVED CHANGES')

  await discardRecoveryCopies(request)
  expect(traffic.offOrigin, 'requests left the app origin').toEqual([])
  expect(traffic.pageErrors, 'errors in the page').toEqual([])
})
