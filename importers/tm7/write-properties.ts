import type { ListProperty, Property } from '../../model/model'
import { childElement, childElements, isNil, textContent } from '../xml/xml-query'
import type { NamespaceScope } from '../xml/xml-json'
import type { XmlElement, XmlNode } from '../xml/xml-tree'
import { classifyPropertyItem, newClassifyState, selectedIndex, type PropertyFields } from './property-items'
import { ABSTRACTS_NS, ARRAYS_NS, KNOWLEDGE_BASE_NS, OUT_OF_SCOPE_KEY, OUT_OF_SCOPE_REASON_KEY, XML_SCHEMA_NS } from './tm7-namespaces'
import { appendChildren, attribute, element, keepOrSet, updateChild, withChildren } from './xml-build'

/** The model's side of a Properties list: the fields held outside `properties` and the properties. */
export interface PropertyValues {
  readonly name?: string
  readonly outOfScope?: boolean
  readonly outOfScopeReason?: string
  readonly properties: readonly Property[]
  /** The first header's label for a list written from scratch (the type's name, tmt-format.md §7). */
  readonly header: string
}

const fieldsOf = (values: PropertyValues): PropertyFields => ({
  name: values.name !== undefined,
  outOfScope: values.outOfScope !== undefined
})

/**
 * A Properties list for write-back. With the original list, every item is classified as the reader
 * classified it and patched from the model (headers and unknown kinds kept as they are); model
 * properties are matched to items by key, label and kind, unmatched items are dropped (deleted in the
 * app) and unmatched properties appended. Without one, the list is written as TMT writes it.
 */
export function writeProperties(original: XmlElement | undefined, values: PropertyValues, scope: NamespaceScope, declareArrays: boolean): XmlElement {
  if (original === undefined) return newPropertyList(values, scope, declareArrays)
  const fields = fieldsOf(values)
  const state = newClassifyState()
  const unused = [...values.properties]
  const children: XmlNode[] = []
  for (const child of original.children) {
    if (child.kind === 'text') {
      children.push(child)
      continue
    }
    const classified = classifyPropertyItem(child, fields, state)
    switch (classified.role) {
      case 'name':
        children.push(patchValue(child, classified.value, values.name ?? ''))
        break
      case 'outOfScopeReason':
        children.push(patchValue(child, classified.value, values.outOfScopeReason ?? ''))
        break
      case 'outOfScope':
        children.push(patchValue(child, String(classified.value), String(values.outOfScope ?? false)))
        break
      case 'property': {
        const was = classified.property
        const index = unused.findIndex((property) => property.key === was.key && property.label === was.label && property.kind === was.kind)
        const now = unused[index]
        if (now === undefined) break
        unused.splice(index, 1)
        children.push(patchProperty(child, was, now))
        break
      }
      case 'header':
      case 'unknown':
        children.push(child)
    }
  }
  const extra = unused.map((property) => propertyItem(property, scope))
  return appendChildren(withChildren(original, children), extra)
}

const kbChild = (item: XmlElement, local: string, update: (child: XmlElement) => XmlElement): XmlElement =>
  updateChild(item, local, KNOWLEDGE_BASE_NS, update)

function patchValue(item: XmlElement, was: string, now: string): XmlElement {
  return kbChild(item, 'Value', (value) => keepOrSet(value, isNil(value) ? null : was, now))
}

function patchProperty(item: XmlElement, was: Property, now: Property): XmlElement {
  if (now.kind === 'string' && was.kind === 'string') return patchValue(item, was.value, now.value)
  if (now.kind === 'boolean' && was.kind === 'boolean') return patchValue(item, String(was.value), String(now.value))
  if (now.kind !== 'list' || was.kind !== 'list') return item
  let patched = item
  if (now.editable !== was.editable) {
    patched = {
      ...patched,
      attributes: patched.attributes.map((entry) =>
        entry.local === 'type' && entry.name.startsWith('i:')
          ? attribute(entry.name, `${entry.value.slice(0, entry.value.indexOf(':') + 1)}${now.editable ? 'ListDisplayAttribute' : 'StaticListDisplayAttribute'}`)
          : entry
      )
    }
  }
  if (now.options.join('\u0000') !== was.options.join('\u0000') || now.options.length !== was.options.length) {
    patched = kbChild(patched, 'Value', (value) => {
      const optionName = childElements(value, 'string', ARRAYS_NS)[0]?.name ?? 'a:string'
      return withChildren(value, now.options.map((option) => element(optionName, new Map([['a', ARRAYS_NS]]), [], [option])))
    })
  }
  const before = selectedIndex(childElement(patched, 'SelectedIndex', KNOWLEDGE_BASE_NS), was.options.length)
  if (before === now.selected && now.options.length === was.options.length) return patched
  return kbChild(patched, 'SelectedIndex', (selected) => keepOrSet(selected, textContent(selected), selectionText(now)))
}

