import { readFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { applyTemplate } from '../analysis/apply-template'
import { regenerateThreats } from '../analysis/regenerate-threats'
import { generateTmtThreats } from '../analysis/tmt-rules/generate-tmt-threats'
import type { ThreatModel } from '../model/model'
import { readTb7 } from '../importers/tb7/read-tb7'
import { corpusFiles } from '../tests/corpus'
import { AZURE_TEMPLATE } from '../templates/azure'
import { checkEveryTestStaysOffline, fetchSample, runMenu } from './support'

/**
 * Threats ▸ Apply Template in browser mode (threat-generation issue, part 7): the sample re-typed for our
 * Azure template, the mapping report read before applying, the template's threats generated with the
 * triage kept, and Undo taking it all back. The expected threat count is the CLI's path on the same model
 * (apply-template, then the TMT rules merged by regenerateThreats).
 */

checkEveryTestStaysOffline()

function itemCount(model: ThreatModel): number {
  return model.diagrams.reduce((sum, diagram) => sum + diagram.elements.length + diagram.flows.length + diagram.boundaries.length, 0)
}

function newAzureThreats(model: ThreatModel): number {
  const applied = applyTemplate(model, AZURE_TEMPLATE, null).model
  return regenerateThreats(applied, generateTmtThreats(applied, AZURE_TEMPLATE).threats).added.length
}


/** Opens Apply Template, chooses Azure and checks the mapping report the dialog shows before anything changes. */
async function chooseAzure(page: Page, items: number): Promise<void> {
  await runMenu(page, 'threats', 'threats.apply-template')
  const dialog = page.getByTestId('apply-template-dialog')
  await expect(dialog.getByTestId('apply-template-apply')).toBeDisabled()
  await dialog.getByRole('radio', { name: /Threatwright Azure/ }).check()
  await expect(dialog.getByTestId('apply-template-summary')).toContainText(`${items} elements, flows and boundaries`)
  const mapping = dialog.getByTestId('apply-template-mapping')
  // The sample's web application becomes Azure App Service, found by kind and name.
  await expect(mapping.getByRole('row').filter({ hasText: 'webApplication' })).toContainText('Azure App Service')
  await expect(mapping.getByRole('row').filter({ hasText: 'webApplication' })).toContainText('by kind and name')
}

test('Apply Template ▸ Azure re-types the sample, generates its threats and undoes as one step', async ({ page, request }) => {
  const sample = (await fetchSample(request)).model
  const before = sample.threats.length
  const added = newAzureThreats(sample)
  expect(added).toBeGreaterThan(0)

  await page.goto('./')
  await expect(page.getByTestId('model-threats')).toHaveText(String(before))
  const palette = page.getByTestId('palette')
  await expect(palette.getByRole('heading', { name: 'Threatwright Azure' })).toHaveCount(0)

  await chooseAzure(page, itemCount(sample))
  await expect(page.getByTestId('apply-template-threats')).toContainText(`${added} new threats`)
  await page.getByTestId('apply-template-apply').click()
  await expect(page.getByTestId('apply-template-dialog')).toHaveCount(0)
  await expect(page.getByTestId('model-threats')).toHaveText(String(before + added))
  await expect(palette.getByRole('heading', { name: 'Threatwright Azure' })).toBeVisible()

  // Generate now runs the applied template's rules: nothing is left to add.
  await runMenu(page, 'threats', 'threats.generate')
  await expect(page.getByRole('radio', { name: /Template rules: Threatwright Azure/ })).toBeChecked()
  await expect(page.getByTestId('generate-summary')).toContainText('0 new')
  await page.getByTestId('generate-dialog').getByRole('button', { name: 'Cancel' }).click()

  await runMenu(page, 'edit', 'edit.undo')
  await expect(page.getByTestId('model-threats')).toHaveText(String(before))
  await expect(palette.getByRole('heading', { name: 'Threatwright Azure' })).toHaveCount(0)
  await page.locator('[data-menu-button="edit"]').click()
  await expect(page.locator('[data-command-id="edit.undo"]')).toBeDisabled()
})

test('after applying without threats, Generate adds the template threats; Undo takes each step back', async ({ page, request }) => {
  const sample = (await fetchSample(request)).model
  const before = sample.threats.length
  const added = newAzureThreats(sample)

  await page.goto('./')
  await expect(page.getByTestId('model-threats')).toHaveText(String(before))
  await chooseAzure(page, itemCount(sample))
  await page.getByTestId('apply-template-regenerate').uncheck()
  await page.getByTestId('apply-template-apply').click()
  await expect(page.getByTestId('model-threats')).toHaveText(String(before))

  await runMenu(page, 'threats', 'threats.generate')
  await expect(page.getByRole('radio', { name: /Template rules: Threatwright Azure/ })).toBeChecked()
  await expect(page.getByTestId('generate-summary')).toContainText(`${added} new`)
  await page.getByTestId('generate-apply').click()
  await expect(page.getByTestId('model-threats')).toHaveText(String(before + added))

  await runMenu(page, 'edit', 'edit.undo')
  await expect(page.getByTestId('model-threats')).toHaveText(String(before))
  await expect(page.getByTestId('palette').getByRole('heading', { name: 'Threatwright Azure' })).toBeVisible()
  await runMenu(page, 'edit', 'edit.undo')
  await expect(page.getByTestId('palette').getByRole('heading', { name: 'Threatwright Azure' })).toHaveCount(0)
})

test('a .tb7 is read by main: a model file is refused by name, a corpus template applies', async ({ page, request }) => {
  const sample = (await fetchSample(request)).model
  const templatePath = corpusFiles('tb7', ['.tb7']).find((path) => basename(path).startsWith('azure-cloud-services-1.0.0.33'))
  if (templatePath === undefined) throw new Error('azure-cloud-services-1.0.0.33.tb7 is missing from the corpus')
  const templateName = readTb7({ bytes: new Uint8Array(readFileSync(templatePath)), fileName: basename(templatePath) }).template?.ref.name ?? ''
  expect(templateName).not.toBe('')

  await page.goto('./')
  await expect(page.getByTestId('model-threats')).toHaveText(String(sample.threats.length))
  await runMenu(page, 'threats', 'threats.apply-template')
  const input = page.getByTestId('apply-template-file-input')
  await input.setInputFiles(join(__dirname, '..', 'samples', 'web-shop.twm'))
  await expect(page.getByTestId('apply-template-messages')).toHaveText(/^web-shop\.twm: error: web-shop\.twm is a Threatwright model, not a template/)
  await expect(page.getByTestId('apply-template-apply')).toBeDisabled()

  await input.setInputFiles(templatePath)
  await expect(page.getByRole('radio', { name: `${templateName} (${basename(templatePath)})` })).toBeChecked()
  await expect(page.getByTestId('apply-template-summary')).toContainText(`${itemCount(sample)} elements, flows and boundaries`)
  await page.getByTestId('apply-template-apply').click()
  await expect(page.getByTestId('apply-template-dialog')).toHaveCount(0)
  await runMenu(page, 'threats', 'threats.generate')
  await expect(page.getByRole('radio', { name: `Template rules: ${templateName}` })).toBeChecked()
  await page.getByTestId('generate-dialog').getByRole('button', { name: 'Cancel' }).click()

  // The .tb7 travels with the model: saved as .twm and opened again, Generate still has its rules.
  const download = page.waitForEvent('download')
  await page.keyboard.press('Control+s')
  const bytes = await readFile(await (await download).path())
  await page.getByTestId('open-file-input').setInputFiles({ name: 'reopened.twm', mimeType: 'application/json', buffer: bytes })
  await expect(page).toHaveTitle('reopened.twm — Threatwright')
  await runMenu(page, 'threats', 'threats.generate')
  await expect(page.getByRole('radio', { name: `Template rules: ${templateName}` })).toBeChecked()
  await expect(page.getByTestId('generate-summary')).toContainText('0 new')
})
