import { readFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import Ajv from 'ajv'
import { describe, expect, it } from 'vitest'
import { regenerateThreats } from '../../../analysis/regenerate-threats'
import { generateThreagileRisks } from '../../../analysis/threagile/generate-threagile-risks'
import { readModelFile } from '../../../importers/registry'
import type { ThreatModel } from '../../../model/model'
import { buildReport } from '../../../reports/build-report'
import { renderJson } from '../../../reports/render-json'
import { DEFAULT_REPORT_OPTIONS, type ReportOptions } from '../../../reports/report-options'
import type { ReportContext } from '../../../reports/report-types'
import { corpusFiles } from '../../corpus'
import { GENERATED_AT, hostilePath, repositoryRoot, samplePath } from './report-fixtures'

/**
 * The JSON report against its published schema (reports/report-json.schema.json, written by hand from
 * report-types.ts, every object closed with additionalProperties: false): for the sample, hostile names,
 * every model in the corpus that reads, and each option, so a field added to the report without the
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

function read(path: string): ThreatModel | null {
  return readModelFile({ bytes: new Uint8Array(readFileSync(path)), fileName: basename(path) }).model
}

/** Threagile models carry their risks only once generated, as report and check do by default. */
function withDerivedThreats(model: ThreatModel): ThreatModel {
  if (model.extensions.threagile === undefined) return model
  const risks = generateThreagileRisks(model)
  return regenerateThreats(model, risks.threats, risks.threatDefinitions).model
}

describe('JSON report schema (reports/report-json.schema.json)', () => {
  it('accepts the sample with every option, summary only, one diagram, and an unsaved model', () => {
    const sample = read(samplePath)!
    expectValid(jsonReport(sample))
    expectValid(jsonReport(sample, { summaryOnly: true }))
    expectValid(jsonReport(sample, { includeMitigated: false, includeNotApplicable: false, includeOutOfScope: false, includeDiagrams: false }))
    expectValid(jsonReport(sample, { diagramId: sample.diagrams[0]!.id }))
    expectValid(jsonReport(sample, {}, { modelHash: { kind: 'unsaved', description: 'the model as Save would write it' } }))
  })

  it('accepts the hostile-names fixture', () => {
    expectValid(jsonReport(read(hostilePath)!))
  })

  // The corpus folders of formats Threatwright reads; Threagile folders also hold Threagile's outputs and
  // include fragments, and some files are deliberately broken: those do not read and are not reports.
  const folders = { tm7: ['.tm7'], threagile: ['.yaml', '.yml'], pytm: ['.json'] }
  const reported = new Map<string, number>()
  for (const [folder, extensions] of Object.entries(folders)) {
    for (const path of corpusFiles(folder, extensions)) {
      it(`accepts the report of ${path.split('/corpus/')[1]}, when the file reads as a model`, () => {
        const model = read(path)
        if (model === null) return
        expectValid(jsonReport(withDerivedThreats(model)))
        reported.set(folder, (reported.get(folder) ?? 0) + 1)
      })
    }
  }
  it('reported on models of every format with a reader', () => {
    // Runs after the per-file tests (vitest keeps declaration order within a file).
    expect(Object.keys(folders).map((folder) => (reported.get(folder) ?? 0) > 0)).toEqual(Object.keys(folders).map(() => true))
  })

  it('refuses a document that drifted from it: a missing key, an unknown key, a severity it does not define', () => {
    const base = jsonReport(read(samplePath)!) as { source: Record<string, unknown>; executiveSummary: { topOpenThreats: { severity: string }[] } }
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
