import { boundariesContaining, boundaryNesting } from '../../model/geometry'
import type { JsonObject, JsonValue } from '../../model/json'
import type { Assumption, DataAsset, Diagram, DiagramElement, Flow, TrustBoundary } from '../../model/model'
import { bagList, bagObject, bagStrings, pytmBagOf } from './pytm-bag-read'
import { attributesOf, DATA_ATTRIBUTES, isPytmClassName, LOADER_ELEMENT_CLASSES, type PytmClassName } from '../../vocabularies/pytm/pytm-classes'
import { pytmClassificationMember } from './pytm-classification'
import { enumMemberOf } from '../../vocabularies/pytm/pytm-enums'
import { writeAttributes, type WrittenAttributes } from './write-attributes'

/** Names chosen for the written file, by model id, and what to report about the write. */
export interface WriteNames {
  readonly of: (id: string) => string | undefined
  readonly note: (message: string) => void
}

/** Element kinds in pytm's classes, for elements that do not carry a pytm class (made in the app, other formats). */
const CLASS_OF_KIND: Readonly<Record<DiagramElement['kind'], PytmClassName | null>> = {
  process: 'Process',
  externalInteractor: 'ExternalEntity',
  dataStore: 'Datastore',
  annotation: null
}

export function loaderClassOf(element: DiagramElement): PytmClassName | null {
  const typeId = element.typeId
  if (isPytmClassName(typeId) && LOADER_ELEMENT_CLASSES.includes(typeId)) return typeId
  return CLASS_OF_KIND[element.kind]
}

export function writeBoundary(boundary: TrustBoundary, diagram: Diagram, names: WriteNames, itemAssumptions: JsonValue[]): JsonObject {
  const parent = boundaryNesting(diagram).get(boundary.id) ?? null
  const inScope = boundary.properties.find((property) => property.key === 'inScope')
  return item(names.of(boundary.id) ?? boundary.name, boundary.description, {
    inBoundary: parent === null ? undefined : names.of(parent),
    inScope: inScope?.kind === 'boolean' && !inScope.value ? false : undefined,
    attributes: reported(writeAttributes(boundary.properties.filter((property) => property !== inScope), attributesOf('Boundary'), new Set()), boundary.name, names),
    bag: pytmBagOf(boundary.extensions),
    assumptions: itemAssumptions
  })
}

export function writeElement(
  element: DiagramElement,
  className: PytmClassName,
  diagram: Diagram,
  names: WriteNames,
  itemAssumptions: JsonValue[]
): JsonObject {
  const boundary = boundariesContaining(diagram, element.id)[0]
  if (element.dataStored.length > 0) {
    names.note(
      `element "${element.name}" holds data (${element.dataStored.length}) that is not written: pytm's loader resolves data names on flows only`
    )
  }
  return {
    __class__: className,
    ...item(names.of(element.id) ?? element.name, element.description, {
      inBoundary: boundary === undefined ? undefined : names.of(boundary.id),
      inScope: element.outOfScope ? false : undefined,
      attributes: reported(writeAttributes(element.properties, attributesOf(className), new Set()), element.name, names),
      bag: pytmBagOf(element.extensions),
      assumptions: itemAssumptions
    })
  }
}

export function writeFlow(flow: Flow, source: string, sink: string, names: WriteNames, itemAssumptions: JsonValue[]): JsonObject {
  const bag = pytmBagOf(flow.extensions)
  const attributes = reported(
    writeAttributes(flow.properties, attributesOf('Dataflow'), new Set(bagStrings(bag, 'setInSource'))),
    flow.name,
    names
  )
  // pytm's loader rejects `responseTo` as a string; `isResponse` makes check() pair it (pytm.md §4).
  if (flow.responseTo !== null) attributes.fields.isResponse = true
  const data = [...flow.dataSent, ...flow.dataReceived].map((id) => names.of(id)).filter((name) => name !== undefined)
  if (flow.dataReceived.length > 0) {
    names.note(`flow "${flow.name}" receives data in return, which a pytm flow cannot; it is written as data sent`)
  }
  return {
    name: names.of(flow.id) ?? flow.name,
    source,
    sink,
    ...item(null, flow.description, {
      inScope: flow.outOfScope ? false : undefined,
      attributes,
      bag,
      assumptions: itemAssumptions,
      data: data.length > 0 ? data : undefined
    })
  }
}

/** Data in the loader's `data` section: classification by member name, credentialsLife by value (pytm.md §4). */
export function writeData(asset: DataAsset, names: WriteNames): JsonObject {
  const bag = pytmBagOf(asset.extensions)
  const keep = new Set(bagStrings(bag, 'setInSource'))
  const object: Record<string, JsonValue> = { name: names.of(asset.id) ?? asset.name }
  if (asset.description !== '') object.description = asset.description
  const classification = pytmClassificationMember(asset.classification)
  if (classification !== 'UNKNOWN') object.classification = classification
  for (const attribute of DATA_ATTRIBUTES) {
    if (attribute.key === 'classification') continue
    const value = bag[attribute.key]
    if (value === undefined || (value === attribute.type.default && !keep.has(attribute.key))) continue
    object[attribute.key] =
      attribute.type.kind === 'enum' ? (enumMemberOf(attribute.type.enum, value)?.value ?? attribute.type.default) : value
  }
  return { ...object, ...bagObject(bag, 'extra') }
}

/** A TM or item assumption: a plain name when that is all it says, which every pytm version reads. */
export function writeAssumption(assumption: Assumption): JsonValue {
  const exclude = bagStrings(pytmBagOf(assumption.extensions), 'exclude')
  if (exclude.length === 0 && assumption.description === '') return assumption.title
  return {
    name: assumption.title,
    ...(assumption.description === '' ? {} : { description: assumption.description }),
    ...(exclude.length === 0 ? {} : { exclude })
  }
}

interface ItemParts {
  readonly inBoundary?: string | undefined
  readonly inScope?: false | undefined
  readonly attributes: WrittenAttributes
  readonly bag: JsonObject
  readonly assumptions: JsonValue[]
  readonly data?: JsonValue[] | undefined
}

/** The fields every pytm Element shares, in one fixed order so the same model always gives the same bytes. */
function item(name: string | null, description: string, parts: ItemParts): JsonObject {
  const object: Record<string, JsonValue> = {}
  if (name !== null) object.name = name
  if (description !== '') object.description = description
  if (parts.inBoundary !== undefined) object.inBoundary = parts.inBoundary
  if (parts.inScope === false) object.inScope = false
  if (parts.data !== undefined) object.data = parts.data
  Object.assign(object, parts.attributes.fields)
  const controls = { ...parts.attributes.controls, ...bagObject(parts.bag, 'extraControls') }
  if (Object.keys(controls).length > 0) object.controls = controls
  for (const key of ['levels', 'sourceFiles', 'overrides']) {
    const list = bagList(parts.bag, key)
    if (list !== null) object[key] = list
  }
  if (parts.assumptions.length > 0) object.assumptions = parts.assumptions
  return { ...object, ...bagObject(parts.bag, 'extra') }
}

function reported(written: WrittenAttributes, itemName: string, names: WriteNames): WrittenAttributes {
  if (written.foreign.length > 0) {
    names.note(`"${itemName}": ${written.foreign.length} properties are not pytm attributes and are not written (${written.foreign.join(', ')})`)
  }
  if (written.invalid.length > 0) {
    names.note(`"${itemName}": ${written.invalid.join(', ')} hold values pytm cannot take; pytm's defaults apply`)
  }
  return written
}
