import { boundaryNesting } from '../../model/geometry'
import type { DataAsset, Diagram, DiagramElement, Flow, Property, ThreatModel, TrustBoundary } from '../../model/model'
import { isPytmClassName } from '../../vocabularies/pytm/pytm-classes'
import { PytmDataDefaults } from './data-defaults'
import { BoundarySource, ElementSource, FlowSource, ObjectView, type ViewLookup } from './item-views'
import { PropertyPositions } from './property-positions'
import { classDefaults } from './pytm-attributes'
import type { PythonObject } from './python-values'

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
export class PytmViews implements ViewLookup {
  private readonly cache = new Map<string, PythonObject>()
  /** Data views by asset id, apart from `cache`: asset ids may equal item ids. */
  private readonly dataCache = new Map<string, PythonObject>()
  private readonly elementsById = new Map<string, { readonly element: DiagramElement; readonly diagram: Diagram }>()
  private readonly flowsByEnd = new Map<string, { inputs: Flow[]; outputs: Flow[] }>()
  private readonly responses = new Map<string, Flow>()
  private readonly nesting = new Map<Diagram, ReadonlyMap<string, string | null>>()
  private readonly dataById: ReadonlyMap<string, DataAsset>
  private readonly propertyPositions = new PropertyPositions()
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
    const found = this.cache.get(element.id)
    if (found !== undefined) return found
    const className = elementClassName(element) ?? 'Element'
    return this.remember(element.id, new ObjectView(className, new ElementSource(this, element, diagram, classDefaults(className))))
  }

  flow(flow: Flow, diagram: Diagram): PythonObject {
    const found = this.cache.get(flow.id)
    if (found !== undefined) return found
    return this.remember(flow.id, new ObjectView('Dataflow', new FlowSource(this, flow, diagram, classDefaults('Dataflow'))))
  }

  boundary(boundary: TrustBoundary, diagram: Diagram): PythonObject {
    const found = this.cache.get(boundary.id)
    if (found !== undefined) return found
    const source = new BoundarySource(this, boundary, diagram, classDefaults('Boundary'))
    return this.remember(boundary.id, new ObjectView('Boundary', source))
  }

  endView(id: string | null): PythonObject | null {
    const end = id === null ? undefined : this.elementsById.get(id)
    return end === undefined ? null : this.element(end.element, end.diagram)
  }

  dataViews(ids: readonly string[]): PythonObject[] {
    const views: PythonObject[] = []
    for (const id of ids) {
      const view = this.dataView(id)
      if (view !== null) views.push(view)
    }
    return views
  }

  inputsOf(id: string): readonly Flow[] {
    return this.ends(id).inputs
  }

  outputsOf(id: string): readonly Flow[] {
    return this.ends(id).outputs
  }

  responseTo(flowId: string): Flow | undefined {
    return this.responses.get(flowId)
  }

  parentBoundary(boundary: TrustBoundary, diagram: Diagram): TrustBoundary | undefined {
    const parentId = this.nestingOf(diagram).get(boundary.id) ?? null
    return diagram.boundaries.find((candidate) => candidate.id === parentId)
  }

  positions(properties: readonly Property[]): ReadonlyMap<string, number> {
    return this.propertyPositions.of(properties)
  }

  /** The data a flow carries: its own, else its source's (pytm.md §2, `_apply_defaults`). */
  flowData(flow: Flow): readonly string[] {
    // Most flows send their data one way, without repeats: those lists are taken as they are.
    const own =
      flow.dataReceived.length === 0 && flow.dataSent.length < 2 ? flow.dataSent : [...new Set([...flow.dataSent, ...flow.dataReceived])]
    if (own.length > 0 || flow.source === null) return own
    return this.elementsById.get(flow.source)?.element.dataStored ?? []
  }

  dataAsset(id: string): DataAsset | undefined {
    return this.dataById.get(id)
  }

  elementOf(id: string | null): DiagramElement | undefined {
    return id === null ? undefined : this.elementsById.get(id)?.element
  }

  private dataView(id: string): PythonObject | null {
    const found = this.dataCache.get(id)
    if (found !== undefined) return found
    const asset = this.dataById.get(id)
    if (asset === undefined) return null
    const view = this.dataDefaults.view(asset)
    this.dataCache.set(id, view)
    return view
  }

  private remember(key: string, view: PythonObject): PythonObject {
    this.cache.set(key, view)
    return view
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
