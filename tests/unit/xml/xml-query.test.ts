import { describe, expect, it } from 'vitest'
import { childElement } from '../../../importers/xml/xml-query'
import type { XmlElement, XmlNode } from '../../../importers/xml/xml-tree'

const A = 'urn:a'
const B = 'urn:b'

function element(local: string, uri: string, children: XmlNode[] = []): XmlElement {
  return { kind: 'element', name: local, uri, local, attributes: [], children }
}

/** A parent with whitespace between `count` members m0…, like a pretty-printed DataContract object. */
function wide(count: number): { parent: XmlElement; children: XmlNode[] } {
  const children: XmlNode[] = []
  for (let index = 0; index < count; index++) children.push({ kind: 'text', text: '\n  ' }, element(`m${index}`, A))
  return { parent: element('Value', A, children), children }
}

describe('childElement', () => {
  it('finds the first child of a name on small and wide parents alike', () => {
    for (const count of [3, 40]) {
      const { parent } = wide(count)
      expect(childElement(parent, 'm0')?.local).toBe('m0')
      expect(childElement(parent, `m${count - 1}`, A)?.local).toBe(`m${count - 1}`)
      expect(childElement(parent, 'absent')).toBeUndefined()
    }
  })

  it('resolves by namespace: a same-named child in another namespace is not the one asked for', () => {
    const { parent, children } = wide(20)
    children.splice(1, 0, element('Key', B))
    children.push(element('Key', A))
    expect(childElement(parent, 'Key', A)?.uri).toBe(A)
    expect(childElement(parent, 'Key', B)?.uri).toBe(B)
    // Without a namespace the first in document order, whatever its namespace.
    expect(childElement(parent, 'Key')?.uri).toBe(B)
    expect(childElement(parent, 'Key', 'urn:c')).toBeUndefined()
  })

})
