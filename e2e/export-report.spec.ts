import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, test, type Locator, type Page } from '@playwright/test'
import { checkEveryTestStaysOffline, discardRecoveryCopies, fetchSample, openApp } from './support'

/**
 * File ▸ Export Report… in browser mode: the report is built in the page (the reports layer is pure),
 * previewed in a frame that may run nothing, and downloaded; PDF is that HTML printed by browser mode's
 * headless Chromium (node-io/chromium-pdf.ts; /usr/bin/chromium or CHROMIUM_PATH, as for these tests).
 * Nothing leaves the loopback origin.
 */
function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex')

/** File ▸ Export Report…: the dialog. */
async function openExportReport(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: 'File' }).click()
  await page.getByRole('menuitem', { name: /Export Report/ }).click()
  return page.getByRole('dialog', { name: 'Export report' })
}

/** File ▸ Export Report…, Markdown, downloaded and read; then the dialog is closed. */
async function markdownReport(page: Page): Promise<string> {
  const dialog = await openExportReport(page)
  await expect(dialog.getByTestId('report-preview')).toBeVisible()
  await dialog.getByTestId('report-format').selectOption('markdown')
  const downloading = page.waitForEvent('download')
  await dialog.getByRole('button', { name: /Download .*-report\.md/ }).click()
  const text = await readFile(await (await downloading).path(), 'utf8')
  await dialog.getByRole('button', { name: 'Close' }).click()
  await expect(dialog).toBeHidden()
  return text
}

checkEveryTestStaysOffline()

test('exports the sample as a Markdown report with a sandboxed preview', async ({ page, request }) => {
  const sample = await fetchSample(request)
  await openApp(page)

  await openExportReport(page)
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

})

test('an edited model\'s report says it has unsaved changes; after Save it carries the saved file\'s SHA-256', async ({ page, request }) => {
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
})

test('exports the report as PDF: main prints the previewed HTML with headless Chromium and the page downloads it', async ({ page, request }) => {
  // Headless Chromium starts, lays out and prints the report on the server side: slower than the other tests.
  test.setTimeout(90_000)
  const sample = await fetchSample(request)
  await openApp(page)

  const dialog = await openExportReport(page)
  await expect(dialog.getByTestId('report-preview')).toBeVisible()
  await dialog.getByTestId('report-format').selectOption('pdf')
  // The preview stays the HTML report.
  await expect(dialog.getByTestId('report-preview')).toHaveAttribute('srcdoc', /^<!DOCTYPE html>/)
  const downloadButton = dialog.getByRole('button', { name: /Download .*-report\.pdf/ })
  await expect(downloadButton).toBeEnabled()

  const downloading = page.waitForEvent('download', { timeout: 60_000 })
  await downloadButton.click()
  const download = await downloading
  expect(download.suggestedFilename()).toBe(sample.fileName.replace(/\.[^.]+$/, '-report.pdf'))
  const bytes = await readFile(await download.path())
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-')
  // A real document of the sample, not an error page: several kB, ending with the PDF trailer.
  expect(bytes.length).toBeGreaterThan(10_000)
  expect(bytes.subarray(-1024).toString('latin1')).toContain('%%EOF')
  await expect(dialog.getByTestId('report-pdf-problem')).toHaveCount(0)

})
