import type { ElementKind } from '../../model/enums'
import type { BoundaryId, DataAssetId, ElementId } from '../../model/ids'
import { attributesOf, isPytmClassName, LOADER_ELEMENT_CLASSES, type PytmClassName } from '../../vocabularies/pytm/pytm-classes'
import type { RawPytmItem } from './pytm-names'
import type { PytmReadContext } from './pytm-read-context'
import { readAttributes, type ReadAttributes } from './read-attributes'
import { COMMON_KEYS, readCommonFields, type CommonFields, type PytmNames } from './read-common-fields'

export interface ReadElement {
  readonly id: ElementId
  readonly name: string
  readonly className: PytmClassName
  readonly kind: ElementKind
  readonly common: CommonFields
  readonly attributes: ReadAttributes
  readonly data: readonly DataAssetId[]
}

export interface ReadBoundary {
  readonly id: BoundaryId
  readonly name: string
  readonly common: CommonFields
  readonly attributes: ReadAttributes
}

/**
 * DFD kinds of pytm's classes: actors and external entities are outside the system, a datastore stores,
 * everything else runs code. `Asset` is pytm's default class and is most often a server, so a process.
 */
const KIND_OF_CLASS: Readonly<Partial<Record<PytmClassName, ElementKind>>> = {
  Actor: 'externalInteractor',
  ExternalEntity: 'externalInteractor',
  Datastore: 'dataStore'
}

const ELEMENT_KEYS: ReadonlySet<string> = new Set([...COMMON_KEYS, '__class__', 'data', 'inputs', 'outputs'])
const BOUNDARY_KEYS: ReadonlySet<string> = new Set(COMMON_KEYS)

export function readElement(item: RawPytmItem, names: PytmNames, context: PytmReadContext): ReadElement | null {
  const className = elementClass(item, context)
  if (className === null) return null
  return {
    id: names.elements.idOf(item.name) ?? (item.name as ElementId),
    name: item.name,
    className,
    kind: KIND_OF_CLASS[className] ?? 'process',
    common: readCommonFields(item, names, context),
    attributes: readAttributes(item, attributesOf(className), ELEMENT_KEYS, context),
    data:
      item.object.data === undefined || item.object.data === null
        ? []
        : names.data.resolveList(item.object.data, [...item.path, 'data'], 'data', context)
  }
}

export function readBoundary(item: RawPytmItem, names: PytmNames, context: PytmReadContext): ReadBoundary {
  return {
    id: names.boundaries.idOf(item.name) ?? (item.name as BoundaryId),
    name: item.name,
    common: readCommonFields(item, names, context),
    attributes: readAttributes(item, attributesOf('Boundary'), BOUNDARY_KEYS, context)
  }
}

/** `__class__`, which the loader defaults to Asset and restricts to the drawable element classes (pytm.md §4). */
function elementClass(item: RawPytmItem, context: PytmReadContext): PytmClassName | null {
  const raw = item.object.__class__
  if (raw === undefined) return 'Asset'
  if (typeof raw === 'string' && isPytmClassName(raw) && LOADER_ELEMENT_CLASSES.includes(raw)) return raw
  context.error(
    'pytm.class',
    // JSON.stringify, not String(): an object with its own "toString" key makes String() throw (found by
    // fuzzing, tests/fixtures/fuzz/pytm-class-object-with-tostring-key.json). Strings read as before.
    `${JSON.stringify(raw)} is not a pytm element class; expected one of ${LOADER_ELEMENT_CLASSES.join(', ')}`,
    [...item.path, '__class__']
  )
  return null
}
