import { boundariesContaining } from '../../model/geometry'
import type { JsonObject, JsonValue } from '../../model/json'
import type { Diagram, DiagramElement, Flow, Property, TrustBoundary } from '../../model/model'
import { REQUEST_DEFAULTS, RESPONSE_DEFAULTS, type InheritedFlowAttribute } from '../../vocabularies/pytm/flow-defaults'
import { bagStrings, pytmBag } from './model-bag'
import { CONTROL_DEFAULTS, type PytmDefault } from './pytm-attributes'
import { defaultValue, holdsDefault, propertyAsPython } from './property-values'
import { attributeSlot, isList, isPythonObject, pythonCompare, PythonError, type PythonObject, type PythonValue } from './python-values'

/** What item views ask of the model as a whole (pytm-views.ts). */
export interface ViewLookup {
  element(element: DiagramElement, diagram: Diagram): PythonObject
  flow(flow: Flow, diagram: Diagram): PythonObject
  boundary(boundary: TrustBoundary, diagram: Diagram): PythonObject
  /** The view of the element with this id, or null. */
  endView(id: string | null): PythonObject | null
  dataViews(ids: readonly string[]): PythonObject[]
  inputsOf(id: string): readonly Flow[]
  outputsOf(id: string): readonly Flow[]
  responseTo(flowId: string): Flow | undefined
  parentBoundary(boundary: TrustBoundary, diagram: Diagram): TrustBoundary | undefined
  flowData(flow: Flow): readonly string[]
  positions(properties: readonly Property[]): ReadonlyMap<string, number>
}

const MISSING: unique symbol = Symbol('missing attribute')

/** Where a view's attributes and methods come from: one kind per pytm class family. */
interface ViewSource {
  compute(name: string): PythonValue | undefined
  call(self: PythonObject, name: string, args: readonly PythonValue[]): PythonValue | undefined
  /** Pytm elements: an attribute by pytm path (`controls.isEncrypted`), what their Controls view reads. */
  read?(key: string): PythonValue | undefined
}

/**
 * A read-only pytm object. Every view is this one class, so the conditions' attribute reads see a single
 * object shape (a shape per kind of item made those reads megamorphic). The model does not change during
 * resolve(), so each attribute is worked out once per object: a threat library reads the same few
 * attributes of every item dozens of times.
 */
export class ObjectView implements PythonObject {
  readonly kind = 'object'
  /**
   * Attributes worked out so far, by `attributeSlot`; `MISSING` for one the object does not have. A map,
   * not an array by slot: an item reads a few of ~100 names, and arrays that long were most of the
   * engine's memory.
   */
  private readonly known = new Map<number, PythonValue | typeof MISSING>()

  constructor(
    readonly className: string,
    private readonly source: ViewSource
  ) {}

  attribute(name: string): PythonValue | undefined {
    return this.attributeAt(attributeSlot(name), name)
  }

  attributeAt(slot: number, name: string): PythonValue | undefined {
    const found = this.known.get(slot)
    if (found !== undefined) return found === MISSING ? undefined : found
    const value = this.source.compute(name)
    this.known.set(slot, value === undefined ? MISSING : value)
    return value
  }

  call(name: string, args: readonly PythonValue[]): PythonValue | undefined {
    return this.source.call(this, name, args)
  }

  readControl(key: string): PythonValue | undefined {
    // An item's `controls` is always its ControlsSource view, which reads `controls.<name>` through this.
    return this.source.read === undefined ? this.controlThroughView(key) : this.source.read(key)
  }

  private controlThroughView(key: string): PythonValue | undefined {
    const controls = this.attribute('controls')
    return controls !== undefined && isPythonObject(controls) ? controls.attribute(key.slice('controls.'.length)) : undefined
  }

}

/** A view whose attributes are computed by `compute` and which has no methods (Data). */
export function plainView(className: string, compute: (name: string) => PythonValue | undefined): PythonObject {
  return new ObjectView(className, { compute, call: () => undefined })
}

/** `Controls`: its fields are the owner's `controls.<name>` attributes. */
class ControlsSource implements ViewSource {
  constructor(private readonly owner: ItemSource) {}

