import { diagnostic, type Diagnostic } from '../../model/diagnostics'
import { lineColumnAt } from '../text/line-column'
import { findDoctype } from './find-doctype'
import { findLongTag } from './find-long-tag'
import { createSaxStream, type SaxAttribute, type SaxTag } from './sax-stream'
import { XMLNS_URI, type XmlAttribute, type XmlElement, type XmlNode } from './xml-tree'

export interface XmlLimits {
  /** Longest accepted text, in UTF-16 code units (about bytes for TMT's mostly-ASCII XML). */
  readonly maxCharacters: number
  /** Deepest accepted element nesting. TMT models nest about 20 deep; 256 leaves room for any real file. */
  readonly maxDepth: number
  /** Longest accepted tag with its attributes (see find-long-tag.ts); TMT's are under 1 KB. */
  readonly maxTagCharacters: number
}

export const DEFAULT_XML_LIMITS: XmlLimits = { maxCharacters: 64 * 1024 * 1024, maxDepth: 256, maxTagCharacters: 1024 * 1024 }

export type ParsedXml = { readonly root: XmlElement } | { readonly diagnostics: Diagnostic[] }

/** An element under construction: the same shape as XmlElement, with a growing child list. */
interface OpenElement extends XmlElement {
  readonly children: XmlNode[]
}

/** Thrown from a sax handler to stop parsing at once; never leaves this file. */
class StopParsing extends Error {}

/**
 * Text → the order-preserving, namespace-aware tree of xml-tree.ts, built from the events of sax in
 * strict, namespace-aware mode (the parser xml2js uses, see sax-stream.ts). Never throws: malformed
 * input, a DTD, or input beyond the limits gives an error diagnostic naming the file and, where
 * known, line and column. External entities are never resolved: DTDs are refused before parsing and
 * sax knows only XML's predefined entities.
 *
 * Comments and processing instructions (the `<?xml …?>` declaration) are not part of the tree; .tm7
 * files have none (tmt-format.md §1), and writers add the declaration themselves.
 */
export function parseXml(text: string, fileName: string, limits: XmlLimits = DEFAULT_XML_LIMITS): ParsedXml {
  const fail = (code: string, message: string, place: { line?: number; column?: number } = {}): ParsedXml => ({
    diagnostics: [diagnostic(code, 'error', message, { file: fileName, ...place })]
  })
  if (text.length > limits.maxCharacters) {
    return fail('xml.limits', `the file is larger than the ${limits.maxCharacters}-character limit for XML models`)
  }
  const longTag = findLongTag(text, limits.maxTagCharacters)
  if (longTag !== null) {
    return fail('xml.limits', `a tag is longer than the ${limits.maxTagCharacters}-character limit (a huge attribute value?)`, lineColumnAt(text, longTag))
  }
  const doctype = findDoctype(text)
  if (doctype !== null) {
    return fail(
      'xml.doctype',
      'DTDs are not allowed in model files: they can pull in external files or expand entities without limit',
      lineColumnAt(text, doctype)
    )
  }
  if (text.trim() === '') return fail('xml.syntax', 'the file holds no XML element')
  const sax = createSaxStream()
  if (sax === null) return fail('xml.parser', 'the XML parser is not available in this build')

  let root: XmlElement | null = null
  let problem: ParsedXml | null = null
  const stack: OpenElement[] = []
  // One string per distinct name and namespace URI. sax makes a fresh string for every tag, and
  // readers compare names with ===, which for two equal strings that are not the same object reads
  // both; a .tm7 also re-declares its `b:` namespace on every threat. Interned, the synthetic 21 MB
  // model parses in 1.5 s instead of 1.9 s (a third less retained memory, so less collection) and
  // the .tm7 reader's name lookups after it cost 20 ms instead of 145 ms.
  const names = new Map<string, string>()
  const intern = (value: string): string => {
    const known = names.get(value)
    if (known !== undefined) return known
    names.set(value, value)
    return value
  }
  // sax keeps one of two attributes with the same name silently; XML forbids them, and dropping one
  // would lose data without a word, so they are a syntax error here.
  let attributeNames = new Set<string>()
  sax.onattribute = (attribute: SaxAttribute) => {
    if (attributeNames.has(attribute.name)) {
      problem = fail('xml.syntax', `malformed XML: the attribute ${attribute.name} is written twice`, position())
      throw new StopParsing()
    }
    attributeNames.add(attribute.name)
  }
  sax.onopentag = (tag: SaxTag) => {
    attributeNames = new Set<string>()
    if (stack.length >= limits.maxDepth) {
      problem = fail('xml.limits', `elements are nested deeper than ${limits.maxDepth} levels`, position())
      throw new StopParsing()
    }
    const element: OpenElement = {
      kind: 'element',
      name: intern(tag.name),
      uri: intern(tag.uri),
      local: intern(tag.local),
      attributes: Object.values(tag.attributes).map((attribute) => convertAttribute(attribute, intern)),
      children: []
    }
    const parent = stack[stack.length - 1]
    if (parent !== undefined) parent.children.push(element)
    else root = element
    stack.push(element)
  }
  sax.onclosetag = () => {
    stack.pop()
  }
  const onText = (content: string): void => {
    // Text outside the root is only whitespace in a well-formed document (sax rejects anything else).
    stack[stack.length - 1]?.children.push({ kind: 'text', text: content })
  }
  sax.ontext = onText
  sax.oncdata = onText
  sax.onerror = (error: Error) => {
    const [first = ''] = error.message.split('\n')
    problem = fail('xml.syntax', `malformed XML: ${first.trim().replace(/\.$/, '').toLowerCase()}`, position())
    throw new StopParsing()
  }
  sax.onend = () => undefined
  // sax counts lines from 0 and columns from 1 (the column just read).
  const position = (): { line: number; column: number } => ({ line: sax.line + 1, column: sax.column })

  try {
    sax.write(text).close()
  } catch (error) {
    if (!(error instanceof StopParsing)) return fail('xml.syntax', `malformed XML: ${error instanceof Error ? error.message : String(error)}`)
  }
  if (problem !== null) return problem
  if (root === null) return fail('xml.syntax', 'the file holds no XML element')
  return { root }
}

/** sax gives the default declaration `xmlns` an empty local name; the DOM calls it `xmlns`, and so do we. */
function convertAttribute(attribute: SaxAttribute, intern: (value: string) => string): XmlAttribute {
  const isDefaultDeclaration = attribute.name === 'xmlns'
  return {
    name: intern(attribute.name),
    uri: isDefaultDeclaration ? XMLNS_URI : intern(attribute.uri),
    local: isDefaultDeclaration ? 'xmlns' : intern(attribute.local),
    value: attribute.value
  }
}
