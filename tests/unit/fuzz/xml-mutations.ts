/**
 * Structure-aware mutations on XML text (.tm7, .tb7), done on the text so that what a parser never
 * round-trips (entities, CDATA, prefixes, DOCTYPE, malformed nesting) can be produced too. Elements are
 * found with a tag scanner, good enough for DataContractSerializer output; on other input a mutation
 * that finds nothing leaves the text alone.
 */
import fc from 'fast-check'

export type XmlOperation =
  | 'drop-element'
  | 'duplicate-element'
  | 'swap-elements'
  | 'corrupt-guid'
  | 'collide-guid'
  | 'wrong-text'
  | 'entity'
  | 'markup'
  | 'unclose'
  | 'deep-nesting'
  | 'attribute'
  | 'rename-prefix'
  | 'huge-attribute'

export interface XmlMutation {
  readonly kind: 'xml'
  readonly operation: XmlOperation
  readonly target: number
  readonly other: number
  readonly choice: number
}

export const xmlMutation: fc.Arbitrary<XmlMutation> = fc.record({
  kind: fc.constant('xml' as const),
  operation: fc.constantFrom<XmlOperation>(
    'drop-element',
    'duplicate-element',
    'swap-elements',
    'corrupt-guid',
    'collide-guid',
    'wrong-text',
    'entity',
    'markup',
    'unclose',
    'deep-nesting',
    'attribute',
    'rename-prefix',
    'huge-attribute'
  ),
  target: fc.nat(),
  other: fc.nat(),
  choice: fc.nat()
})

interface Tag {
  readonly start: number
  readonly end: number
  readonly name: string
  readonly closing: boolean
  readonly selfClosing: boolean
}

const TAG = /<(\/?)([A-Za-z_][\w:.-]*)(?:\s[^<>]*?)?(\/?)>/g
const GUID = /[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}/g

function scanTags(text: string): Tag[] {
  const tags: Tag[] = []
  for (const match of text.matchAll(TAG)) {
    tags.push({
      start: match.index,
      end: match.index + match[0].length,
      name: match[2] ?? '',
      closing: match[1] === '/',
      selfClosing: match[3] === '/'
    })
  }
  return tags
}

/** The [start, end) of the element opened by tags[index], or null when it is a closing tag or never closes. */
function elementSpan(tags: readonly Tag[], index: number): { start: number; end: number; tagEnd: number } | null {
  const open = tags[index]
  if (open === undefined || open.closing) return null
  if (open.selfClosing) return { start: open.start, end: open.end, tagEnd: open.end }
  let depth = 0
  for (let next = index; next < tags.length; next++) {
    const tag = tags[next] as Tag
    if (tag.selfClosing) continue
    depth += tag.closing ? -1 : 1
    if (depth === 0) return { start: open.start, end: tag.end, tagEnd: open.end }
  }
  return null
}

const WRONG_TEXT = ['', 'true', 'false', '-1', '1e400', 'NaN', 'abc', '0x10', '99999999999999999999', ' ', '\t\n', 'null', '\u00a0', '&lt;', '12:00']
const ENTITIES = ['&amp;', '&#0;', '&#xD800;', '&#x110000;', '&#65;', '&unknown;', '&', '&lt;x&gt;', '&#x1F600;', '&#9999999999;']
const MARKUP = [
  '<![CDATA[<x>]]>',
  '<!-- comment -->',
  '<?pi data?>',
  '<!DOCTYPE x [<!ENTITY e "e">]>',
  ']]>',
  '<x:y xmlns:x="urn:x"/>',
  '<a:Value i:nil="true"/>',
  '</>',
  '<',
  '\uFEFF'
]
const ATTRIBUTES = [
  ' i:nil="true"',
  ' z:Id="i1"',
  ' z:Ref="i1"',
  ' i:type="a:Unknown"',
  ' xmlns="urn:other"',
  ' xmlns:a="urn:other"',
  ' __proto__="x"',
  ' a="1" a="2"',
  ' bad',
  ' x="<"'
]

