import { describe, expect, it } from 'vitest'
import { DEFAULT_XML_LIMITS, parseXml } from '../../../importers/xml/parse-xml'
import { XMLNS_URI, type XmlElement } from '../../../importers/xml/xml-tree'

const parse = (text: string): XmlElement => {
  const parsed = parseXml(text, 'test.xml')
  if (!('root' in parsed)) throw new Error(JSON.stringify(parsed.diagnostics))
  return parsed.root
}
const errorsOf = (text: string, limits?: Parameters<typeof parseXml>[2]) => {
  const parsed = parseXml(text, 'bad.xml', limits)
  if ('root' in parsed) throw new Error('expected a failure')
  return parsed.diagnostics
}
const element = (node: XmlElement['children'][number] | undefined): XmlElement => {
  if (node?.kind !== 'element') throw new Error('not an element')
  return node
}

describe('parseXml', () => {
  it('resolves prefixes by the declarations in scope, so one prefix can mean two namespaces', () => {
    // The TMT pattern (tmt-format.md §2): `a:` is the Arrays namespace in Borders and the KB namespace in <KnowledgeBase>.
    const root = parse(
      '<r xmlns="urn:model"><Borders xmlns:a="urn:arrays"><a:Key/></Borders><KnowledgeBase xmlns:a="urn:kb"><a:Key/></KnowledgeBase></r>'
    )
    expect(root).toMatchObject({ name: 'r', uri: 'urn:model', local: 'r' })
    const borders = element(root.children[0])
    const knowledgeBase = element(root.children[1])
    expect(element(borders.children[0])).toMatchObject({ name: 'a:Key', uri: 'urn:arrays', local: 'Key' })
    expect(element(knowledgeBase.children[0])).toMatchObject({ name: 'a:Key', uri: 'urn:kb', local: 'Key' })
  })

  it('keeps attributes in written order, namespace declarations included, with their URIs', () => {
    const root = parse('<x z:Id="i1" xmlns:z="urn:z" xmlns="urn:d" i:type="T" xmlns:i="urn:i"/>')
    expect(root.attributes).toEqual([
      { name: 'z:Id', uri: 'urn:z', local: 'Id', value: 'i1' },
      { name: 'xmlns:z', uri: XMLNS_URI, local: 'z', value: 'urn:z' },
      { name: 'xmlns', uri: XMLNS_URI, local: 'xmlns', value: 'urn:d' },
      { name: 'i:type', uri: 'urn:i', local: 'type', value: 'T' },
      { name: 'xmlns:i', uri: XMLNS_URI, local: 'i', value: 'urn:i' }
    ])
  })

  it('decodes entities and character references and keeps whitespace text between elements', () => {
    const root = parse('<a>\n  <b>x &amp; y&#xD;\nz &lt;&gt;</b>\n</a>')
    expect(root.children.map((child) => child.kind)).toEqual(['text', 'element', 'text'])
    expect(root.children[0]).toEqual({ kind: 'text', text: '\n  ' })
    expect(element(root.children[1]).children).toEqual([{ kind: 'text', text: 'x & y\r\nz <>' }])
  })

  it('reports malformed XML with the file, line and column', () => {
    // Line 2 is "  <b></c>": the mismatched close tag ends at column 9.
    const [problem] = errorsOf('<a>\n  <b></c>\n</a>')
    expect(problem).toMatchObject({ code: 'xml.syntax', severity: 'error', location: { file: 'bad.xml', line: 2, column: 9 } })
    expect(problem?.message).toMatch(/close tag/)
  })

  it('reports an unbound prefix, an undefined entity and a truncated file as syntax errors', () => {
    expect(errorsOf('<a><b:c/></a>')[0]?.code).toBe('xml.syntax')
    expect(errorsOf('<a>&lol;</a>')[0]?.code).toBe('xml.syntax')
    expect(errorsOf('<a><b>')[0]?.code).toBe('xml.syntax')
    expect(errorsOf('   ')[0]?.code).toBe('xml.syntax')
    // sax alone would keep one of the two silently.
    expect(errorsOf('<a x="1" x="2"/>')[0]).toMatchObject({ code: 'xml.syntax', message: 'malformed XML: the attribute x is written twice' })
  })

  it('refuses a DTD before parsing, wherever it sits in the prolog', () => {
    const laughs = '<?xml version="1.0"?>\n<!-- c -->\n<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]><lolz>&lol2;</lolz>'
    const [problem] = errorsOf(laughs)
    expect(problem).toMatchObject({ code: 'xml.doctype', location: { file: 'bad.xml', line: 3, column: 1 } })
    expect(problem?.message).toContain('DTDs are not allowed in model files')
    expect(errorsOf('<!doctype x SYSTEM "file:///etc/passwd"><x/>')[0]?.code).toBe('xml.doctype')
  })

  it('refuses input beyond the size and nesting limits', () => {
    expect(errorsOf('<a>12345</a>', { ...DEFAULT_XML_LIMITS, maxCharacters: 5 })[0]?.code).toBe('xml.limits')
    const deep = `${'<a>'.repeat(257)}${'</a>'.repeat(257)}`
    expect(errorsOf(deep)[0]).toMatchObject({ code: 'xml.limits', message: 'elements are nested deeper than 256 levels' })
    expect('root' in parseXml(`${'<a>'.repeat(256)}${'</a>'.repeat(256)}`, 'ok.xml')).toBe(true)
  })

  it('does not confuse an element called __text__ or _ with text', () => {
    const root = parse('<a><__text__>t</__text__><_/></a>')
    expect(root.children.map((child) => (child.kind === 'element' ? child.name : 'text'))).toEqual(['__text__', '_'])
  })
})

describe('parseXml tag length limit', () => {
  it('refuses a tag longer than the limit before sax reads it, with its line and column', () => {
    const text = `<a>\n  <b c="${'x'.repeat(50)}"/></a>`
    const [problem] = errorsOf(text, { ...DEFAULT_XML_LIMITS, maxTagCharacters: 40 })
    expect(problem).toMatchObject({ code: 'xml.limits', location: { line: 2, column: 3 } })
    expect('root' in parseXml(text, 'a.xml', { ...DEFAULT_XML_LIMITS, maxTagCharacters: 80 })).toBe(true)
  })
})
