import type { Random } from './random'
import type { ListProperty } from './synthetic-properties'
import { ARRAYS_NS, EXTERNAL_STORAGE_NS, INTERFACES_NS, KNOWLEDGE_BASE_NS, SERIALIZATION_NS, escapeText, leaf } from './tm7-xml'

/** A generated stencil type: what the diagrams need to refer to it. */
export interface SyntheticElementType {
  readonly id: string
  readonly genericId: string
  readonly label: string
  readonly shape: 'StencilEllipse' | 'StencilRectangle' | 'StencilParallelLines' | 'BorderBoundary' | 'Connector' | 'LineBoundary'
  readonly attributes: readonly ListProperty[]
}

export interface SyntheticThreatType {
  readonly id: string
  readonly category: string
  readonly shortTitle: string
  readonly description: string
}

export interface SyntheticKnowledgeBase {
  readonly xml: (zId: string) => string
  readonly elementTypes: readonly SyntheticElementType[]
  readonly threatTypes: readonly SyntheticThreatType[]
  readonly categoryNames: Readonly<Record<string, string>>
}

/**
 * The generic roots use TMT's well-known ids (GE.P …, tmt-format.md §9.3) because threat rules and stencils
 * refer to them; every name, description, attribute, rule and icon is generated here.
 */
const GENERICS = [
  { id: 'GE.P', representation: 'Ellipse', shape: 'StencilEllipse', label: 'Synthetic Process' },
  { id: 'GE.EI', representation: 'Rectangle', shape: 'StencilRectangle', label: 'Synthetic Interactor' },
  { id: 'GE.DS', representation: 'ParallelLines', shape: 'StencilParallelLines', label: 'Synthetic Store' },
  { id: 'GE.DF', representation: 'Line', shape: 'Connector', label: 'Synthetic Flow' },
  { id: 'GE.TB.L', representation: 'LineBoundary', shape: 'LineBoundary', label: 'Synthetic Line Boundary' },
  { id: 'GE.TB.B', representation: 'BorderBoundary', shape: 'BorderBoundary', label: 'Synthetic Border Boundary' }
] as const

const CATEGORIES: Readonly<Record<string, string>> = {
  S: 'Spoofing',
  T: 'Tampering',
  R: 'Repudiation',
  I: 'Information Disclosure',
  D: 'Denial Of Service',
  E: 'Elevation Of Privilege'
}

export interface KnowledgeBaseSize {
  readonly standardTypesPerGeneric: number
  readonly iconBytes: number
  readonly threatTypes: number
}

export function syntheticKnowledgeBase(random: Random, size: KnowledgeBaseSize): SyntheticKnowledgeBase {
  const elementTypes: SyntheticElementType[] = []
  const generic: string[] = []
  const standard: string[] = []
  for (const root of GENERICS) {
    const attributes = syntheticAttributes(random, root.id, 2)
    elementTypes.push({ id: root.id, genericId: root.id, label: root.label, shape: root.shape, attributes })
    generic.push(elementTypeXml(random, root.id, root.label, 'ROOT', root.representation, attributes, size.iconBytes))
    for (let index = 1; index <= size.standardTypesPerGeneric; index += 1) {
      const id = `SE.${root.id.slice(3)}.Synthetic.${index}`
      const label = `${root.label} Kind ${index}`
      const own = syntheticAttributes(random, id, 1)
      elementTypes.push({ id, genericId: root.id, label, shape: root.shape, attributes: [...attributes, ...own] })
      standard.push(elementTypeXml(random, id, label, root.id, 'Inherited', own, size.iconBytes))
    }
  }
  const threatTypes = Array.from({ length: size.threatTypes }, (_, index): SyntheticThreatType => {
    const category = random.pick(Object.keys(CATEGORIES))
    return {
      id: `SYN${index + 1}`,
      category,
      shortTitle: `${CATEGORIES[category] ?? ''} of {target.Name} via {flow.Name}`,
      description: `{source.Name} ${random.sentence(10)}`
    }
  })
  const xml = (zId: string): string =>
    `<KnowledgeBase z:Id="${zId}" xmlns:a="${KNOWLEDGE_BASE_NS}" xmlns:z="${SERIALIZATION_NS}">` +
    `<a:GenericElements>${generic.join('')}</a:GenericElements>` +
    '<a:Manifest><a:Author>SYNTHETIC\\bench</a:Author><a:Id>5e7a0000-0000-4000-8000-000000000001</a:Id><a:Name>Threatwright synthetic benchmark template</a:Name><a:Version>1.0.0.0</a:Version></a:Manifest>' +
    `<a:StandardElements>${standard.join('')}</a:StandardElements>` +
    `<a:ThreatCategories>${Object.entries(CATEGORIES).map(([id, name]) => categoryXml(random, id, name)).join('')}</a:ThreatCategories>` +
    `<a:ThreatMetaData><IsPriorityUsed>true</IsPriorityUsed><IsStatusUsed>true</IsStatusUsed><PropertiesMetaData>${THREAT_PROPERTIES.map(metaDatumXml).join('')}</PropertiesMetaData></a:ThreatMetaData>` +
    `<a:ThreatTypes>${threatTypes.map((type) => threatTypeXml(random, type, elementTypes)).join('')}</a:ThreatTypes>` +
    '</KnowledgeBase>'
  return { xml, elementTypes, threatTypes, categoryNames: CATEGORIES }
}

