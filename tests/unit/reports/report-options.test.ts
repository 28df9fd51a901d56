import { describe, expect, it } from 'vitest'
import { renderHtml } from '../../../reports/render-html'
import { fieldValue, parseHtml, tableRows, type Document } from './parse-html'
import { reportOf, samplePath } from './report-fixtures'

// Hand counts from samples/web-shop.twm: 2 mitigated, 1 not applicable (against the out-of-scope identity
// provider), 7 flows of which 2 (sign-in redirect, ID token) touch the out-of-scope identity provider.
describe('report options', () => {
  const render = (options: Parameters<typeof reportOf>[1]): Document => parseHtml(renderHtml(reportOf(samplePath, options)))

  it('leaves mitigated threats out of the register but keeps them in the counts, and says so', () => {
    const document = render({ includeMitigated: false })
    const ids = tableRows(document, 'Threats').map((row) => row[0])
    expect(ids).toHaveLength(6)
    expect(ids).not.toContain('threat-sql-injection')
    expect(tableRows(document, 'Threats by state')[3]).toEqual(['Mitigated', '2'])
    expect(fieldValue(document, 'Report contents')).toBe('2 mitigated threat(s) are counted in the summary but not listed.')
  })

  it('leaves not-applicable threats out', () => {
    const ids = tableRows(render({ includeNotApplicable: false }), 'Threats').map((row) => row[0])
    expect(ids).toHaveLength(7)
    expect(ids).not.toContain('threat-idp-token-forgery')
  })

  it('leaves out-of-scope elements, the flows touching them and their threats out', () => {
    const document = render({ includeOutOfScope: false })
    expect(tableRows(document, 'Elements').map((row) => row[0])).toEqual(['browser', 'web-app', 'api', 'database'])
    expect(tableRows(document, 'Data flows').map((row) => row[0])).toEqual([
      'flow-browse',
      'flow-pages',
      'flow-api-calls',
      'flow-queries',
      'flow-results'
    ])
    expect(tableRows(document, 'Threats').map((row) => row[0])).not.toContain('threat-idp-token-forgery')
    expect(document.querySelector('svg.diagram')!.textContent).not.toContain('Identity provider')
    // Scope still names what is out of scope: the report must say what it does not cover.
    expect(tableRows(document, 'Out of scope').map((row) => row[0])).toEqual(['identity-provider'])
  })

  it('leaves the drawings out but keeps the inventories', () => {
    const document = render({ includeDiagrams: false })
    expect(document.querySelector('svg')).toBeNull()
    expect(tableRows(document, 'Elements')).toHaveLength(5)
  })

  it('gives only the front matter and executive summary when asked', () => {
    const document = render({ summaryOnly: true })
    expect([...document.querySelectorAll('h2')].map((heading) => heading.textContent)).toEqual([
      'Document control',
      'Change history',
      'Review and sign-off',
      'Executive summary',
      'Integrity'
    ])
    expect(tableRows(document, 'Threats by state')[0]).toEqual(['Not started', '2'])
  })

  it('limits the report to one diagram', () => {
    const document = render({ diagramId: 'dfd-main' })
    expect(tableRows(document, 'Threats')).toHaveLength(8)
    expect(fieldValue(document, 'Report contents')).toBe('Only diagram dfd-main; 0 other diagram(s) and 0 threat(s) not on it are left out.')
    const none = render({ diagramId: 'no-such-diagram' })
    expect(tableRows(none, 'Threats by state')[0]).toEqual(['Not started', '0'])
  })
})
