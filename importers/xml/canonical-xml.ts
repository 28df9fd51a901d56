import type { Diagnostic } from '../../model/diagnostics'
import { parseXml } from './parse-xml'
import { XMLNS_URI, type XmlElement } from './xml-tree'

/**
 * XML text as a list of namespace-resolved events, for asserting that two documents say the same thing
 * ("canonically equal"): same elements by `{uri}local`, same attributes (sorted by uri then local name,
 * namespace declarations left out, since prefixes are spelling), same text (adjacent runs merged, empty
 * runs dropped) in the same order. Differences this ignores: prefixes, attribute order, whitespace
 * inside tags, `<x></x>` versus `<x/>`, and how characters are escaped.
 */
export function canonicalXml(text: string, fileName = 'canonical-xml'): { events: string[] } | { diagnostics: Diagnostic[] } {
  const parsed = parseXml(text, fileName)
  return 'root' in parsed ? { events: canonicalEvents(parsed.root) } : parsed
}

export function canonicalEvents(root: XmlElement): string[] {
  const events: string[] = []
  let pendingText = ''
  const flushText = (): void => {
    if (pendingText !== '') events.push(`text ${JSON.stringify(pendingText)}`)
    pendingText = ''
  }
  const visit = (element: XmlElement): void => {
    flushText()
    const attributes = element.attributes
      .filter((attribute) => attribute.uri !== XMLNS_URI)
      .map((attribute) => ({ key: `{${attribute.uri}}${attribute.local}`, sortKey: [attribute.uri, attribute.local], value: attribute.value }))
      .sort((a, b) => compare(a.sortKey[0], b.sortKey[0]) || compare(a.sortKey[1], b.sortKey[1]))
      .map((attribute) => ` ${attribute.key}=${JSON.stringify(attribute.value)}`)
    events.push(`start {${element.uri}}${element.local}${attributes.join('')}`)
    for (const child of element.children) {
      if (child.kind === 'text') pendingText += child.text
      else visit(child)
    }
    flushText()
    events.push('end')
  }
  visit(root)
  return events
}

function compare(a: string | undefined, b: string | undefined): number {
  const left = a ?? ''
  const right = b ?? ''
  return left < right ? -1 : left > right ? 1 : 0
}