function replaceNth(text: string, pattern: RegExp, n: number, make: (found: string, all: string[]) => string): string {
  const matches = [...text.matchAll(pattern)]
  if (matches.length === 0) return text
  const match = matches[n % matches.length] as RegExpMatchArray
  const index = match.index ?? 0
  return text.slice(0, index) + make(match[0], matches.map((entry) => entry[0])) + text.slice(index + match[0].length)
}

function insertAt(text: string, at: number, inserted: string): string {
  const index = text.length === 0 ? 0 : at % (text.length + 1)
  return text.slice(0, index) + inserted + text.slice(index)
}

export function applyXmlMutation(text: string, mutation: XmlMutation): string {
  const { operation, target, other, choice } = mutation
  if (operation === 'corrupt-guid') {
    const variants = (guid: string): string[] => ['', guid.slice(0, 20), guid.toUpperCase(), `{${guid}}`, guid.replace(/-/g, ''), `${guid}x`, 'not-a-guid', guid.replace(/[0-9a-f]/, 'z')]
    return replaceNth(text, GUID, target, (guid) => variants(guid)[choice % 8] ?? '')
  }
  if (operation === 'collide-guid') return replaceNth(text, GUID, target, (_guid, all) => all[other % all.length] ?? '')
  if (operation === 'entity') return insertAt(text, target, ENTITIES[choice % ENTITIES.length] ?? '')
  if (operation === 'markup') return insertAt(text, target, MARKUP[choice % MARKUP.length] ?? '')
  if (operation === 'deep-nesting') {
    const depth = 100 + (choice % 50_000)
    return insertAt(text, target, `${'<a>'.repeat(depth)}${choice % 3 === 0 ? '' : '</a>'.repeat(depth)}`)
  }
  if (operation === 'wrong-text') return replaceNth(text, />([^<>]+)</g, target, () => `>${WRONG_TEXT[choice % WRONG_TEXT.length] ?? ''}<`)

  const tags = scanTags(text)
  if (tags.length === 0) return text
  const tagIndex = target % tags.length
  const tag = tags[tagIndex] as Tag
  switch (operation) {
    case 'unclose':
      return text.slice(0, tag.start) + text.slice(tag.end)
    case 'attribute': {
      if (tag.closing) return text
      const at = tag.end - (tag.selfClosing ? 2 : 1)
      return text.slice(0, at) + (ATTRIBUTES[choice % ATTRIBUTES.length] ?? '') + text.slice(at)
    }
    case 'huge-attribute': {
      if (tag.closing) return text
      const at = tag.end - (tag.selfClosing ? 2 : 1)
      return `${text.slice(0, at)} huge="${'v'.repeat(1000 + (choice % 1_000_000))}"${text.slice(at)}`
    }
    case 'rename-prefix': {
      const prefixes = ['', 'a:', 'b:', 'z:', 'i:', 'unknown:']
      const renamed = tag.name.replace(/^[^:]*:/, '')
      const source = text.slice(tag.start, tag.end).replace(tag.name, `${prefixes[choice % prefixes.length] ?? ''}${renamed}`)
      return text.slice(0, tag.start) + source + text.slice(tag.end)
    }
    default:
      break
  }
  const span = elementSpan(tags, tagIndex)
  if (span === null) return text
  const element = text.slice(span.start, span.end)
  if (operation === 'drop-element') return text.slice(0, span.start) + text.slice(span.end)
  if (operation === 'duplicate-element') return text.slice(0, span.end) + element + text.slice(span.end)
  // swap-elements: move this element to where another one starts (often a sibling in repeated lists).
  const destination = tags[other % tags.length] as Tag
  if (destination.start >= span.start && destination.start < span.end) return text
  const without = text.slice(0, span.start) + text.slice(span.end)
  const at = destination.start > span.start ? destination.start - element.length : destination.start
  return without.slice(0, at) + element + without.slice(at)
}
