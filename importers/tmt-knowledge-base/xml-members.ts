import type { JsonValue } from '../../model/json'
import { childElements, elementChildren, isNil, textContent } from '../xml/xml-query'
import type { XmlElement } from '../xml/xml-tree'

/** A member name resolved by namespace URI (tmt-format.md §2: prefixes mean different things in different subtrees). */
export interface MemberName {
  readonly uri: string
  readonly local: string
}

export function childrenNamed(parent: XmlElement, name: MemberName): XmlElement[] {
  return childElements(parent, name.local, name.uri)
}

/**
 * A member the model has no field for, as JSON for the extension bag so nothing is lost: null for nil,
 * the verbatim text for a leaf, and for a member with child elements the list of `{ name: value }` in
 * document order (names repeat in lists such as StencilConstraints, so an object would lose them).
 */
export function memberToJson(element: XmlElement): JsonValue {
  if (isNil(element)) return null
  const elements = elementChildren(element)
  if (elements.length === 0) return textContent(element)
  return elements.map((child) => ({ [child.local]: memberToJson(child) }))
}
