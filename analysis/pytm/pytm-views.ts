import { boundariesContaining, boundaryNesting } from '../../model/geometry'
import type { JsonValue } from '../../model/json'
import type { DataAsset, Diagram, DiagramElement, Flow, Property, ThreatModel, TrustBoundary } from '../../model/model'
import { REQUEST_DEFAULTS, RESPONSE_DEFAULTS, type InheritedFlowAttribute } from '../../vocabularies/pytm/flow-defaults'
import { isPytmClassName } from '../../vocabularies/pytm/pytm-classes'
import { PytmDataDefaults } from './data-defaults'
import { bagStrings, pytmBag } from './model-bag'
import { classDefaults, CONTROL_DEFAULTS, type PytmDefault } from './pytm-attributes'
import { defaultValue, holdsDefault, propertyAsPython } from './property-values'
import { isList, isPythonObject, pythonCompare, PythonError, type PythonObject, type PythonValue } from './python-values'

/** pytm classes for elements that carry none (made in the app, other formats), by DFD kind. */
const CLASS_OF_KIND: Readonly<Record<DiagramElement['kind'], string | null>> = {
  process: 'Process',
  externalInteractor: 'ExternalEntity',
  dataStore: 'Datastore',
  annotation: null
}

/** The pytm class an element stands for: its type id when that is a pytm element class, else by kind. */
export function elementClassName(element: DiagramElement): string | null {
  if (isPytmClassName(element.typeId) && element.typeId !== 'Dataflow' && element.typeId !== 'Boundary') return element.typeId
  return CLASS_OF_KIND[element.kind]
}

/**
 * Read-only views of one model with pytm's attribute names, as conditions see them after `check()`:
 * missing properties read as pytm's defaults, flows inherit from their ends (vocabularies/pytm/flow-defaults.ts) and
 * carry their source's data when they have none, and data gets its credential and at-rest defaults.
 * One view per item, cached, so `is` compares items by identity as Python does.
 */
export class PytmViews {
  private readonly cache = new Map<string, PythonObject>()
  private readonly propertyIndexes = new WeakMap<readonly Property[], ReadonlyMap<string, Property>>()
  private readonly elementsById = new Map<string, { readonly element: DiagramElement; readonly diagram: Diagram }>()
  private readonly flowsByEnd = new Map<string, { inputs: Flow[]; outputs: Flow[] }>()
  private readonly responses = new Map<string, Flow>()
  private readonly nesting = new Map<Diagram, ReadonlyMap<string, string | null>>()
  private readonly dataById: ReadonlyMap<string, DataAsset>
  readonly dataDefaults: PytmDataDefaults

  constructor(private readonly model: ThreatModel) {
    for (const diagram of model.diagrams) {
      for (const element of diagram.elements) this.elementsById.set(element.id, { element, diagram })
      for (const flow of diagram.flows) {
        if (flow.target !== null) this.ends(flow.target).inputs.push(flow)
        if (flow.source !== null) this.ends(flow.source).outputs.push(flow)
        if (flow.responseTo !== null) this.responses.set(flow.responseTo, flow)
      }
    }
    this.dataById = new Map(model.dataAssets.map((asset) => [asset.id, asset]))
    this.dataDefaults = new PytmDataDefaults(this)
  }

  element(element: DiagramElement, diagram: Diagram): PythonObject {
    return this.cached(element.id, () => {
      const className = elementClassName(element) ?? 'Element'
      const defaults = classDefaults(className)
      const special: Readonly<Record<string, () => PythonValue>> = {
        name: () => element.name,
        description: () => element.description,
        inScope: () => !element.outOfScope,
        inBoundary: () => {
          const boundary = boundariesContaining(diagram, element.id)[0]
          return boundary === undefined ? null : this.boundary(boundary, diagram)
        },
        data: () => element.dataStored.flatMap((id) => this.dataView(id)),
        inputs: () => this.ends(element.id).inputs.map((flow) => this.flow(flow, diagram)),
        outputs: () => this.ends(element.id).outputs.map((flow) => this.flow(flow, diagram)),
        ...this.elementCommon(element, (key) => this.scalar(element.properties, key, defaults))
      }
      return this.object(className, special, (key) => this.scalar(element.properties, key, defaults))
    })
  }

