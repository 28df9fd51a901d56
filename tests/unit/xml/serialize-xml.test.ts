import { describe, expect, it } from 'vitest'
import { canonicalXml } from '../../../importers/xml/canonical-xml'
import { parseXml } from '../../../importers/xml/parse-xml'
import { serializeXml } from '../../../importers/xml/serialize-xml'
import type { XmlElement } from '../../../importers/xml/xml-tree'

const tree = (children: XmlElement['children'], attributes: XmlElement['attributes'] = []): XmlElement => ({
  kind: 'element',
  name: 'a:x',
  uri: 'urn:a',
  local: 'x',
  attributes: [{ name: 'xmlns:a', uri: 'http://www.w3.org/2000/xmlns/', local: 'a', value: 'urn:a' }, ...attributes],
  children
})

describe('serializeXml', () => {
  it('escapes text the way TMT does: CR as &#xD;, LF literal', () => {
    // edgex-foundry-v4.tm7 writes "...sensors)&#xD;" followed by a literal line feed (tmt-format.md §1).
    const text = serializeXml(tree([{ kind: 'text', text: 'a & b < c > d\r\ne "f" \'g\'' }]))
    expect(text).toBe('<a:x xmlns:a="urn:a">a &amp; b &lt; c &gt; d&#xD;\ne "f" \'g\'</a:x>')
  })

  it('escapes attribute values, writing tab, LF and CR as character references', () => {
    const attribute = { name: 'v', uri: '', local: 'v', value: 'a&b<c"d\te\nf\rg>' }
    expect(serializeXml(tree([], [attribute]))).toBe('<a:x xmlns:a="urn:a" v="a&amp;b&lt;c&quot;d&#x9;e&#xA;f&#xD;g>"/>')
  })

  it('writes empty elements as <x/> and whitespace text as it is, with an optional declaration', () => {
    const written = serializeXml(tree([{ kind: 'text', text: '\n  ' }, tree([])]), { declaration: '<?xml version="1.0"?>\n' })
    expect(written).toBe('<?xml version="1.0"?>\n<a:x xmlns:a="urn:a">\n  <a:x xmlns:a="urn:a"/></a:x>')
  })

  it('round-trips escaped values through parseXml', () => {
    const value = 'tab\there, quote " and <angle> & line\r\nbreak'
    const written = serializeXml(tree([{ kind: 'text', text: value }], [{ name: 'v', uri: '', local: 'v', value }]))
    const parsed = parseXml(written, 'x.xml')
    if (!('root' in parsed)) throw new Error('unparsable')
    expect(parsed.root.attributes[1]?.value).toBe(value)
    expect(parsed.root.children).toEqual([{ kind: 'text', text: value }])
  })
})

describe('canonicalXml', () => {
  const events = (text: string): string[] => {
    const result = canonicalXml(text)
    if (!('events' in result)) throw new Error('unparsable')
    return result.events
  }

  it('ignores prefixes, attribute order, declarations and empty-element spelling', () => {
    expect(events('<p:r xmlns:p="urn:r" b="2" a="1"><p:c></p:c></p:r>')).toEqual(
      events('<r a="1" xmlns="urn:r" b="2"><c/></r>')
    )
    expect(events('<r xmlns="urn:r" a="1"/>')).toEqual(['start {urn:r}r {}a="1"', 'end'])
  })

  it('tells apart different namespaces, text and order', () => {
    expect(events('<r xmlns="urn:r"/>')).not.toEqual(events('<r xmlns="urn:other"/>'))
    expect(events('<r>a</r>')).not.toEqual(events('<r>b</r>'))
    expect(events('<r><a/><b/></r>')).not.toEqual(events('<r><b/><a/></r>'))
  })
})
