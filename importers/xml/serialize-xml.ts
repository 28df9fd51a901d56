import type { XmlElement, XmlNode } from './xml-tree'

export interface SerializeOptions {
  /** Written verbatim before the root, line break included if wanted (`<?xml version="1.0"?>\n`). .tm7 has none. */
  readonly declaration?: string
}

/**
 * The tree as XML text, the way .NET's DataContractSerializer writes it (tmt-format.md §1–§2): names and
 * attributes as written and in their order, empty elements as `<x/>`, no indentation of our own
 * (whitespace text nodes are written as they are), CR in text as `&#xD;`. An unedited tree read from a
 * TMT file therefore serialises back to the same bytes.
 */
export function serializeXml(root: XmlElement, options: SerializeOptions = {}): string {
  const parts: string[] = []
  if (options.declaration !== undefined) parts.push(options.declaration)
  writeElement(root, parts)
  return parts.join('')
}

function writeElement(element: XmlElement, parts: string[]): void {
  // An explicit stack instead of recursion: a tree built in code has no depth limit of its own.
  const stack: { readonly element: XmlElement; next: number }[] = []
  const open = (node: XmlElement): void => {
    parts.push('<', node.name)
    for (const attribute of node.attributes) parts.push(' ', attribute.name, '="', escapeAttribute(attribute.value), '"')
    if (node.children.length === 0) parts.push('/>')
    else {
      parts.push('>')
      stack.push({ element: node, next: 0 })
    }
  }
  open(element)
  while (stack.length > 0) {
    const top = stack[stack.length - 1]
    if (top === undefined) break
    const child: XmlNode | undefined = top.element.children[top.next]
    if (child === undefined) {
      parts.push('</', top.element.name, '>')
      stack.pop()
      continue
    }
    top.next += 1
    if (child.kind === 'text') parts.push(escapeText(child.text))
    else open(child)
  }
}

const TEXT_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '\r': '&#xD;' }
const ATTRIBUTE_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '"': '&quot;',
  // Literal tab/LF/CR in an attribute would be normalised to spaces by the next parser (XML 1.0 §3.3.3).
  '\t': '&#x9;',
  '\n': '&#xA;',
  '\r': '&#xD;'
}

/** Text: `&`, `<`, `>` and CR (TMT escapes CR and keeps LF literal, tmt-format.md §1). */
export function escapeText(text: string): string {
  return /[&<>\r]/.test(text) ? text.replace(/[&<>\r]/g, (character) => TEXT_ESCAPES[character] ?? character) : text
}

export function escapeAttribute(value: string): string {
  return /[&<"\t\n\r]/.test(value)
    ? value.replace(/[&<"\t\n\r]/g, (character) => ATTRIBUTE_ESCAPES[character] ?? character)
    : value
}
