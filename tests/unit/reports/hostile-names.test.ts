import { describe, expect, it } from 'vitest'
import { INTEGRITY_BEGIN, INTEGRITY_END } from '../../../reports/integrity'
import { renderCsv } from '../../../reports/render-csv'
import { renderHtml } from '../../../reports/render-html'
import { renderMarkdown } from '../../../reports/render-markdown'
import { parseCsv } from './csv-parse'
import { parseHtml } from './parse-html'
import { hostilePath, reportOf } from './report-fixtures'

// Names as written in tests/fixtures/reports/hostile-names.twm.
const IMG = '<img src=x onerror="window.__pwned=1;alert(1)">'
const SVG_BREAKOUT = '"><svg onload=window.__pwned=1>'
const FORMULA = "=cmd|' /C calc'!A0"

/** The only tags and attributes report HTML is made of; anything else came from the model. */
const ALLOWED_TAGS = new Set(
  'html head meta title style body main nav ol ul li a section h1 h2 h3 p table caption thead tbody tr th td code span strong br figure figcaption svg defs marker path g ellipse rect line polyline text tspan'.split(' ')
)

describe('hostile names in a report', () => {
  const html = renderHtml(reportOf(hostilePath))
  const document = parseHtml(html)

  it('HTML: only the report’s own tags, no event handler, no link out of the page', () => {
    const elements = [...document.querySelectorAll('*')]
    expect(elements.map((element) => element.tagName.toLowerCase()).filter((tag) => !ALLOWED_TAGS.has(tag))).toEqual([])
    for (const element of elements) {
      for (const attribute of [...element.attributes]) {
        expect(attribute.name.toLowerCase().startsWith('on'), `${attribute.name} on <${element.tagName}>`).toBe(false)
        if (attribute.name === 'href') expect(attribute.value?.startsWith('#')).toBe(true)
        expect(attribute.name).not.toBe('src')
      }
    }
    expect(document.querySelectorAll('style')).toHaveLength(1)
  })

  it('HTML and SVG: the names are shown as text, exactly as written', () => {
    const text = document.body.textContent ?? ''
    expect(text).toContain(IMG)
    expect(text).toContain('<script>window.__pwned=1</script>Hostile shop')
    const svgText = document.querySelector('svg.diagram')!.textContent ?? ''
    expect(svgText).toContain('<img src=x')
    expect(svgText).toContain(SVG_BREAKOUT.split(' ')[0])
    expect(svgText).toContain('</text><script>window.__pwned=1</script>')
    expect(svgText).toContain('</svg><iframe src="http://evil.invalid/">')
    expect(document.querySelector('svg.diagram title')!.textContent).toBe("<script>alert('diagram')</script>")
    expect(html).toContain('&lt;img src=x onerror=&quot;window.__pwned=1;alert(1)&quot;&gt;')
  })

  it('a name cannot forge the integrity markers', () => {
    expect(html.split(INTEGRITY_BEGIN)).toHaveLength(2)
    expect(html.split(INTEGRITY_END)).toHaveLength(2)
    expect(document.body.textContent).toContain('<!-- integrity:end -->')
  })

  it('Markdown: no HTML but the report’s own, no link, and table rows keep their columns', () => {
    const markdown = renderMarkdown(reportOf(hostilePath))
    const tags = markdown.match(/<[^\s<>]*/g) ?? []
    expect(new Set(tags)).toEqual(new Set(['<br', '<!--']))
    expect(markdown.split(INTEGRITY_BEGIN)).toHaveLength(2)
    expect(markdown.split(INTEGRITY_END)).toHaveLength(2)
    expect(markdown).toContain('&lt;img src=x onerror="window.\\_\\_pwned=1;alert(1)"&gt;')
    expect(markdown).not.toMatch(/(?<!\\)\[link(?<!\\)\]/)
    expect(markdown).toContain('\\# Not a heading')
    for (const table of markdown.split('\n\n').filter((block) => block.startsWith('| '))) {
      const [header, ...rows] = table.split('\n')
      const columns = (line: string): number => line.replace(/\\\\/g, '').replace(/\\\|/g, '').split('|').length
      for (const row of rows) expect(columns(row), row).toBe(columns(header!))
    }
  })

  it('CSV: formula cells are neutralised with a leading quote, and every cell reads back', () => {
    const records = parseCsv(renderCsv(reportOf(hostilePath)))
    for (const record of records) {
      expect(record).toHaveLength(22)
      for (const cell of record) expect(cell, cell).not.toMatch(/^[=+\-@\t\r]/)
    }
    const byId = new Map(records.slice(1).map((record) => [record[0], record]))
    const session = byId.get('threat-"><img src=x onerror=alert(1)>')!
    expect(session[1]).toBe("'=1+1")
    expect(session[16]).toBe("'@owner")
    expect(session[17]).toBe(`'=HYPERLINK("http://evil.invalid","SHOP-1")`)
    expect(byId.get('threat-audit-trail')![1]).toBe("'-10")
    expect(byId.get('threat-audit-trail')![5]).toBe(`'${FORMULA}`)
    expect(byId.get('threat-database-exposure')![5]).toBe("'+SUM(1,2)")
  })
})
