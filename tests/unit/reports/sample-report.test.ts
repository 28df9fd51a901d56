import { describe, expect, it } from 'vitest'
import { renderHtml } from '../../../reports/render-html'
import { renderMarkdown } from '../../../reports/render-markdown'
import { fieldValue, parseHtml, tableRows, type Element } from './parse-html'
import { loadFixture, reportOf, samplePath } from './report-fixtures'

/*
 * Expected values counted by hand from samples/web-shop.twm (8 threats):
 *   state:    notStarted 2 (audit-trail, database-exposure), needsInvestigation 2 (session-hijacking,
 *             access-control), notApplicable 1 (idp-token-forgery), mitigated 2 (exposure-in-transit,
 *             sql-injection), accepted 1 (request-flood)
 *   severity: own severity, else priority: high 5 (session-hijacking p, exposure-in-transit p,
 *             sql-injection s, access-control p, database-exposure p), medium 2 (audit-trail p,
 *             request-flood s), unrated 1 (idp-token-forgery: neither)
 *   open:     high 3 (session-hijacking, access-control, database-exposure), medium 1 (audit-trail)
 *   drawing:  2 processes, 2 external interactors, 1 data store, 7 flows, 2 box boundaries, 1 line boundary
 */
const SECTION_TITLES = [
  'Document control',
  'Change history',
  'Review and sign-off',
  'Executive summary',
  'Scope and system description',
  'Method and risk criteria',
  'Assets and data classification',
  'Architecture and data-flow diagrams',
  'Assumptions',
  'Threat register',
  'Accepted-risk register',
  'Residual-risk summary',
  'Open questions and model messages',
  'Integrity'
]