  compute(name: string): PythonValue | undefined {
    return this.owner.read(CONTROL_KEYS.get(name) ?? `controls.${name}`)
  }

  call(): undefined {
    return undefined
  }
}

/** What a request and a response inherit from their ends, by key (a key is listed once per direction). */
const REQUEST_BY_KEY: ReadonlyMap<string, InheritedFlowAttribute> = new Map(REQUEST_DEFAULTS.map((entry) => [entry.key, entry]))
const RESPONSE_BY_KEY: ReadonlyMap<string, InheritedFlowAttribute> = new Map(RESPONSE_DEFAULTS.map((entry) => [entry.key, entry]))

/** `controls.<name>` for every control, made once: keys built per read were the engine's main string garbage. */
const CONTROL_KEYS: ReadonlyMap<string, string> = new Map(
  Object.keys(CONTROL_DEFAULTS).map((name) => [name, `controls.${name}`])
)
const CONTROL_DEFAULTS_BY_KEY: ReadonlyMap<string, PytmDefault> = new Map(
  Object.entries(CONTROL_DEFAULTS).map(([name, value]) => [`controls.${name}`, value])
)

/** What every pytm Element has: controls, levels, sourceFiles, checkTLSVersion(), and typed attributes. */
abstract class ItemSource implements ViewSource {
  private controls: PythonObject | undefined
  private bagCache: JsonObject | undefined
  private positionCache: ReadonlyMap<string, number> | undefined

  constructor(
    protected readonly views: ViewLookup,
    private readonly item: Pick<DiagramElement, 'name' | 'description' | 'properties' | 'extensions'>,
    protected readonly defaults: ReadonlyMap<string, PytmDefault>
  ) {}

  abstract compute(name: string): PythonValue | undefined

  /** An attribute by pytm path (`protocol`, `controls.isEncrypted`), as conditions see it: the item's own, or the class default. */
  read(key: string): PythonValue | undefined {
    return this.scalar(key)
  }

  call(self: PythonObject, name: string, args: readonly PythonValue[]): PythonValue | undefined {
    return name === 'checkTLSVersion' ? checkTLSVersion(self, args) : undefined
  }

  /** What every item answers the same way; the subclasses' `compute` falls through to it. */
  protected common(name: string): PythonValue | undefined {
    switch (name) {
      case 'name':
        return this.item.name
      case 'description':
        return this.item.description
      case 'controls':
        return (this.controls ??= new ObjectView('Controls', new ControlsSource(this)))
      case 'levels': {
        const levels = this.bag().levels
        return Array.isArray(levels) ? (levels as JsonValue[]).filter((level) => typeof level === 'number') : [0]
      }
      case 'sourceFiles':
        return bagStrings(this.bag(), 'sourceFiles')
      default:
        return this.read(name)
    }
  }

  /** A property's value, the class default when the item has no such property, undefined when pytm has neither. */
  protected scalar(key: string): PythonValue | undefined {
    const expected = this.expected(key)
    const property = this.property(key)
    if (property !== undefined) return propertyAsPython(property, expected ?? null)
    return expected === undefined ? undefined : defaultValue(expected)
  }

  protected expected(key: string): PytmDefault | undefined {
    const control = CONTROL_DEFAULTS_BY_KEY.get(key)
    if (control !== undefined) return control
    return key.startsWith('controls.') ? CONTROL_DEFAULTS[key.slice(9)] : this.defaults.get(key)
  }

  protected property(key: string): Property | undefined {
    const position = (this.positionCache ??= this.views.positions(this.item.properties)).get(key)
    return position === undefined ? undefined : this.item.properties[position]
  }

  protected bag(): JsonObject {
    return (this.bagCache ??= pytmBag(this.item.extensions))
  }
}

export class ElementSource extends ItemSource {
  constructor(
    views: ViewLookup,
    private readonly element: DiagramElement,
    private readonly diagram: Diagram,
    defaults: ReadonlyMap<string, PytmDefault>
  ) {
    super(views, element, defaults)
  }

