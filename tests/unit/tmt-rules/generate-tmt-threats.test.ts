import { describe, expect, it } from 'vitest'
import { generateTmtThreats } from '../../../analysis/tmt-rules/generate-tmt-threats'
import { setOutOfScope } from '../../../model/edits/diagram-edits'
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

  it('still gives out-of-scope elements their threats: only out-of-scope flows get none', () => {
    // tmt-rules.md, "Out Of Scope element: threats still generated" (cisco-openconnect.tm7 in the corpus stores
    // threats on the flows of its two out-of-scope elements). Here every element is out of scope, at both flow ends.
    const diagram = input.diagrams[0]!
    const allOutOfScope = setOutOfScope(input, diagram.id, diagram.elements.map((element) => element.id), true, 'hosted by a partner')
    expect(allOutOfScope.diagrams[0]!.elements.every((element) => element.outOfScope)).toBe(true)
    const outOfScopeResult = generateTmtThreats(allOutOfScope, template)
    const rulesFor = (flowName: string): string[] =>
      outOfScopeResult.threats
        .filter((threat) => threat.target.kind === 'interaction' && threat.target.flowId === diagram.flows.find((flow) => flow.name === flowName)!.id)
        .map((threat) => threat.definitionId as string)
        .sort()
    expect(rulesFor('Requests')).toEqual(['CROSS', 'WEB'])
    expect(rulesFor('Admin calls')).toEqual(['CROSS', 'LINE'])
    expect(rulesFor('Ignored')).toEqual([])
    expect(outOfScopeResult.threats.map((threat) => threat.id)).toEqual(result.threats.map((threat) => threat.id))
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
