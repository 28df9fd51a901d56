import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { csvCell } from '../../../reports/csv-cell'
import { escapeHtml } from '../../../reports/escape-html'
import { escapeMarkdown, escapeMarkdownBlock } from '../../../reports/escape-markdown'
import { sha256Hex, sha256OfText } from '../../../reports/sha256'

describe('csvCell', () => {
  it('quotes every cell and doubles quotes', () => {
    expect(csvCell('plain')).toBe('"plain"')
    expect(csvCell('a "b", c\nd')).toBe('"a ""b"", c\nd"')
  })

  it('prefixes a single quote to cells a spreadsheet would run as a formula', () => {
    expect(csvCell('=1+1')).toBe(`"'=1+1"`)
    expect(csvCell('+1')).toBe(`"'+1"`)
    expect(csvCell('-1')).toBe(`"'-1"`)
    expect(csvCell('@SUM(A1)')).toBe(`"'@SUM(A1)"`)
    expect(csvCell('\t=1')).toBe(`"'\t=1"`)
    expect(csvCell('\r=1')).toBe(`"'\r=1"`)
    expect(csvCell('＝1')).toBe(`"'＝1"`)
    expect(csvCell('a=1')).toBe('"a=1"')
  })
})

describe('escapeHtml', () => {
  it('escapes the five characters and drops controls XML forbids', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;')
    expect(escapeHtml('a\u0000b\u0008c\td\ne')).toBe('abc\td\ne')
  })
})

describe('escapeMarkdown', () => {
  it('turns markup into text', () => {
    expect(escapeMarkdown('<b>*x* _y_ [l](u) `c` a|b ~s~ \\')).toBe('&lt;b&gt;\\*x\\* \\_y\\_ \\[l\\](u) \\`c\\` a\\|b \\~s\\~ \\\\')
    expect(escapeMarkdown('line\r\nbreak')).toBe('line break')
  })

  it('keeps a line from opening a block', () => {
    expect(escapeMarkdownBlock('# h\n- item\n1. one\n    code\n===')).toBe('\\# h\n\\- item\n1\\. one\ncode\n\\===')
  })
})

describe('sha256', () => {
  it('gives the FIPS 180-4 example digests', () => {
    expect(sha256OfText('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855')
    expect(sha256OfText('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad')
    expect(sha256OfText('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1'
    )
  })

  it('agrees with node:crypto across block boundaries and multi-byte text', () => {
    for (const length of [1, 55, 56, 63, 64, 65, 127, 128, 1000, 70_000]) {
      const bytes = Uint8Array.from({ length }, (_, index) => (index * 131 + 17) % 256)
      expect(sha256Hex(bytes)).toBe(createHash('sha256').update(bytes).digest('hex'))
    }
    expect(sha256OfText('Grüße → 🛡️')).toBe(createHash('sha256').update('Grüße → 🛡️', 'utf8').digest('hex'))
  })
})
