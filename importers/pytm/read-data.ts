import type { DataAssetId, ElementId, FlowId } from '../../model/ids'
import type { JsonObject } from '../../model/json'
import { DATA_ATTRIBUTES, INHERITABLE_DATA_KEYS } from '../../vocabularies/pytm/pytm-classes'
import type { RawPytmItem } from './pytm-names'
import type { PytmReadContext } from './pytm-read-context'
import { readAttributes, type ReadAttributes } from './read-attributes'
import { stringField, type PytmNames } from './read-common-fields'

export interface ReadData {
  readonly id: DataAssetId
  readonly name: string
  readonly description: string
  readonly attributes: ReadAttributes
  readonly carriedBy: readonly FlowId[]
  readonly processedBy: readonly ElementId[]
  readonly setInSource: readonly string[]
  /** Unknown keys, and `lifetime`, kept so a re-export loses nothing. */
  readonly extra: JsonObject
}

const DATA_KEYS: ReadonlySet<string> = new Set(['name', 'description', 'carriedBy', 'processedBy', 'lifetime'])

export function readData(item: RawPytmItem, names: PytmNames, context: PytmReadContext): ReadData {
  const { object, path } = item
  if ('lifetime' in object) {
    // pytm's loader converts "lifetime" but Data has no such field, so the value is ignored (pytm.md §4).
    context.warning(
      'pytm.data.lifetime',
      'pytm ignores "lifetime" on data (it is not a Data field), so credentialsLife stays NONE; use "credentialsLife"',
      [...path, 'lifetime']
    )
  }
  const attributes = readAttributes(item, DATA_ATTRIBUTES, DATA_KEYS, context)
  return {
    id: names.data.idOf(item.name) ?? (item.name as DataAssetId),
    name: item.name,
    description: stringField(object, 'description', path, context),
    attributes,
    carriedBy: names.flows.resolveList(object.carriedBy, [...path, 'carriedBy'], 'carriedBy', context),
    processedBy: names.elements.resolveList(object.processedBy, [...path, 'processedBy'], 'processedBy', context),
    setInSource: INHERITABLE_DATA_KEYS.filter((key) => attributes.present.has(key)),
    extra: 'lifetime' in object ? { ...attributes.extra, lifetime: object.lifetime as JsonObject[string] } : attributes.extra
  }
}