  flow(flow: Flow, diagram: Diagram): PythonObject {
    return this.cached(flow.id, () => {
      const defaults = classDefaults('Dataflow')
      const isResponse = (): boolean => flow.responseTo !== null || this.scalar(flow.properties, 'isResponse', defaults) === true
      const endView = (id: string | null): PythonObject | null => {
        const end = id === null ? undefined : this.elementsById.get(id)
        return end === undefined ? null : this.element(end.element, end.diagram)
      }
      const setInSource = new Set(bagStrings(pytmBag(flow.extensions), 'setInSource'))
      const effective = (key: string): PythonValue | undefined => {
        const own = this.scalar(flow.properties, key, defaults)
        const inherited = (isResponse() ? RESPONSE_DEFAULTS : REQUEST_DEFAULTS).find((entry) => entry.key === key)
        const expected = key.startsWith('controls.') ? CONTROL_DEFAULTS[key.slice(9)] : defaults.get(key)
        if (inherited === undefined || expected === undefined || setInSource.has(key)) return own
        if (!holdsDefault(this.propertyIndex(flow.properties).get(key), expected)) return own
        const end = endView(inherited.from === 'source' ? flow.source : flow.target)
        return end === null ? own : readEnd(end, inherited)
      }
      const special: Readonly<Record<string, () => PythonValue>> = {
        name: () => flow.name,
        description: () => flow.description,
        inScope: () => !flow.outOfScope,
        inBoundary: () => null,
        source: () => endView(flow.source),
        sink: () => endView(flow.target),
        isResponse,
        responseTo: () => this.flowById(flow.responseTo, diagram),
        response: () => {
          const response = this.responses.get(flow.id)
          return response === undefined ? null : this.flow(response, diagram)
        },
        data: () => this.flowData(flow).flatMap((id) => this.dataView(id)),
        ...this.elementCommon(flow, effective)
      }
      const view = this.object('Dataflow', special, effective, (self, name) =>
        name === 'hasDataLeaks' ? hasDataLeaks(self) : undefined
      )
      return view
    })
  }

  boundary(boundary: TrustBoundary, diagram: Diagram): PythonObject {
    return this.cached(boundary.id, () => {
      const defaults = classDefaults('Boundary')
      const read = (key: string): PythonValue | undefined => this.scalar(boundary.properties, key, defaults)
      const special: Readonly<Record<string, () => PythonValue>> = {
        name: () => boundary.name,
        description: () => boundary.description,
        inScope: () => read('inScope') !== false,
        inBoundary: () => {
          const parentId = this.nestingOf(diagram).get(boundary.id) ?? null
          const parent = diagram.boundaries.find((candidate) => candidate.id === parentId)
          return parent === undefined ? null : this.boundary(parent, diagram)
        },
        ...this.elementCommon(boundary, read)
      }
      return this.object('Boundary', special, read)
    })
  }

  /** The data a flow carries: its own, else its source's (pytm.md §2, `_apply_defaults`). */
  flowData(flow: Flow): readonly string[] {
    const own = [...new Set([...flow.dataSent, ...flow.dataReceived])]
    if (own.length > 0 || flow.source === null) return own
    return this.elementsById.get(flow.source)?.element.dataStored ?? []
  }

  dataAsset(id: string): DataAsset | undefined {
    return this.dataById.get(id)
  }

  elementOf(id: string | null): DiagramElement | undefined {
    return id === null ? undefined : this.elementsById.get(id)?.element
  }

  private dataView(id: string): PythonObject[] {
    const asset = this.dataById.get(id)
    if (asset === undefined) return []
    return [this.cached(`data:${id}`, () => this.dataDefaults.view(asset))]
  }

  private flowById(id: string | null, diagram: Diagram): PythonValue {
    const flow = id === null ? undefined : diagram.flows.find((candidate) => candidate.id === id)
    return flow === undefined ? null : this.flow(flow, diagram)
  }

  /** Attributes every pytm Element has: controls, levels, sourceFiles, and checkTLSVersion(). */
  private elementCommon(
    item: { readonly id: string; readonly extensions: DiagramElement['extensions'] },
    read: (key: string) => PythonValue | undefined
  ): Record<string, () => PythonValue> {
    const bag = pytmBag(item.extensions)
    let controls: PythonObject | null = null
    return {
      controls: () => (controls ??= this.controls(item.id, read)),
      levels: () => (Array.isArray(bag.levels) ? (bag.levels as JsonValue[]).filter((level) => typeof level === 'number') : [0]),
      sourceFiles: () => bagStrings(bag, 'sourceFiles')
    }
  }

