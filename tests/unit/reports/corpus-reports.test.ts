import { readFileSync } from 'node:fs'
import { basename } from 'node:path'
import { describe, expect, it } from 'vitest'
import { regenerateThreats } from '../../../analysis/regenerate-threats'
import { generateThreagileRisks } from '../../../analysis/threagile/generate-threagile-risks'
import { readThreagile } from '../../../importers/threagile/read-threagile'
import type { ThreatModel } from '../../../model/model'
import { buildReport } from '../../../reports/build-report'
import { DEFAULT_REPORT_OPTIONS } from '../../../reports/report-options'
import { renderHtml } from '../../../reports/render-html'
import { renderMarkdown } from '../../../reports/render-markdown'
import { SECTIONS } from '../../../reports/section-titles'
import { corpusFiles } from '../../corpus'
import { GENERATED_AT, loadFixture } from './report-fixtures'
import { parseHtml } from './parse-html'

const TITLES = Object.values(SECTIONS).map((section) => section.title)

function reportHtml(model: ThreatModel, fileName: string): string {
  return renderHtml(
    buildReport(model, DEFAULT_REPORT_OPTIONS, {
      modelFileName: fileName,
      modelSha256: '0'.repeat(64),
      generatedAt: GENERATED_AT,
      generator: { name: 'Threatwright', version: 'test' }
    })
  )
}

describe('reports of real models from other tools', () => {
  it('a TMT model with triaged threats: every section, and its justifications in the register', () => {
    const path = corpusFiles('tm7', ['.tm7']).find((file) => basename(file) === 'akri-threat-model-sept23.tm7')!
    const { model } = loadFixture(path)
    const html = reportHtml(model, basename(path))
    expect([...parseHtml(html).querySelectorAll('h2')].map((heading) => heading.textContent)).toEqual(TITLES)
    // A justification TMT stored for a NotApplicable threat in this file (tmt-format.md §8 quotes it).
    expect(html).toContain('The Allocate/Allocate Response is part of the Device Plugin protocol')
    expect(renderMarkdown(buildReport(model, DEFAULT_REPORT_OPTIONS, { modelFileName: 'akri.tm7', modelSha256: '0'.repeat(64), generatedAt: GENERATED_AT, generator: { name: 'Threatwright', version: 'test' } })).split('\n').filter((line) => line.startsWith('## ')).map((line) => line.slice(3))).toEqual(TITLES)
  })

  it('a Threagile model with its risks generated: every section, and the risks in the register', () => {
    const folder = corpusFiles('threagile', ['risks.json']).map((file) => file.replace(/\/risks\.json$/, '')).find((dir) => dir.endsWith('juice-shop'))!
    const yaml = corpusFiles('threagile', ['.yaml']).find((file) => file.startsWith(folder))!
    const model = readThreagile({ bytes: new Uint8Array(readFileSync(yaml)), fileName: basename(yaml) }).model!
    const risks = generateThreagileRisks(model)
    const withRisks = regenerateThreats(model, risks.threats, risks.threatDefinitions).model
    const html = reportHtml(withRisks, basename(yaml))
    expect([...parseHtml(html).querySelectorAll('h2')].map((heading) => heading.textContent)).toEqual(TITLES)
    // Threagile's own risks.json for this model has 25 risks; each is a row of the register.
    const risksJson = JSON.parse(readFileSync(`${folder}/risks.json`, 'utf8')) as unknown[]
    expect(withRisks.threats).toHaveLength(risksJson.length)
    expect(html).toContain('Container Base Image Backdooring risk at angular-frontend')
  })
})
