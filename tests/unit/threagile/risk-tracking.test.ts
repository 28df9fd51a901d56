import { describe, expect, it } from 'vitest'
import { applyRiskTracking } from '../../../analysis/threagile/risk-tracking'

/** Threagile v1 risk_tracking semantics (threagile-schema.md §7.3, threagile-rules.md §0.4), on hand-made ids. */
const bag = (tracking: Record<string, { status: string; justification?: string }>) => ({ risk_tracking: tracking })

describe('applyRiskTracking', () => {
  const ids = ['unencrypted-asset@db', 'unencrypted-asset@cache', 'ldap-injection@idp@ldap@idp>check', 'dos@a@b@a>x']

  it('applies an exact key to its one risk', () => {
    const result = applyRiskTracking(bag({ 'unencrypted-asset@db': { status: 'mitigated' } }), ids)
    expect([...result.byRiskId.keys()]).toEqual(['unencrypted-asset@db'])
    expect(result.orphans).toEqual([])
  })

  it('lets each * match one @-part, and lets exact keys win over wildcards', () => {
    const result = applyRiskTracking(
      bag({ 'unencrypted-asset@*': { status: 'accepted' }, 'unencrypted-asset@db': { status: 'mitigated' } }),
      ids
    )
    expect(result.byRiskId.get('unencrypted-asset@db')?.status).toBe('mitigated')
    expect(result.byRiskId.get('unencrypted-asset@cache')).toMatchObject({ status: 'accepted', key: 'unencrypted-asset@*' })
  })

  it('matches unanchored, as v1 does (a pattern may match inside a longer id)', () => {
    const result = applyRiskTracking(bag({ '*@ldap@*': { status: 'in-progress' } }), ids)
    expect([...result.byRiskId.keys()]).toEqual(['ldap-injection@idp@ldap@idp>check'])
  })

  it('does not let * cross an @', () => {
    expect(applyRiskTracking(bag({ 'dos@*>x': { status: 'mitigated' } }), ids).byRiskId.size).toBe(0)
  })

  it('reports keys that match nothing as orphans', () => {
    expect(applyRiskTracking(bag({ 'nothing@here': { status: 'mitigated' }, 'none@*': { status: 'mitigated' } }), ids).orphans).toEqual([
      'nothing@here',
      'none@*'
    ])
  })

  it('gives wildcard tracking only to lower-case ids (v1 stores wildcard copies under the lower-cased id)', () => {
    const result = applyRiskTracking(bag({ 'x@*': { status: 'mitigated' } }), ['x@Upper', 'x@lower'])
    expect([...result.byRiskId.keys()]).toEqual(['x@lower'])
  })
})