function syntheticAttributes(random: Random, owner: string, count: number): ListProperty[] {
  return Array.from({ length: count }, (_, index) => ({
    key: `${owner.replace(/\W/g, '').toLowerCase()}Setting${index + 1}`,
    label: `${owner} setting ${index + 1}`,
    values: ['Not Selected', ...Array.from({ length: 2 + random.integer(3) }, (_, option) => `Option ${option + 1}`)]
  }))
}

/** ElementType members in DataContract order (tmt-format.md §9.3). */
function elementTypeXml(
  random: Random,
  id: string,
  name: string,
  parentId: string,
  representation: string,
  attributes: readonly ListProperty[],
  iconBytes: number
): string {
  const attributeXml = attributes
    .map(
      (attribute) =>
        `<a:Attribute><a:IsExtension>false</a:IsExtension><a:AttributeValues xmlns:b="${INTERFACES_NS}">${attribute.values.map((value) => `<b:Value>${escapeText(value)}</b:Value>`).join('')}</a:AttributeValues>` +
        `<a:DisplayName>${escapeText(attribute.label)}</a:DisplayName><a:Inheritance>Virtual</a:Inheritance><a:Mode>Dynamic</a:Mode><a:Name>${attribute.key}</a:Name><a:Type>List</a:Type></a:Attribute>`
    )
    .join('')
  return (
    `<a:ElementType><a:IsExtension>false</a:IsExtension>${attributes.length === 0 ? '<a:Attributes/>' : `<a:Attributes>${attributeXml}</a:Attributes>`}` +
    `<a:AvailableToBaseModels xmlns:b="${EXTERNAL_STORAGE_NS}"/><a:Behavior i:nil="true"/>${leaf('a:Description', random.sentence(12))}` +
    `<a:Hidden>false</a:Hidden><a:Id>${id}</a:Id><a:ImageLocation>Centered on stencil</a:ImageLocation>` +
    `<a:ImageSource>${syntheticIcon(random, iconBytes)}</a:ImageSource><a:ImageStream i:nil="true"/>` +
    `<a:Name>${escapeText(name)}</a:Name><a:ParentId>${parentId}</a:ParentId><a:Representation>${representation}</a:Representation><a:Shape i:nil="true"/>` +
    '<a:StencilConstraints><a:StencilConstraint><a:IsExtension>false</a:IsExtension><a:SelectedStencilConnection>Any</a:SelectedStencilConnection><a:SelectedStencilType>Any</a:SelectedStencilType></a:StencilConstraint></a:StencilConstraints></a:ElementType>'
  )
}

/** Base64 of the 8-byte PNG signature followed by random bytes: icon-sized data, not a real image. */
function syntheticIcon(random: Random, length: number): string {
  const bytes = new Uint8Array(length)
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
  bytes.set(random.bytes(Math.max(0, length - 8)), 8)
  return Buffer.from(bytes).toString('base64')
}

