import type { Canonical, Classification } from '../../model/enums'
import type { JsonObject } from '../../model/json'
import type { DataAsset, Diagram, Flow } from '../../model/model'
import { enumMemberName } from '../../vocabularies/pytm/pytm-enums'
import { bagStrings, pytmBag } from './model-bag'
import { DATA_DEFAULTS } from './pytm-attributes'
import { plainView } from './item-views'
import type { PytmViews } from './pytm-views'
import { defaultValue } from './property-values'
import { enumMember, isEnumMember, isPythonObject, type PythonObject, type PythonValue } from './python-values'

/** For data classified in the app, without a pytm member: the nearest pytm member, never a higher one. */
const MEMBER_OF_CLASSIFICATION: Readonly<Record<Classification, string>> = {
  public: 'PUBLIC',
  internal: 'RESTRICTED',
  restricted: 'RESTRICTED',
  confidential: 'SENSITIVE',
  strictlyConfidential: 'SECRET'
}

/**
 * Data as conditions see it after `check()` (pytm.md §2): stored data takes isDest/SourceEncryptedAtRest
 * from the ends' `isEncryptedAtRest`, a credentials lifetime implies `isCredentials`, and credentials
 * without a lifetime get UNKNOWN. pytm sets these on the shared Data object, flow by flow; with 1.3.1's
 * write-once attributes the first flow wins and values the file set are kept.
 */
/** What fill() reads of a data item's source record. */
interface DataSource {
  readonly bag: JsonObject
  readonly setInSource: ReadonlySet<string>
}

export class PytmDataDefaults {
  private filled: Map<string, Map<string, PythonValue>> | null = null
  private readonly sources = new Map<DataAsset, DataSource>()

  constructor(private readonly views: PytmViews) {}

  view(asset: DataAsset): PythonObject {
    const bag = pytmBag(asset.extensions)
    return plainView('Data', (name) => {
      if (name === 'name') return asset.name
      if (name === 'description') return asset.description
      if (name === 'classification') return enumMember('Classification', classificationMember(asset.classification))
      const expected = DATA_DEFAULTS[name]
      if (expected === undefined) return undefined
      const filled = this.fill().get(asset.id)?.get(name)
      if (filled !== undefined) return filled
      return bagValue(bag[name], expected)
    })
  }

  private fill(): Map<string, Map<string, PythonValue>> {
    if (this.filled !== null) return this.filled
    const filled = new Map<string, Map<string, PythonValue>>()
    this.filled = filled
    for (const diagram of this.views.threatModel.diagrams) {
      for (const flow of diagram.flows) this.fillFrom(flow, diagram, filled)
    }
    return filled
  }

  private fillFrom(flow: Flow, diagram: Diagram, filled: Map<string, Map<string, PythonValue>>): void {
    for (const id of this.views.flowData(flow)) {
      const asset = this.views.dataAsset(id)
      if (asset === undefined) continue
      const { bag, setInSource } = this.sourceOf(asset)
      const values = filled.get(id) ?? new Map<string, PythonValue>()
      filled.set(id, values)
      const current = (key: string): PythonValue => values.get(key) ?? bagValue(bag[key], DATA_DEFAULTS[key] ?? false)
      const isSet = (key: string): boolean =>
        setInSource.has(key) || values.has(key) || !sameValue(bagValue(bag[key], DATA_DEFAULTS[key] ?? false), defaultValue(DATA_DEFAULTS[key] ?? false))
      const fillIn = (key: string, value: PythonValue | undefined): void => {
        if (value !== undefined && !isSet(key)) values.set(key, value)
      }
      if (current('isStored') === true) {
        fillIn('isDestEncryptedAtRest', this.endControl(flow.target, diagram, 'isEncryptedAtRest'))
        fillIn('isSourceEncryptedAtRest', this.endControl(flow.source, diagram, 'isEncryptedAtRest'))
      }
      const life = current('credentialsLife')
      if (isEnumMember(life) && life.member !== 'NONE' && current('isCredentials') !== true) fillIn('isCredentials', true)
      if (current('isCredentials') === true && isEnumMember(life) && life.member === 'NONE') {
        fillIn('credentialsLife', enumMember('Lifetime', 'UNKNOWN'))
      }
    }
  }

  /** A data item's pytm bag and the keys the file set on it, read once per item: fill() visits an item once per flow carrying it. */
  private sourceOf(asset: DataAsset): DataSource {
    let source = this.sources.get(asset)
    if (source === undefined) {
      const bag = pytmBag(asset.extensions)
      source = { bag, setInSource: new Set(bagStrings(bag, 'setInSource')) }
      this.sources.set(asset, source)
    }
    return source
  }

  private endControl(id: string | null, diagram: Diagram, control: string): PythonValue | undefined {
    const element = this.views.elementOf(id)
    if (element === undefined) return undefined
    const controls = this.views.element(element, diagram).attribute('controls')
    return controls !== undefined && isPythonObject(controls) ? controls.attribute(control) : undefined
  }
}

/** The pytm member of a data asset's classification: its raw member when it has one. */
export function classificationMember(classification: Canonical<Classification> | null): string {
  if (classification === null) return 'UNKNOWN'
  const raw = classification.raw === null ? null : enumMemberName('Classification', classification.raw)
  if (raw !== null) return raw
  return classification.value === null ? 'UNKNOWN' : MEMBER_OF_CLASSIFICATION[classification.value]
}

function bagValue(value: unknown, expected: (typeof DATA_DEFAULTS)[string]): PythonValue {
  if (value === undefined || value === null) return defaultValue(expected)
  if (typeof expected === 'object') {
    const member = typeof value === 'string' || typeof value === 'number' ? enumMemberName(expected.enumName, value) : null
    return member === null ? defaultValue(expected) : enumMember(expected.enumName, member)
  }
  return typeof value === typeof expected ? (value as PythonValue) : defaultValue(expected)
}

function sameValue(left: PythonValue, right: PythonValue): boolean {
  if (isEnumMember(left) && isEnumMember(right)) return left.member === right.member
  return left === right
}
