import { readFileSync } from 'node:fs'
import { basename } from 'node:path'
import { expect, test } from '@playwright/test'
import { generatePytmFindings } from '../analysis/pytm/generate-findings'
import { parseThreatLibrary } from '../analysis/pytm/threat-library'
import { readModelFile } from '../importers/registry'
import { corpusFiles } from '../tests/corpus'
import { checkEveryTestStaysOffline, runMenu } from './support'

/**
 * Threats ▸ Generate with pytm's threat library, in browser mode: a pytm model from the corpus opened
 * through the file input, the library chosen in the dialog, the findings added as one undo step. The
 * expected count is our engine's on the same files (the CLI's; tests/unit/pytm checks it against pytm).
 */

checkEveryTestStaysOffline()

test('a pytm model gets its findings from a threats.json chosen in the Generate dialog', async ({ page }) => {
  const modelPath = corpusFiles('pytm', ['pytm__tests-input.json'])[0]!
  const libraryPath = corpusFiles('pytm', ['threats.json'])[0]!
  const model = readModelFile({ bytes: new Uint8Array(readFileSync(modelPath)), fileName: basename(modelPath) }).model!
  const expected = generatePytmFindings(model, parseThreatLibrary(readFileSync(libraryPath, 'utf8'), 'threats.json')).threats.length
  expect(expected).toBeGreaterThan(0)

  await page.goto('./')
  await page.getByTestId('open-file-input').setInputFiles(modelPath)
  await expect(page).toHaveTitle(`${basename(modelPath)} — Threatwright`)
  await expect(page.getByTestId('model-threats')).toHaveText('0')

  await runMenu(page, 'threats', 'threats.generate')
  const pytm = page.getByRole('radio', { name: /pytm's threat library/ })
  await expect(pytm).toBeDisabled()
  await page.getByTestId('pytm-library-input').setInputFiles(libraryPath)
  await expect(pytm).toBeChecked()
  await expect(page.getByTestId('generate-summary')).toContainText(`${expected} new`)
  await page.getByTestId('generate-apply').click()
  await expect(page.getByTestId('model-threats')).toHaveText(String(expected))

  // One undo step takes them all away again.
  await page.mouse.click(5, 5)
  await page.keyboard.press('Control+z')
  await expect(page.getByTestId('model-threats')).toHaveText('0')
})