function categoryXml(random: Random, id: string, name: string): string {
  return `<a:ThreatCategory><a:IsExtension>false</a:IsExtension><a:Id>${id}</a:Id><a:LongDescription/><a:Name>${name}</a:Name>${leaf('a:ShortDescription', random.sentence(14))}</a:ThreatCategory>`
}

interface MetaDatum {
  readonly name: string
  readonly label: string
  readonly hidden: boolean
  readonly values: readonly string[]
  readonly id: string
  readonly attributeType: number
}

/** The fixed threat property names (tmt-format.md §9.4) with ids of our own, plus one custom GUID property. */
const THREAT_PROPERTIES: readonly MetaDatum[] = [
  { name: 'Title', label: 'Title', hidden: false, values: [''], id: '5e7a0001-0000-4000-8000-000000000001', attributeType: 0 },
  { name: 'UserThreatCategory', label: 'Category', hidden: false, values: [], id: '', attributeType: 0 },
  { name: 'UserThreatShortDescription', label: 'Short Description', hidden: true, values: [''], id: '5e7a0001-0000-4000-8000-000000000003', attributeType: 1 },
  { name: 'UserThreatDescription', label: 'Description', hidden: false, values: [''], id: '5e7a0001-0000-4000-8000-000000000004', attributeType: 0 },
  { name: 'StateInformation', label: 'Justification', hidden: false, values: [''], id: '5e7a0001-0000-4000-8000-000000000005', attributeType: 0 },
  { name: 'InteractionString', label: 'Interaction', hidden: false, values: [''], id: '5e7a0001-0000-4000-8000-000000000006', attributeType: 0 },
  { name: 'Priority', label: 'Priority', hidden: false, values: ['High', 'Medium', 'Low'], id: '5e7a0001-0000-4000-8000-000000000007', attributeType: 1 },
  { name: '5e7a0001-0000-4000-8000-000000000008', label: 'Owner Team', hidden: false, values: [''], id: '5e7a0001-0000-4000-8000-000000000008', attributeType: 0 }
]

/** ThreatMetaDatum children in TMT's fixed order Name, Label, HideFromUI, Values, Id, AttributeType (§2, §9.4). */
function metaDatumXml(datum: MetaDatum): string {
  const values =
    datum.values.length === 0
      ? `<Values i:nil="true" xmlns:b="${ARRAYS_NS}"/>`
      : `<Values xmlns:b="${ARRAYS_NS}">${datum.values.map((value) => leaf('b:string', value)).join('')}</Values>`
  const id = datum.id === '' ? '<Id i:nil="true"/>' : `<Id>${datum.id}</Id>`
  return `<ThreatMetaDatum><Name>${datum.name}</Name><Label>${datum.label}</Label><HideFromUI>${String(datum.hidden)}</HideFromUI>${values}${id}<AttributeType>${datum.attributeType}</AttributeType></ThreatMetaDatum>`
}

function threatTypeXml(random: Random, type: SyntheticThreatType, elementTypes: readonly SyntheticElementType[]): string {
  const target = random.pick(elementTypes.filter((candidate) => candidate.shape.startsWith('Stencil')))
  const include = `source is 'GE.P' and target is '${target.id}'`
  const defaults: MetaDatum[] = [
    { name: 'UserThreatDescription', label: 'Description', hidden: false, values: [type.description], id: '5e7a0001-0000-4000-8000-000000000004', attributeType: 0 },
    { name: 'Priority', label: 'Priority', hidden: false, values: [random.pick(['High', 'Medium', 'Low'])], id: '5e7a0001-0000-4000-8000-000000000007', attributeType: 1 }
  ]
  return (
    `<a:ThreatType><a:IsExtension>false</a:IsExtension><a:Category>${type.category}</a:Category>${leaf('a:Description', type.description)}` +
    `<a:GenerationFilters><a:Exclude>flow.${target.attributes[0]?.key ?? 'setting'} is 'Option 1'</a:Exclude><a:Include>${escapeText(include)}</a:Include></a:GenerationFilters>` +
    `<a:Id>${type.id}</a:Id><a:PropertiesMetaData>${defaults.map(metaDatumXml).join('')}</a:PropertiesMetaData><a:RelatedCategory i:nil="true"/>` +
    `${leaf('a:ShortTitle', type.shortTitle)}</a:ThreatType>`
  )
}
