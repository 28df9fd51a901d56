import { describe, expect, it } from 'vitest'
import { generateTmtThreats } from '../../../analysis/tmt-rules/generate-tmt-threats'
import { ruleTestModel, template } from './rule-fixtures'

describe('generateTmtThreats', () => {
  const input = ruleTestModel()
  const result = generateTmtThreats(input, template)
  const [requests, adminCalls] = input.diagrams[0]!.flows
  const generatedFor = (flowName: string): string[] =>
    result.threats
      .filter((threat) => {
        const target = threat.target
        return target.kind === 'interaction' && input.diagrams[0]!.flows.find((flow) => flow.id === target.flowId)?.name === flowName
      })
      .map((threat) => threat.definitionId as string)
      .sort()

  it('applies type tests through ancestors, crossings by geometry, and excludes', () => {
    // Requests: browser outside → web app inside the Internet box: crosses it; target is a GE.P by ancestry.
    expect(generatedFor('Requests')).toEqual(['CROSS', 'WEB'])
    // Admin calls: from x=850 to x=350 crosses the box edge and the line; WEB is excluded (authenticated).
    expect(generatedFor('Admin calls')).toEqual(['CROSS', 'LINE'])
  })

  it('gives no threats to out-of-scope flows and never matches ROOT', () => {
    expect(generatedFor('Ignored')).toEqual([])
    expect(result.threats.some((threat) => threat.definitionId === 'NEVER')).toBe(false)
  })

  it('keys threats like TMT and fills their text and defaults', () => {
    const threat = result.threats.find((candidate) => candidate.definitionId === 'WEB')!
    expect(threat.id).toBe(`WEB${requests!.source}${requests!.id}${requests!.target}`)
    expect(threat.title).toBe('WEB: Browser to Web app over Requests')
    expect(threat.description).toBe('About Browser.')
    expect(threat.category).toEqual({ value: 'spoofing', raw: 'Spoofing' })
    expect(threat.priority).toEqual({ value: 'high', raw: 'High' })
    expect(threat.customProperties).toEqual([
      { kind: 'string', key: 'c0ffee00-0000-4000-8000-000000000001', label: 'Possible mitigation', value: 'Use mutual TLS' }
    ])
    expect(threat.origin).toEqual({ kind: 'generated', engine: 'tmt', ruleId: 'WEB' })
    expect(adminCalls).toBeDefined()
  })

  it('disables a rule that does not parse, naming its threat type, and runs the rest', () => {
    expect(result.diagnostics.map((entry) => entry.code)).toEqual(['rules.unparseable'])
    expect(result.diagnostics[0]!.message).toContain('BROKEN')
  })
})