/** TMT always writes a SelectedIndex; -1 (WPF's "nothing selected") stands for no selection. */
function selectionText(property: ListProperty): string {
  return property.selected === null ? '-1' : String(property.selected)
}

function newPropertyList(values: PropertyValues, scope: NamespaceScope, declareArrays: boolean): XmlElement {
  const declarations: [string, string][] = [['xmlns', ABSTRACTS_NS]]
  if (declareArrays) declarations.push(['xmlns:a', ARRAYS_NS])
  const inner = new Map(scope)
  inner.set('', ABSTRACTS_NS)
  inner.set('a', ARRAYS_NS)
  const items: XmlElement[] = [headerItem(values.header, inner)]
  if (values.name !== undefined) items.push(stringItem('StringDisplayAttribute', 'Name', '', values.name, inner))
  if (values.outOfScope !== undefined) {
    items.push(booleanItem('Out Of Scope', OUT_OF_SCOPE_KEY, values.outOfScope, inner))
    items.push(stringItem('StringDisplayAttribute', 'Reason For Out Of Scope', OUT_OF_SCOPE_REASON_KEY, values.outOfScopeReason ?? '', inner))
  }
  items.push(...values.properties.map((property) => propertyItem(property, inner)))
  return abstractsList(items, declarations, scope)
}

function abstractsList(items: readonly XmlElement[], declarations: readonly [string, string][], scope: NamespaceScope): XmlElement {
  return element('Properties', scope, declarations, items)
}

const KB_DECLARATION: [string, string] = ['xmlns:b', KNOWLEDGE_BASE_NS]
const XSD_DECLARATION: [string, string] = ['xmlns:c', XML_SCHEMA_NS]

function item(kind: string, label: string, key: string, value: XmlElement[], scope: NamespaceScope): XmlElement {
  const inner = new Map(scope)
  inner.set('b', KNOWLEDGE_BASE_NS)
  return element('a:anyType', scope, [['i:type', `b:${kind}`], KB_DECLARATION], [
    element('b:DisplayName', inner, [], [label]),
    element('b:Name', inner, [], [key]),
    ...value
  ])
}

function headerItem(label: string, scope: NamespaceScope): XmlElement {
  return item('HeaderDisplayAttribute', label, '', [element('b:Value', withB(scope), [['i:nil', 'true']])], scope)
}

const withB = (scope: NamespaceScope): NamespaceScope => new Map([...scope, ['b', KNOWLEDGE_BASE_NS]])

function stringItem(kind: string, label: string, key: string, value: string, scope: NamespaceScope): XmlElement {
  return item(kind, label, key, [element('b:Value', withB(scope), [['i:type', 'c:string'], XSD_DECLARATION], [value])], scope)
}

function booleanItem(label: string, key: string, value: boolean, scope: NamespaceScope): XmlElement {
  return item('BooleanDisplayAttribute', label, key, [element('b:Value', withB(scope), [['i:type', 'c:boolean'], XSD_DECLARATION], [String(value)])], scope)
}

/** One property as TMT writes it (tmt-format.md §7); a list carries all options plus SelectedIndex. */
export function propertyItem(property: Property, scope: NamespaceScope): XmlElement {
  switch (property.kind) {
    case 'string':
      return stringItem('StringDisplayAttribute', property.label, property.key, property.value, scope)
    case 'boolean':
      return booleanItem(property.label, property.key, property.value, scope)
    case 'list': {
      const inner = withB(scope)
      const options = property.options.map((option) => element('a:string', inner, [], [option]))
      return item(property.editable ? 'ListDisplayAttribute' : 'StaticListDisplayAttribute', property.label, property.key, [
        element('b:Value', inner, [['i:type', 'a:ArrayOfstring']], options),
        element('b:SelectedIndex', inner, [], [selectionText(property)])
      ], scope)
    }
  }
}
