import type { JsonValue } from '../../model/json'
import { XMLNS_URI, type XmlAttribute, type XmlElement, type XmlNode } from './xml-tree'

/**
 * A compact JSON form of an XML subtree, for extension bags (the native file keeps what a format
 * carries that the model does not, STYLE.md): an element is `[name, [[attribute, value], …], …children]`
 * with the attribute list left out when empty, text is a string. Names are kept as written (prefix
 * included), so the form round-trips to the same bytes; namespaces are resolved again on decoding.
 * Objects never occur in this form, so a writer may put `{…}` markers ("slots") among the children.
 */
export type XmlJson = JsonValue

/**
 * `replace` may substitute any descendant (not the element itself) by a JSON value of its own choice,
 * typically a slot marker `{ slot: id }` for a child that lives elsewhere in the model.
 */
export function xmlToJson(element: XmlElement, replace?: (child: XmlElement) => JsonValue | undefined): JsonValue[] {
  const encoded: JsonValue[] = [element.name]
  if (element.attributes.length > 0) encoded.push(element.attributes.map((attribute) => [attribute.name, attribute.value]))
  for (const child of element.children) {
    if (child.kind === 'text') encoded.push(child.text)
    else encoded.push(replace?.(child) ?? xmlToJson(child, replace))
  }
  return encoded
}

/** Prefix → namespace URI; '' is the default namespace. */
export type NamespaceScope = ReadonlyMap<string, string>

export const XML_PREFIX_URI = 'http://www.w3.org/XML/1998/namespace'
export const EMPTY_SCOPE: NamespaceScope = new Map([['xml', XML_PREFIX_URI]])

export interface DecodeOptions {
  /** The declarations in force where the subtree is placed (its future ancestors' xmlns attributes). */
  readonly scope?: NamespaceScope
  /** Called for an object among the children of `parent` (its name as written); returns the nodes that replace it. */
  readonly slot?: (marker: { readonly [key: string]: JsonValue }, scope: NamespaceScope, parent: string) => readonly XmlNode[]
}

/** The element a compact form describes, or null when the value is not one (a damaged bag). */
export function xmlFromJson(value: JsonValue, options: DecodeOptions = {}): XmlElement | null {
  return decodeElement(value, options.scope ?? EMPTY_SCOPE, options, 0)
}

/** Matches parse-xml's nesting limit, so a hostile bag cannot exhaust the stack either. */
const DEEPEST = 256

function decodeElement(value: JsonValue, inherited: NamespaceScope, options: DecodeOptions, depth: number): XmlElement | null {
  if (!Array.isArray(value) || typeof value[0] !== 'string' || depth > DEEPEST) return null
  const name = value[0]
  let rest = value.slice(1)
  const first = rest[0]
  const pairs: [string, string][] = []
  if (Array.isArray(first) && (first.length === 0 || Array.isArray(first[0]))) {
    for (const pair of first) {
      if (!Array.isArray(pair) || typeof pair[0] !== 'string' || typeof pair[1] !== 'string') return null
      pairs.push([pair[0], pair[1]])
    }
    rest = rest.slice(1)
  }
  const scope = declare(inherited, pairs)
  const children: XmlNode[] = []
  for (const child of rest) {
    if (typeof child === 'string') children.push({ kind: 'text', text: child })
    else if (Array.isArray(child)) {
      const element = decodeElement(child, scope, options, depth + 1)
      if (element === null) return null
      children.push(element)
    } else if (child !== null && typeof child === 'object' && options.slot !== undefined) {
      children.push(...options.slot(child, scope, name))
    } else return null
  }
  const { uri, local } = resolveName(name, scope, false)
  const attributes: XmlAttribute[] = pairs.map(([attributeName, attributeValue]) => ({
    name: attributeName,
    ...resolveName(attributeName, scope, true),
    value: attributeValue
  }))
  return { kind: 'element', name, uri, local, attributes, children }
}

function declare(scope: NamespaceScope, pairs: readonly [string, string][]): NamespaceScope {
  const declarations = pairs.filter(([name]) => name === 'xmlns' || name.startsWith('xmlns:'))
  if (declarations.length === 0) return scope
  const next = new Map(scope)
  for (const [name, value] of declarations) next.set(name === 'xmlns' ? '' : name.slice(6), value)
  return next
}

/** Unprefixed attributes have no namespace (XML Namespaces §6.2); unprefixed elements take the default. */
export function resolveName(name: string, scope: NamespaceScope, isAttribute: boolean): { uri: string; local: string } {
  if (isAttribute && name === 'xmlns') return { uri: XMLNS_URI, local: 'xmlns' }
  const colon = name.indexOf(':')
  if (colon < 0) return { uri: isAttribute ? '' : (scope.get('') ?? ''), local: name }
  const prefix = name.slice(0, colon)
  const local = name.slice(colon + 1)
  if (prefix === 'xmlns') return { uri: XMLNS_URI, local }
  return { uri: scope.get(prefix) ?? '', local }
}
