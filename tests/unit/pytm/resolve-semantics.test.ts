import { describe, expect, it } from 'vitest'
import { generatePytmFindings } from '../../../analysis/pytm/generate-findings'
import { parseThreatLibrary } from '../../../analysis/pytm/threat-library'
import type { ThreatModel } from '../../../model/model'
import { namesById, threatRow } from '../../../cli/commands/threat-rows'
import { readInline, requireModel } from './pytm-test-files'

/** A hand-written library: each rule tests one behaviour of pytm's check() and resolve() (pytm.md §2, §6). */
const library = parseThreatLibrary(
  JSON.stringify([
    { SID: 'HTTP', target: ['Dataflow'], condition: "target.protocol == 'HTTP'", description: 'plain HTTP', severity: 'High' },
    { SID: 'PORT', target: ['Dataflow'], condition: 'target.dstPort == 80', severity: 'Low' },
    { SID: 'PLAIN', target: ['Dataflow'], condition: 'target.controls.isEncrypted is False', severity: 'Medium' },
    { SID: 'CRED', target: ['Dataflow'], condition: 'any(d.isCredentials for d in target.data)', severity: 'Very High' },
    { SID: 'RESP', target: ['Dataflow'], condition: 'target.isResponse is True' },
    { SID: 'SRV', target: ['Process'], condition: 'target.controls.isHardened is False', severity: 'Very Low' },
    { SID: 'BAD', target: ['Server'], condition: 'target.controls.isHardened is' }
  ]),
  'rules.json'
)

function findings(model: ThreatModel): string[] {
  const names = namesById(model)
  return generatePytmFindings(model, library)
    .threats.map((threat) => {
      const { ruleId, targetName } = threatRow(threat, names, false)
      return `${ruleId} @ ${targetName ?? ''}${threat.state.value === 'notStarted' ? '' : ` [${threat.state.value ?? threat.state.raw ?? ''}]`}`
    })
    .sort()
}

const base = {
  name: 'semantics',
  data: [{ name: 'Key', credentialsLife: 'HARDCODED' }],
  elements: [
    { __class__: 'Actor', name: 'User' },
    { __class__: 'Server', name: 'Web', protocol: 'HTTP', port: 80, controls: { isEncrypted: true } },
    { __class__: 'SetOfProcesses', name: 'Workers' }
  ]
}

describe('pytm resolve() semantics, 1.3.1 where 1.4.0 regressed', () => {
  it('disables a threat whose condition does not parse, naming its SID, and runs the rest', () => {
    expect(library.threats.map((threat) => [threat.sid, threat.applies === null])).toContainEqual(['BAD', true])
    expect(library.diagnostics).toEqual([
      expect.objectContaining({ code: 'pytm.library.condition', severity: 'warning', location: { file: 'rules.json', path: '[6].condition' } })
    ])
    expect(library.diagnostics[0]?.message).toMatch(/^BAD is disabled/)
  })

  it('fills a flow’s unset protocol, port and encryption from its sink, and keeps what the flow set (1.3.1)', () => {
    const model = requireModel(
      readInline({
        ...base,
        flows: [
          { name: 'Inherits', source: 'User', sink: 'Web' },
          { name: 'Keeps', source: 'User', sink: 'Web', protocol: 'HTTPS', dstPort: 443, controls: { isEncrypted: false } }
        ]
      })
    )
    // Hand-derived: "Inherits" becomes HTTP/80/encrypted; "Keeps" stays HTTPS/443/unencrypted.
    expect(findings(model)).toEqual(['HTTP @ Inherits', 'PLAIN @ Keeps', 'PORT @ Inherits', 'SRV @ Workers'])
  })

  it('gives a response the protocol and encryption of its source, and pairs it with the one request', () => {
    const model = requireModel(
      readInline({
        ...base,
        flows: [
          { name: 'Ask', source: 'User', sink: 'Web', protocol: 'HTTPS' },
          { name: 'Answer', source: 'Web', sink: 'User', isResponse: true }
        ]
      })
    )
    expect(model.diagrams[0]?.flows[1]?.responseTo).toBe('pytm:flow:Ask')
    // Hand-derived: Ask keeps HTTPS but takes port 80 from Web; Answer takes HTTP and encryption from Web.
    expect(findings(model)).toEqual(['HTTP @ Answer', 'PORT @ Ask', 'RESP @ Answer', 'SRV @ Workers'])
  })

  it('carries the source’s data on a flow without data, and a credentials lifetime implies credentials', () => {
    const model = requireModel(
      readInline({
        ...base,
        elements: [{ __class__: 'Actor', name: 'User', data: ['Key'] }, ...base.elements.slice(1)],
        flows: [{ name: 'Send', source: 'User', sink: 'Web', protocol: 'HTTPS' }]
      })
    )
    // Hand-derived: Send carries User's Key (HARDCODED, so credentials) and takes port 80 from Web.
    expect(findings(model)).toEqual(['CRED @ Send', 'PORT @ Send', 'SRV @ Workers'])
  })

  it('skips out-of-scope items, forces overridden threats, applies assumptions and excluded SIDs', () => {
    const model = requireModel(
      readInline({
        ...base,
        threatsExcluded: ['PORT'],
        assumptions: [{ name: 'All traffic is TLS', exclude: ['PLAIN'] }],
        elements: [
          { __class__: 'Actor', name: 'User' },
          { __class__: 'Server', name: 'Web', protocol: 'HTTP', port: 80, inScope: false },
          {
            __class__: 'Process',
            name: 'Worker',
            controls: { isHardened: true },
            overrides: [{ threat_id: 'SRV', response: 'mitigated', severity: 'High' }]
          }
        ],
        flows: [{ name: 'Call', source: 'User', sink: 'Web' }]
      })
    )
    // Web is out of scope: no findings on it. Worker is hardened, but its override forces SRV, mitigated.
    // PLAIN is excluded on every item by the TM assumption; PORT is excluded from the run altogether.
    expect(findings(model)).toEqual(['HTTP @ Call', 'PLAIN @ Call [notApplicable]', 'SRV @ Worker [mitigated]'])
    const forced = generatePytmFindings(model, library).threats.find(
      (threat) => threat.origin.kind === 'generated' && threat.origin.ruleId === 'SRV'
    )
    // The override's severity replaces the library's "Very Low", and its response is the justification.
    expect(forced).toMatchObject({ severity: { value: 'high', raw: 'High' }, justification: 'mitigated' })
  })
})
