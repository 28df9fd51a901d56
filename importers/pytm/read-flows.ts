import type { DataAssetId, ElementId, FlowId } from '../../model/ids'
import { INHERITABLE_FLOW_KEYS } from '../../vocabularies/pytm/flow-defaults'
import { attributesOf } from '../../vocabularies/pytm/pytm-classes'
import type { RawPytmItem } from './pytm-names'
import type { PytmReadContext } from './pytm-read-context'
import { readAttributes, type ReadAttributes } from './read-attributes'
import { COMMON_KEYS, readCommonFields, type CommonFields, type PytmNames } from './read-common-fields'

export interface ReadFlow {
  readonly id: FlowId
  readonly name: string
  readonly source: ElementId | null
  readonly sink: ElementId | null
  readonly data: readonly DataAssetId[]
  /** The request this flow answers, as the file states it (the dump's `responseTo`). */
  readonly responseTo: FlowId | null
  readonly common: CommonFields
  readonly attributes: ReadAttributes
  /** Inheritable keys the file set on this flow; check() fills only the others in pytm 1.3.1 (pytm.md §2). */
  readonly setInSource: readonly string[]
}

/** `response` is the dump's mirror of the request's `responseTo`, so it is recomputed, not read. */
const FLOW_KEYS: ReadonlySet<string> = new Set([...COMMON_KEYS, 'source', 'sink', 'data', 'responseTo', 'response'])

export function readFlow(item: RawPytmItem, names: PytmNames, context: PytmReadContext): ReadFlow {
  const { object, path } = item
  const attributes = readAttributes(item, attributesOf('Dataflow'), FLOW_KEYS, context)
  return {
    id: names.flows.idOf(item.name) ?? (item.name as FlowId),
    name: item.name,
    source: names.elements.resolveKey(object, path, 'source', context),
    sink: names.elements.resolveKey(object, path, 'sink', context),
    data:
      object.data === undefined || object.data === null ? [] : names.data.resolveList(object.data, [...path, 'data'], 'data', context),
    responseTo: readResponseTo(item, names, context),
    common: readCommonFields(item, names, context),
    attributes,
    setInSource: INHERITABLE_FLOW_KEYS.filter((key) => attributes.present.has(key))
  }
}

/**
 * The dump names the request in `responseTo`. pytm's loader rejects a string there (pytm.md §4) and
 * expects `isResponse: true` instead; it is still read, since its meaning is plain, with a warning.
 */
function readResponseTo(item: RawPytmItem, names: PytmNames, context: PytmReadContext): FlowId | null {
  const value = item.object.responseTo
  if (value === undefined || value === null) return null
  return names.flows.resolve(value, [...item.path, 'responseTo'], 'responseTo', context)
}
