import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import Ajv from 'ajv'
import { describe, expect, it } from 'vitest'
import { regenerateThreats } from '../../../analysis/regenerate-threats'
import { generateThreagileRisks } from '../../../analysis/threagile/generate-threagile-risks'
import type { ThreatModel } from '../../../model/model'
import { buildReport } from '../../../reports/build-report'
import { renderJson } from '../../../reports/render-json'
import { DEFAULT_REPORT_OPTIONS, type ReportOptions } from '../../../reports/report-options'
import type { ReportContext } from '../../../reports/report-types'
import { readableCorpusModels } from '../../readable-corpus-models'
import { GENERATED_AT, hostilePath, loadFixture, repositoryRoot, samplePath } from './report-fixtures'

/**
 * The JSON report against its published schema (reports/report-json.schema.json, written by hand from
 * report-types.ts, every object closed with additionalProperties: false): for the sample, hostile names,
 * every corpus model meant to read, and each option, so a field added to the report without the
 * schema, or a type that drifts, fails here.
 */
const schema = JSON.parse(readFileSync(join(repositoryRoot, 'reports', 'report-json.schema.json'), 'utf8')) as object
const validate = new Ajv({ allErrors: true, strict: true }).compile(schema)

const context: ReportContext = {
  modelFileName: 'model',
  modelSha256: 'a'.repeat(64),
  generatedAt: GENERATED_AT,
  generator: { name: 'Threatwright', version: 'test' },
  diagnostics: [{ code: 'test.note', severity: 'info', message: 'a message from reading', location: { file: 'model' } }]
}

function jsonReport(model: ThreatModel, options: Partial<ReportOptions> = {}, extra: Partial<ReportContext> = {}): unknown {
  return JSON.parse(renderJson(buildReport(model, { ...DEFAULT_REPORT_OPTIONS, ...options }, { ...context, ...extra })))
}

function expectValid(document: unknown): void {
  const valid = validate(document)
  expect(valid, JSON.stringify(validate.errors?.slice(0, 3))).toBe(true)
}


/** Threagile models carry their risks only once generated, as report and check do by default. */
function withDerivedThreats(model: ThreatModel): ThreatModel {
  if (model.extensions.threagile === undefined) return model
  const risks = generateThreagileRisks(model)
  return regenerateThreats(model, risks.threats, risks.threatDefinitions).model
}

describe('JSON report schema (reports/report-json.schema.json)', () => {
  it('accepts the sample with every option, summary only, one diagram, and an unsaved model', () => {
    const sample = loadFixture(samplePath).model
    expectValid(jsonReport(sample))
    expectValid(jsonReport(sample, { summaryOnly: true }))
    expectValid(jsonReport(sample, { includeMitigated: false, includeNotApplicable: false, includeOutOfScope: false, includeDiagrams: false }))
    expectValid(jsonReport(sample, { diagramId: sample.diagrams[0]!.id }))
    expectValid(jsonReport(sample, {}, { modelHash: { kind: 'unsaved', description: 'the model as Save would write it' } }))
  })

  it('accepts the hostile-names fixture', () => {
    expectValid(jsonReport(loadFixture(hostilePath).model))
  })

  for (const { name, model } of readableCorpusModels()) {
    it(`accepts the report of ${name}`, () => {
      expectValid(jsonReport(withDerivedThreats(model)))
    })
  }

  it('refuses a document that drifted from it: a missing key, an unknown key, a severity it does not define', () => {
    const base = jsonReport(loadFixture(samplePath).model) as { source: Record<string, unknown>; executiveSummary: { topOpenThreats: { severity: string }[] } }
    const missing = structuredClone(base)
    delete missing.source.modelId
    expect(validate(missing)).toBe(false)
    const unknown = structuredClone(base)
    unknown.source.surprise = true
    expect(validate(unknown)).toBe(false)
    const severity = structuredClone(base)
    expect(severity.executiveSummary.topOpenThreats.length).toBeGreaterThan(0)
    severity.executiveSummary.topOpenThreats[0]!.severity = 'catastrophic'
    expect(validate(severity)).toBe(false)
  })
})
