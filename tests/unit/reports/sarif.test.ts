import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import Ajv from 'ajv-draft-04'
import { describe, expect, it } from 'vitest'
import { renderSarif } from '../../../reports/render-sarif'
import { hostilePath, loadFixture, reportOf, samplePath } from './report-fixtures'

/**
 * The official SARIF 2.1.0 JSON schema (draft-04), as shipped by Microsoft's @microsoft/jest-sarif
 * package: a devDependency kept only for this file, since the schema cannot be downloaded here.
 */
function officialSarifSchema(): object {
  const require = createRequire(__filename)
  return JSON.parse(readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8')) as object
}

describe('SARIF report against the official schema', () => {
  it('validates against the SARIF 2.1.0 JSON schema, for the sample and for hostile names', () => {
    // unicodeRegExp off: the published schema's language pattern has a stray ']' that is only legal without the u flag.
    const validate = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false }).compile(officialSarifSchema())
    for (const path of [samplePath, hostilePath]) {
      const log = JSON.parse(renderSarif(reportOf(path))) as unknown
      expect(validate(log), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true)
    }
    expect(validate({ version: '2.1.0', runs: [{ tool: {} }] })).toBe(false)
    // The schema is really applied to results: a level SARIF does not define is refused.
    const broken = JSON.parse(renderSarif(reportOf(samplePath))) as { runs: { results: { level: string }[] }[] }
    broken.runs[0]!.results[0]!.level = 'catastrophic'
    expect(validate(broken)).toBe(false)
  })
})

/*
 * Beyond the schema: the properties code-scanning tools read. Expected values by hand:
 * the sample's 4 open threats are session-hijacking (priority high), access-control (priority high),
 * database-exposure (priority high) and audit-trail (priority medium).
 */
interface SarifLog {
  $schema: string
  version: string
  runs: {
    tool: { driver: { name: string; version: string; rules: { id: string; shortDescription: { text: string }; help: { text: string } }[] } }
    artifacts: { location: { uri: string }; hashes: Record<string, string> }[]
    results: {
      ruleId: string
      ruleIndex: number
      level: string
      message: { text: string }
      locations: {
        physicalLocation: { artifactLocation: { uri: string; index: number } }
        logicalLocations: { name: string; fullyQualifiedName: string; kind: string }[]
      }[]
      partialFingerprints: Record<string, string>
    }[]
  }[]
}

describe('SARIF report', () => {
  const log = JSON.parse(renderSarif(reportOf(samplePath))) as SarifLog
  const run = log.runs[0]!

  it('is a SARIF 2.1.0 log with a schema, one run and a named tool', () => {
    expect(log.version).toBe('2.1.0')
    expect(log.$schema).toMatch(/sarif-schema-2\.1\.0\.json$/)
    expect(log.runs).toHaveLength(1)
    expect(run.tool.driver.name).toBe('Threatwright')
    expect(run.tool.driver.version).toBe('9.8.7')
  })

  it('has one result per open threat, ruled by its definition, levelled by severity', () => {
    const results = run.results.map((result) => [result.partialFingerprints['threatwright/threatId'], result.ruleId, result.level])
    expect(results).toEqual([
      ['threat-access-control', 'broken-access-control', 'error'],
      ['threat-database-exposure', 'data-exposure', 'error'],
      ['threat-session-hijacking', 'session-hijacking', 'error'],
      ['threat-audit-trail', 'missing-audit-trail', 'warning']
    ])
    for (const result of run.results) {
      expect(result.message.text.length).toBeGreaterThan(0)
      expect(run.tool.driver.rules[result.ruleIndex]?.id).toBe(result.ruleId)
    }
  })

  it('describes each rule once', () => {
    expect(run.tool.driver.rules.map((rule) => rule.id)).toEqual(['broken-access-control', 'data-exposure', 'missing-audit-trail', 'session-hijacking'])
    expect(run.tool.driver.rules[0]!.shortDescription.text).toBe('Broken access control')
    expect(run.tool.driver.rules[0]!.help.text).toBe('Check authorisation on every API call, server side.')
  })

  it('points every result at the model file and names the element or flow by id', () => {
    expect(run.artifacts).toEqual([{ location: { uri: 'web-shop.twm' }, hashes: { 'sha-256': loadFixture(samplePath).sha256 } }])
    for (const result of run.results) expect(result.locations[0]!.physicalLocation.artifactLocation).toEqual({ uri: 'web-shop.twm', index: 0 })
    const session = run.results.find((result) => result.ruleId === 'session-hijacking')!
    expect(session.locations[0]!.logicalLocations.map((location) => location.fullyQualifiedName)).toEqual([
      'dfd-main/flow-browse',
      'dfd-main/browser',
      'dfd-main/web-app'
    ])
    const audit = run.results.find((result) => result.ruleId === 'missing-audit-trail')!
    expect(audit.locations[0]!.logicalLocations.map((location) => location.name)).toEqual(['api'])
  })

  it('has no results when every open threat is filtered out', () => {
    const empty = JSON.parse(renderSarif(reportOf(samplePath, { summaryOnly: true }))) as SarifLog
    expect(empty.runs[0]!.results).toEqual([])
  })
})