describe('the report of the sample', () => {
  const html = renderHtml(reportOf(samplePath))
  const document = parseHtml(html)
  const section = (id: string): Element => {
    const found = document.querySelector(`section#${id}`)
    if (found === null) throw new Error(`no section #${id}`)
    return found
  }

  it('has every section, in order, in HTML and Markdown', () => {
    expect([...document.querySelectorAll('h2')].map((heading) => heading.textContent)).toEqual(SECTION_TITLES)
    const markdown = renderMarkdown(reportOf(samplePath))
    expect(markdown.split('\n').filter((line) => line.startsWith('## ')).map((line) => line.slice(3))).toEqual(SECTION_TITLES)
  })

  it('fills document control from the metadata and marks what the model lacks', () => {
    const control = section('document-control')
    expect(fieldValue(control, 'Title')).toBe('Web shop (sample)')
    expect(fieldValue(control, 'Document ID')).toBe('web-shop-sample')
    expect(fieldValue(control, 'Model version')).toBe('1.0')
    expect(fieldValue(control, 'Owner')).toBe('Priya Shah')
    expect(fieldValue(control, 'Classification')).toBe('[to be completed]')
    expect(fieldValue(control, 'Report generated')).toBe('2026-07-01T12:00:00.000Z')
    expect(fieldValue(control, 'Model file SHA-256')).toBe(loadFixture(samplePath).sha256)
  })

  it('lists the owner and both reviewers for sign-off, dates to be completed', () => {
    expect(tableRows(document, 'Signers')).toEqual([
      ['Risk owner', 'Priya Shah', '[to be completed]', 'Approves the treatment plan and accepts the residual risk', '[to be completed]'],
      ['Reviewer', 'Marta Jensen', '[to be completed]', 'Reviewed the model and confirms it is correct and understood', '[to be completed]'],
      ['Reviewer', 'Tom Okafor', '[to be completed]', 'Reviewed the model and confirms it is correct and understood', '[to be completed]']
    ])
  })

  it('derives the change history from the timestamps, oldest first', () => {
    expect(tableRows(document, 'Change history').map((row) => row[0])).toEqual([
      '2026-01-15T09:00:00Z',
      '2026-01-28T10:15:00Z',
      '2026-01-29T09:40:00Z',
      '2026-01-30T14:00:00Z',
      '2026-02-02T16:30:00Z',
      '2026-02-02T16:30:00Z'
    ])
  })

  it('counts threats by state 2/2/1/2/1 and by severity', () => {
    expect(tableRows(document, 'Threats by state')).toEqual([
      ['Not started', '2'],
      ['Needs investigation', '2'],
      ['Not applicable', '1'],
      ['Mitigated', '2'],
      ['Accepted', '1'],
      ['Unrecognised state', '0']
    ])
    expect(tableRows(document, 'Threats by severity')).toEqual([
      ['Critical', '0', '0'],
      ['High', '5', '3'],
      ['Elevated', '0', '0'],
      ['Medium', '2', '1'],
      ['Low', '0', '0'],
      ['Info', '0', '0'],
      ['Unrated', '1', '0']
    ])
    expect(tableRows(document, 'Most severe open threats').map((row) => row[0])).toEqual([
      "threat-access-control Customer reads another customer's orders",
      'threat-database-exposure Database backups expose payment tokens',
      'threat-session-hijacking Session hijacking of a signed-in customer',
      'threat-audit-trail Order changes are not audited'
    ])
  })

  it('names the out-of-scope identity provider with its reason', () => {
    expect(tableRows(document, 'Out of scope')).toEqual([
      ['identity-provider', 'Identity provider', 'External interactor', 'Run by the identity vendor; covered by their audit reports.']
    ])
  })

  it('lists the three data assets with classification and where they live', () => {
    const rows = tableRows(document, 'Data assets')
    expect(rows.map((row) => [row[0], row[2]])).toEqual([
      ['customer-pii', 'confidential'],
      ['payment-tokens', 'strictlyConfidential'],
      ['catalogue', 'public']
    ])
    expect(rows[1]?.[4]).toBe('Database')
  })

  it('draws the diagram as inline SVG by element kind, with dashed boundaries', () => {
    const svg = document.querySelector('svg.diagram')
    expect(svg).not.toBeNull()
    expect(svg!.querySelectorAll('ellipse')).toHaveLength(2)
    // Rectangles: 2 external interactors, 1 data-store background, 2 box boundaries.
    expect(svg!.querySelectorAll('rect')).toHaveLength(5)
    expect(svg!.querySelectorAll('rect[stroke-dasharray="8 4"]')).toHaveLength(2)
    expect(svg!.querySelectorAll('line')).toHaveLength(2)
    expect(svg!.querySelectorAll('polyline[stroke-dasharray="8 4"]')).toHaveLength(1)
    expect(svg!.querySelectorAll('path[marker-end]')).toHaveLength(7)
    expect(svg!.textContent).toContain('Page requests')
    expect(svg!.textContent).toContain('Database network segment')
  })

  it('shows which boundaries each flow crosses', () => {
    const crossings = Object.fromEntries(tableRows(document, 'Data flows').map((row) => [row[0], row[5]]))
    // Browser (Internet) → Web app (Data center) crosses both boxes; API → Database crosses the segment line.
    expect(crossings['flow-browse']).toBe('InternetData center')
    expect(crossings['flow-queries']).toBe('Database network segment')
    expect(crossings['flow-api-calls']).toBe('none')
  })

  it('lists the two assumptions and all eight threats, most severe first', () => {
    expect(tableRows(document, 'Assumptions').map((row) => row[0])).toEqual(['assumption-tls-termination', 'assumption-no-card-numbers'])
    const threats = tableRows(document, 'Threats')
    expect(threats.map((row) => row[0])).toEqual([
      'threat-access-control',
      'threat-database-exposure',
      'threat-exposure-in-transit',
      'threat-session-hijacking',
      'threat-sql-injection',
      'threat-audit-trail',
      'threat-request-flood',
      'threat-idp-token-forgery'
    ])
    const sqlInjection = threats[4]!
    expect(sqlInjection.slice(2, 8)).toEqual([
      'Tampering',
      'SQL queries (API → Database)on Shop overview',
      'High',
      'unlikely / veryHigh',
      'Mitigated',
      'Every query goes through parameterised statements in the data-access layer; checked in the code review of SHOP-87.'
    ])
    expect(sqlInjection.slice(9)).toEqual(['Lea Brunner', 'SHOP-87', '[none]'])
  })

  it('keeps the accepted risk with its approver and flags it overdue after its review date', () => {
    expect(tableRows(document, 'Accepted risks')).toEqual([
      [
        'threat-request-flood Request flood takes the shop offline',
        'Web app',
        'Medium',
        'Rate limiting at the CDN absorbs volumetric attacks; application-level limits are planned for the third quarter, and the remaining risk is accepted until then.',
        'Marta Jensen',
        '2026-02-02T16:30:00Z',
        '2026-06-30 OVERDUE'
      ]
    ])
    const onTheDay = parseHtml(renderHtml(reportOf(samplePath, {}, '2026-06-30T23:59:59Z')))
    expect(tableRows(onTheDay, 'Accepted risks')[0]?.[6]).toBe('2026-06-30')
  })

  it('sums the residual risk by severity and state', () => {
    const matrix = tableRows(document, 'Threats by severity and state')
    expect(matrix.find((row) => row[0] === 'High')).toEqual(['High', '1', '2', '0', '2', '0', '0'])
    expect(matrix.find((row) => row[0] === 'Medium')).toEqual(['Medium', '1', '0', '0', '0', '1', '0'])
    expect(section('residual-risk').textContent).toContain('3 open threat(s) rated high or critical.')
  })

  it('lists the note and the open questions of triage', () => {
    expect(tableRows(document, 'Notes')).toEqual([
      ['note-review-scope', 'First review covers the checkout path only; the admin back office gets its own model.', 'Marta Jensen', '2026-01-20T11:00:00Z']
    ])
    const issues = [...section('open-questions').querySelectorAll('li')].map((item) => item.textContent)
    expect(issues).toEqual(['Threat threat-access-control: needs investigation', 'Threat threat-session-hijacking: needs investigation'])
  })

  it('renders the same bytes for the same inputs', () => {
    expect(renderHtml(reportOf(samplePath))).toBe(html)
    expect(renderMarkdown(reportOf(samplePath))).toBe(renderMarkdown(reportOf(samplePath)))
  })
})
