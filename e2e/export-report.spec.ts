import { readFile } from 'node:fs/promises'
import { expect, test } from '@playwright/test'
import { fetchSample, recordTraffic } from './support'

/**
 * File ▸ Export Report… in browser mode: the report is built in the page (the reports layer is pure),
 * previewed in a frame that may run nothing, and downloaded. Nothing leaves the loopback origin.
 */
function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
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
  expect(text).toContain('not over the bytes of the file on disk')

  expect(traffic.ownRequests()).toBeGreaterThan(3)
  expect(traffic.offOrigin, 'requests left the app origin').toEqual([])
  expect(traffic.pageErrors, 'errors in the page').toEqual([])
})
