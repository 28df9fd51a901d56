import { XMLNS_URI, XSI_URI, type XmlAttribute, type XmlElement, type XmlNode } from '../xml/xml-tree'
import { resolveName, type NamespaceScope } from '../xml/xml-json'
import { ABSTRACTS_NS, SERIALIZATION_NS } from './tm7-namespaces'

/**
 * Building and patching TMT XML. Attribute prefixes are the ones TMT always uses (`i:` on the root,
 * `z:` on DrawingSurfaceModel/KnowledgeBase, tmt-format.md §2), so attributes resolve without a scope.
 */
const ATTRIBUTE_PREFIXES: Readonly<Record<string, string>> = { i: XSI_URI, z: SERIALIZATION_NS, xmlns: XMLNS_URI }

export function attribute(name: string, value: string): XmlAttribute {
  if (name === 'xmlns') return { name, uri: XMLNS_URI, local: 'xmlns', value }
  const colon = name.indexOf(':')
  if (colon < 0) return { name, uri: '', local: name, value }
  return { name, uri: ATTRIBUTE_PREFIXES[name.slice(0, colon)] ?? '', local: name.slice(colon + 1), value }
}

/** An element whose name resolves in `scope` extended by its own declarations. */
export function element(
  name: string,
  scope: NamespaceScope,
  attributes: readonly (readonly [string, string])[] = [],
  children: readonly (XmlNode | string)[] = []
): XmlElement {
  const own = new Map(scope)
  for (const [attributeName, value] of attributes) {
    if (attributeName === 'xmlns') own.set('', value)
    else if (attributeName.startsWith('xmlns:')) own.set(attributeName.slice(6), value)
  }
  return {
    kind: 'element',
    name,
    ...resolveName(name, own, false),
    attributes: attributes.map(([attributeName, value]) => attribute(attributeName, value)),
    children: children.filter((child) => child !== '').map((child) => (typeof child === 'string' ? { kind: 'text', text: child } : child))
  }
}

/** `<Local xmlns="…Abstracts">text</Local>`: TMT re-declares the Abstracts namespace on every member (§2). */
export function abstractsMember(local: string, text: string | null, scope: NamespaceScope): XmlElement {
  if (text === null) return element(local, scope, [['i:nil', 'true'], ['xmlns', ABSTRACTS_NS]])
  return element(local, scope, [['xmlns', ABSTRACTS_NS]], [text])
}

/** `<b:Local>text</b:Local>`, or `<b:Local i:nil="true"/>` for null. */
export function member(name: string, text: string | null, scope: NamespaceScope): XmlElement {
  return text === null ? element(name, scope, [['i:nil', 'true']]) : element(name, scope, [], [text])
}

export function withChildren(parent: XmlElement, children: readonly XmlNode[]): XmlElement {
  return { ...parent, children }
}

/** Replaces the first child element with this local name (and URI) by `update(child)`; unchanged when absent. */
export function updateChild(parent: XmlElement, local: string, uri: string | undefined, update: (child: XmlElement) => XmlElement): XmlElement {
  let done = false
  const children = parent.children.map((child) => {
    if (done || child.kind !== 'element' || child.local !== local || (uri !== undefined && child.uri !== uri)) return child
    done = true
    return update(child)
  })
  return done ? withChildren(parent, children) : parent
}

/**
 * The write-back rule for one value (CONTEXT.md): keep the element as it was written when it still says
 * what the model says (so spelling such as indentation inside a value survives), else write the
 * model's value. `was` is what the reader made of the element; null values are written as `i:nil`.
 */
export function keepOrSet(original: XmlElement, was: string | null, value: string | null): XmlElement {
  if (was === value) return original
  const attributes = original.attributes.filter((entry) => !(entry.uri === XSI_URI && entry.local === 'nil'))
  if (value === null) return { ...original, attributes: [...attributes, attribute('i:nil', 'true')], children: [] }
  return { ...original, attributes, children: value === '' ? [] : [{ kind: 'text', text: value }] }
}

/**
 * Inserts `extra` after the last element child, each preceded by the whitespace that preceded that
 * child (the indentation of a pretty-printed file), keeping the trailing whitespace last.
 */
export function appendChildren(parent: XmlElement, extra: readonly XmlNode[]): XmlElement {
  if (extra.length === 0) return parent
  const children = [...parent.children]
  let last = children.length - 1
  while (last >= 0 && children[last]?.kind !== 'element') last -= 1
  const before = children[last - 1]
  const separator = last > 0 && before?.kind === 'text' ? before.text : ''
  const inserted = extra.flatMap((node): XmlNode[] => (separator === '' ? [node] : [{ kind: 'text', text: separator }, node]))
  children.splice(last + 1, 0, ...inserted)
  return withChildren(parent, children)
}
