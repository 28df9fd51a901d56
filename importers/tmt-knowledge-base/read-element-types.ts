import type { JsonValue } from '../../model/json'
import type { AttributeDefinition, ElementType, Representation } from '../../model/template'
import type { XmlElement } from '../xml/xml-tree'
import { extensionsWith, membersOf, warn, type KnowledgeBaseReading } from './knowledge-base-reading'
import { isNil, textContent } from '../xml/xml-query'
import { childrenNamed } from './xml-members'

/** TMT's Representation values (tmt-format.md §9.3), all eight seen in the corpus. */
const REPRESENTATIONS: Readonly<Record<string, Representation>> = {
  Ellipse: 'ellipse',
  Rectangle: 'rectangle',
  ParallelLines: 'parallelLines',
  Line: 'line',
  LineBoundary: 'lineBoundary',
  BorderBoundary: 'borderBoundary',
  Annotation: 'annotation',
  Inherited: 'inherited'
}

/**
 * The element types of `GenericElements` then `StandardElements` (§9.3). Generic types are the roots
 * (parent `ROOT`), so the parent id alone tells the two apart; which container a type came from is kept
 * in the extension bag only when it disagrees with that.
 */
export function readElementTypes(reading: KnowledgeBaseReading, knowledgeBase: XmlElement, basePath: string): ElementType[] {
  const { memberUri } = reading.dialect
  const types: ElementType[] = []
  for (const container of ['GenericElements', 'StandardElements'] as const) {
    for (const [index, element] of childrenOf(knowledgeBase, container, memberUri).entries()) {
      types.push(readElementType(reading, element, `${basePath}/${container}/ElementType[${index + 1}]`, container))
    }
  }
  return types
}

function childrenOf(knowledgeBase: XmlElement, container: string, uri: string): XmlElement[] {
  const holder = childrenNamed(knowledgeBase, { uri, local: container })
  return holder.flatMap((element) => childrenNamed(element, { uri, local: 'ElementType' }))
}

function readElementType(
  reading: KnowledgeBaseReading,
  element: XmlElement,
  path: string,
  container: 'GenericElements' | 'StandardElements'
): ElementType {
  const { dialect } = reading
  const members = membersOf(reading, element, path, dialect.memberUri)
  const id = members.text(dialect.elementTypeId)
  if (id === '') warn(reading, 'template.element-type.no-id', 'this element type has no id; stencils cannot refer to it', path)
  const parentId = members.text(dialect.elementTypeParent)
  const representationText = members.text('Representation')
  const representation = REPRESENTATIONS[representationText]
  if (representation === undefined) {
    warn(
      reading,
      'template.element-type.representation',
      `unknown Representation "${representationText}" on element type "${id}"; it is drawn like its parent`,
      `${path}/Representation`
    )
  }
  const attributesElement = members.element('Attributes')
  const attributes = attributesElement === undefined ? [] : readAttributes(reading, attributesElement, `${path}/Attributes`)
  const base = {
    id,
    name: members.text('Name'),
    description: members.text('Description'),
    parentId,
    representation: representation ?? 'inherited',
    hidden: members.flag('Hidden'),
    attributes,
    image: members.text(dialect.elementTypeImage)
  }
  const kept: Record<string, JsonValue> = { ...members.unread() }
  if (representation === undefined && representationText !== '') kept['Representation'] = representationText
  if ((container === 'GenericElements') !== (parentId === 'ROOT')) kept['container'] = container
  return { ...base, extensions: extensionsWith(reading, kept) }
}

function readAttributes(reading: KnowledgeBaseReading, attributes: XmlElement, path: string): AttributeDefinition[] {
  const { memberUri, attributeValue } = reading.dialect
  return childrenNamed(attributes, { uri: memberUri, local: 'Attribute' }).map((element, index) => {
    const attributePath = `${path}/Attribute[${index + 1}]`
    const members = membersOf(reading, element, attributePath, memberUri)
    const modeText = members.text('Mode')
    if (modeText !== 'Dynamic' && modeText !== 'Static') {
      warn(reading, 'template.attribute.mode', `unknown attribute Mode "${modeText}"; read as Dynamic (editable)`, `${attributePath}/Mode`)
    }
    const valuesElement = members.element('AttributeValues')
    const values =
      valuesElement === undefined
        ? []
        : childrenNamed(valuesElement, attributeValue)
            .filter((value) => !isNil(value))
            .map((value) => textContent(value).trim())
    return {
      key: members.text('Name'),
      label: members.text('DisplayName'),
      mode: modeText === 'Static' ? 'static' : 'dynamic',
      values,
      extensions: extensionsWith(reading, { ...members.unread(), ...(modeText === 'Dynamic' || modeText === 'Static' ? {} : { Mode: modeText }) })
    }
  })
}