  private controls(ownerId: string, read: (key: string) => PythonValue | undefined): PythonObject {
    return this.cached(`controls:${ownerId}`, () => this.object('Controls', {}, (name) => read(`controls.${name}`)))
  }

  /** A property's value, the class default when the item has no such property, undefined when pytm has neither. */
  private scalar(properties: readonly Property[], key: string, defaults: ReadonlyMap<string, PytmDefault>): PythonValue | undefined {
    const expected = key.startsWith('controls.') ? CONTROL_DEFAULTS[key.slice(9)] : defaults.get(key)
    const property = this.propertyIndex(properties).get(key)
    if (property !== undefined) return propertyAsPython(property, expected ?? null)
    return expected === undefined ? undefined : defaultValue(expected)
  }

  /** Properties by key, built once per item: conditions read dozens of attributes of each item. */
  private propertyIndex(properties: readonly Property[]): ReadonlyMap<string, Property> {
    let index = this.propertyIndexes.get(properties)
    if (index === undefined) {
      index = new Map(properties.map((property) => [property.key, property]))
      this.propertyIndexes.set(properties, index)
    }
    return index
  }

  private object(
    className: string,
    special: Readonly<Record<string, () => PythonValue>>,
    read: (key: string) => PythonValue | undefined,
    method: (self: PythonObject, name: string, args: readonly PythonValue[]) => PythonValue | undefined = () => undefined
  ): PythonObject {
    const self: PythonObject = {
      kind: 'object',
      className,
      attribute: (name) => (Object.prototype.hasOwnProperty.call(special, name) ? special[name]?.() : read(name)),
      call: (name, args) => (name === 'checkTLSVersion' && className !== 'Controls' ? checkTLSVersion(self, args) : method(self, name, args))
    }
    return self
  }

  private cached(key: string, make: () => PythonObject): PythonObject {
    const found = this.cache.get(key)
    if (found !== undefined) return found
    const made = make()
    this.cache.set(key, made)
    return made
  }

  private ends(id: string): { inputs: Flow[]; outputs: Flow[] } {
    let entry = this.flowsByEnd.get(id)
    if (entry === undefined) {
      entry = { inputs: [], outputs: [] }
      this.flowsByEnd.set(id, entry)
    }
    return entry
  }

  private nestingOf(diagram: Diagram): ReadonlyMap<string, string | null> {
    let nesting = this.nesting.get(diagram)
    if (nesting === undefined) {
      nesting = boundaryNesting(diagram)
      this.nesting.set(diagram, nesting)
    }
    return nesting
  }

  get threatModel(): ThreatModel {
    return this.model
  }
}

function readEnd(end: PythonObject, inherited: InheritedFlowAttribute): PythonValue | undefined {
  if (!inherited.endKey.startsWith('controls.')) return end.attribute(inherited.endKey)
  const controls = end.attribute('controls')
  return controls !== undefined && isPythonObject(controls) ? controls.attribute(inherited.endKey.slice(9)) : undefined
}

/** `checkTLSVersion(flows)`: any flow's tlsVersion below this element's minTLSVersion (pytm.md §2). */
function checkTLSVersion(self: PythonObject, args: readonly PythonValue[]): PythonValue {
  const flows = args[0]
  if (args.length !== 1 || flows === undefined || !isList(flows)) throw new PythonError('checkTLSVersion() takes a list of flows')
  const minimum = required(self, 'minTLSVersion')
  return flows.some((flow) => isPythonObject(flow) && pythonCompare(required(flow, 'tlsVersion'), minimum) < 0)
}

/** `hasDataLeaks()`: data classified above the source's, the sink's or the flow's maxClassification. */
function hasDataLeaks(flow: PythonObject): PythonValue {
  const data = required(flow, 'data')
  if (!isList(data)) throw new PythonError('data is not iterable')
  const limits = [required(object(required(flow, 'source')), 'maxClassification'), required(object(required(flow, 'sink')), 'maxClassification'), required(flow, 'maxClassification')]
  return data.some((entry) => {
    const classification = required(object(entry), 'classification')
    return limits.some((limit) => pythonCompare(classification, limit) > 0)
  })
}

function required(object: PythonObject, name: string): PythonValue {
  const value = object.attribute(name)
  if (value === undefined) throw new PythonError(`'${object.className}' object has no attribute '${name}'`)
  return value
}

function object(value: PythonValue): PythonObject {
  if (!isPythonObject(value)) throw new PythonError('not an object')
  return value
}
