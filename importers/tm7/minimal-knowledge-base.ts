import type { NamespaceScope } from '../xml/xml-json'
import type { XmlElement } from '../xml/xml-tree'
import { ARRAYS_NS, EXTERNAL_STORAGE_NS, KNOWLEDGE_BASE_NS, MODEL_NS, SERIALIZATION_NS } from './tm7-namespaces'
import { element, member } from './xml-build'

/**
 * The KnowledgeBase written into a .tm7 for a model that did not come from TMT: only the generic
 * element types every TMT template derives from (tmt-format.md §9.3) and the threat property schema
 * (§9.4), in DataContract member order, with Threatwright's own descriptions. No threat types: TMT
 * only needs them to generate threats, and Microsoft's template text is not ours to copy.
 */
const GENERIC_TYPES: readonly { id: string; name: string; description: string; representation: string }[] = [
  { id: 'GE.P', name: 'Generic Process', description: 'Code that runs: a service, an application, a function.', representation: 'Ellipse' },
  { id: 'GE.EI', name: 'Generic External Interactor', description: 'A person or system outside the modelled system.', representation: 'Rectangle' },
  { id: 'GE.DS', name: 'Generic Data Store', description: 'Data at rest: a database, a file, a queue.', representation: 'ParallelLines' },
  { id: 'GE.DF', name: 'Generic Data Flow', description: 'Data moving from one element to another.', representation: 'Line' },
  { id: 'GE.TB.L', name: 'Generic Trust Line Boundary', description: 'A line where the level of trust changes.', representation: 'LineBoundary' },
  { id: 'GE.TB.B', name: 'Generic Trust Border Boundary', description: 'An area inside which one level of trust applies.', representation: 'BorderBoundary' },
  { id: 'GE.A', name: 'Free Text Annotation', description: 'A note drawn on the diagram.', representation: 'Annotation' }
]

const STRIDE: readonly { id: string; name: string; description: string }[] = [
  { id: 'S', name: 'Spoofing', description: 'Pretending to be someone or something else.' },
  { id: 'T', name: 'Tampering', description: 'Changing data or code without permission.' },
  { id: 'R', name: 'Repudiation', description: 'Denying an action when nothing can prove it.' },
  { id: 'I', name: 'Information Disclosure', description: 'Exposing information to someone not allowed to see it.' },
  { id: 'D', name: 'Denial Of Service', description: 'Making a service unavailable or degraded.' },
  { id: 'E', name: 'Elevation Of Privilege', description: 'Gaining capabilities without authorisation.' }
]

/** The threat properties TMT fills (tmt-format.md §8, §9.4): key, label, list values. */
const THREAT_PROPERTIES: readonly { name: string; label: string; values: readonly string[]; hidden: boolean; type: string }[] = [
  { name: 'Title', label: 'Title', values: [], hidden: false, type: '0' },
  { name: 'UserThreatCategory', label: 'Category', values: [], hidden: false, type: '0' },
  { name: 'UserThreatShortDescription', label: 'Short Description', values: [], hidden: true, type: '0' },
  { name: 'UserThreatDescription', label: 'Description', values: [], hidden: false, type: '0' },
  { name: 'StateInformation', label: 'Justification', values: [], hidden: false, type: '0' },
  { name: 'InteractionString', label: 'Interaction', values: [], hidden: false, type: '0' },
  { name: 'Priority', label: 'Priority', values: ['High', 'Medium', 'Low'], hidden: false, type: '1' }
]

export const MINIMAL_TEMPLATE = { id: '5f0c2a61-8e0b-4c7e-9a57-3b1d2e4f6a70', name: 'Threatwright generic elements', version: '1.0.0.0' }

export function minimalKnowledgeBase(scope: NamespaceScope): XmlElement {
  const inner = new Map([...scope, ['a', KNOWLEDGE_BASE_NS], ['z', SERIALIZATION_NS]])
  const a = (local: string, text: string | null): XmlElement => member(`a:${local}`, text, inner)
  const list = (local: string, items: readonly XmlElement[]): XmlElement => element(`a:${local}`, inner, [], items)
  const elementType = (type: (typeof GENERIC_TYPES)[number]): XmlElement =>
    list('ElementType', [
      a('IsExtension', 'false'),
      list('Attributes', []),
      element('a:AvailableToBaseModels', inner, [['xmlns:b', EXTERNAL_STORAGE_NS]]),
      a('Behavior', null),
      a('Description', type.description),
      a('Hidden', 'false'),
      a('Id', type.id),
      a('ImageLocation', 'Centered on stencil'),
      a('ImageSource', null),
      a('ImageStream', null),
      a('Name', type.name),
      a('ParentId', 'ROOT'),
      a('Representation', type.representation),
      a('Shape', null),
      list('StencilConstraints', [])
    ])
  const model = (local: string, children: readonly (XmlElement | string)[]): XmlElement => element(local, inner, [], children)
  const datum = (property: (typeof THREAT_PROPERTIES)[number]): XmlElement =>
    model('ThreatMetaDatum', [
      model('Name', [property.name]),
      model('Label', [property.label]),
      model('HideFromUI', [String(property.hidden)]),
      element('Values', inner, [['xmlns:b', ARRAYS_NS]], property.values.map((value) => element('b:string', new Map([...inner, ['b', ARRAYS_NS]]), [], [value]))),
      element('Id', inner, [['i:nil', 'true']]),
      model('AttributeType', [property.type])
    ])
  return element('KnowledgeBase', new Map([...scope, ['', MODEL_NS]]), [['z:Id', 'i0'], ['xmlns:a', KNOWLEDGE_BASE_NS], ['xmlns:z', SERIALIZATION_NS]], [
    list('GenericElements', GENERIC_TYPES.map(elementType)),
    list('Manifest', [a('Author', 'Threatwright'), a('Id', MINIMAL_TEMPLATE.id), a('Name', MINIMAL_TEMPLATE.name), a('Version', MINIMAL_TEMPLATE.version)]),
    list('StandardElements', []),
    list('ThreatCategories', STRIDE.map((category) => list('ThreatCategory', [
      a('IsExtension', 'false'),
      a('Id', category.id),
      a('LongDescription', ''),
      a('Name', category.name),
      a('ShortDescription', category.description)
    ]))),
    list('ThreatMetaData', [model('IsPriorityUsed', ['true']), model('IsStatusUsed', ['true']), model('PropertiesMetaData', THREAT_PROPERTIES.map(datum))]),
    list('ThreatTypes', [])
  ])
}