  compute(name: string): PythonValue | undefined {
    const { element, views } = this
    switch (name) {
      case 'inScope':
        return !element.outOfScope
      case 'inBoundary': {
        const boundary = boundariesContaining(this.diagram, element.id)[0]
        return boundary === undefined ? null : views.boundary(boundary, this.diagram)
      }
      case 'data':
        return views.dataViews(element.dataStored)
      case 'inputs':
        return views.inputsOf(element.id).map((flow) => views.flow(flow, this.diagram))
      case 'outputs':
        return views.outputsOf(element.id).map((flow) => views.flow(flow, this.diagram))
      default:
        return this.common(name)
    }
  }
}

/**
 * A flow after `check()`: values it did not set and that still hold the default come from its ends
 * (vocabularies/pytm/flow-defaults.ts), and it carries its source's data when it has none.
 */
export class FlowSource extends ItemSource {
  private setInSource: ReadonlySet<string> | undefined
  private response: boolean | undefined

  constructor(
    views: ViewLookup,
    private readonly flow: Flow,
    private readonly diagram: Diagram,
    defaults: ReadonlyMap<string, PytmDefault>
  ) {
    super(views, flow, defaults)
  }

  override call(self: PythonObject, name: string, args: readonly PythonValue[]): PythonValue | undefined {
    if (name === 'hasDataLeaks') return hasDataLeaks(self)
    return super.call(self, name, args)
  }

  override read(key: string): PythonValue | undefined {
    const inherited = (this.isResponse() ? RESPONSE_BY_KEY : REQUEST_BY_KEY).get(key)
    const own = this.scalar(key)
    if (inherited === undefined) return own
    const expected = this.expected(key)
    if (expected === undefined || this.setKeys().has(key)) return own
    if (!holdsDefault(this.property(key), expected)) return own
    const end = this.views.endView(inherited.from === 'source' ? this.flow.source : this.flow.target)
    return end === null ? own : readEnd(end, inherited)
  }

  compute(name: string): PythonValue | undefined {
    const { flow, views, diagram } = this
    switch (name) {
      case 'inScope':
        return !flow.outOfScope
      case 'inBoundary':
        return null
      case 'source':
        return views.endView(flow.source)
      case 'sink':
        return views.endView(flow.target)
      case 'isResponse':
        return this.isResponse()
      case 'responseTo': {
        const request = flow.responseTo === null ? undefined : diagram.flows.find((candidate) => candidate.id === flow.responseTo)
        return request === undefined ? null : views.flow(request, diagram)
      }
      case 'response': {
        const response = views.responseTo(flow.id)
        return response === undefined ? null : views.flow(response, diagram)
      }
      case 'data':
        return views.dataViews(views.flowData(flow))
      default:
        return this.common(name)
    }
  }

  private isResponse(): boolean {
    return (this.response ??= this.flow.responseTo !== null || this.scalar('isResponse') === true)
  }

  private setKeys(): ReadonlySet<string> {
    return (this.setInSource ??= new Set(bagStrings(this.bag(), 'setInSource')))
  }
}

export class BoundarySource extends ItemSource {
  constructor(
    views: ViewLookup,
    private readonly boundary: TrustBoundary,
    private readonly diagram: Diagram,
    defaults: ReadonlyMap<string, PytmDefault>
  ) {
    super(views, boundary, defaults)
  }

  compute(name: string): PythonValue | undefined {
    switch (name) {
      case 'inScope':
        return this.read('inScope') !== false
      case 'inBoundary': {
        const parent = this.views.parentBoundary(this.boundary, this.diagram)
        return parent === undefined ? null : this.views.boundary(parent, this.diagram)
      }
      default:
        return this.common(name)
    }
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
  const source = required(object(required(flow, 'source')), 'maxClassification')
  const sink = required(object(required(flow, 'sink')), 'maxClassification')
  const own = required(flow, 'maxClassification')
  for (let index = 0; index < data.length; index++) {
    const classification = required(object(data[index] ?? null), 'classification')
    const above = (limit: PythonValue): boolean => pythonCompare(classification, limit) > 0
    if (above(source) || above(sink) || above(own)) return true
  }
  return false
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
