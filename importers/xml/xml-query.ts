import { XSI_URI, type XmlElement } from './xml-tree'

/** Small read helpers over the XML tree. Names are matched by namespace URI and local name, never by prefix. */

export function elementChildren(element: XmlElement): XmlElement[] {
  return element.children.filter((child): child is XmlElement => child.kind === 'element')
}

/** The first child element with this local name (and namespace URI, when given), or undefined. */
export function childElement(element: XmlElement, local: string, uri?: string): XmlElement | undefined {
  for (const child of element.children) {
    if (child.kind === 'element' && child.local === local && (uri === undefined || child.uri === uri)) return child
  }
  return undefined
}

export function childElements(element: XmlElement, local: string, uri?: string): XmlElement[] {
  return elementChildren(element).filter((child) => child.local === local && (uri === undefined || child.uri === uri))
}

/** The element's own character data (direct text children joined), untrimmed. */
export function textContent(element: XmlElement | undefined): string {
  if (element === undefined) return ''
  // Most elements a reader asks for hold one text run: return it as it is.
  const only = element.children.length === 1 ? element.children[0] : undefined
  if (only?.kind === 'text') return only.text
  let text = ''
  for (const child of element.children) if (child.kind === 'text') text += child.text
  return text
}

export function attributeValue(element: XmlElement, uri: string, local: string): string | undefined {
  for (const attribute of element.attributes) if (attribute.uri === uri && attribute.local === local) return attribute.value
  return undefined
}

/** `i:nil="true"`: a null reference or string, distinct from an empty string (tmt-format.md §2). */
export function isNil(element: XmlElement | undefined): boolean {
  return element !== undefined && attributeValue(element, XSI_URI, 'nil')?.trim() === 'true'
}
