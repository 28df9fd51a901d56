/**
 * CONTRACT written by the lead: the order-preserving, namespace-aware XML tree every XML reader
 * (.tm7, .tb7) works on, and that the XML serializer writes back. Readers resolve names by namespace
 * URI (`uri` + `local`), never by prefix: TMT uses `a:`/`b:` for different namespaces in different
 * subtrees of one file (tmt-format.md §2). `name` and the attribute list keep the spelling and order
 * as written, so an unedited tree serialises back to the same bytes.
 */
export interface XmlAttribute {
  /** As written, with its prefix: `z:Id`, `xmlns:a`, `i:type`. */
  readonly name: string
  /** The namespace URI the prefix resolves to ('' for none; xmlns declarations have the xmlns URI). */
  readonly uri: string
  readonly local: string
  readonly value: string
}

export interface XmlElement {
  readonly kind: 'element'
  /** The qualified name as written (`a:KeyValueOfguidanyType`). */
  readonly name: string
  readonly uri: string
  readonly local: string
  /** In document order, namespace declarations included. */
  readonly attributes: readonly XmlAttribute[]
  readonly children: readonly XmlNode[]
}

/** Character data, entities decoded (`&#xD;` is a CR here). Whitespace between elements is kept. */
export interface XmlText {
  readonly kind: 'text'
  readonly text: string
}

export type XmlNode = XmlElement | XmlText

export const XMLNS_URI = 'http://www.w3.org/2000/xmlns/'
export const XSI_URI = 'http://www.w3.org/2001/XMLSchema-instance'
