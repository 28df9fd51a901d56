import { typeProperties } from '../../../analysis/template-properties'
import { newBoxBoundary, newDiagram, newElement, newFlow, emptyModel } from '../../../model/factory'
import type { DiagramElement, Flow, Property, ThreatModel, TrustBoundary } from '../../../model/model'
import type { ElementKind } from '../../../model/enums'
import type { Template } from '../../../model/template'

/** The template's properties for a type, with some list options chosen; a key or option the type lacks is a test bug. */
export function settingsFor(template: Template, typeId: string, settings: Readonly<Record<string, string>>): Property[] {
  const properties = typeProperties(template, typeId)
  for (const key of Object.keys(settings)) {
    if (!properties.some((property) => property.key === key)) throw new Error(`${typeId} has no property ${key}`)
  }
  return properties.map((property) => {
    const wanted = settings[property.key]
    if (wanted === undefined || property.kind !== 'list') return property
    const selected = property.options.indexOf(wanted)
    if (selected < 0) throw new Error(`${property.key} has no option ${wanted}`)
    return { ...property, selected }
  })
}

export interface ItemSpec {
  readonly kind: ElementKind
  readonly typeId: string
  readonly name: string
  /** Left edge; every element sits at y = 100 and is 100 × 100. */
  readonly x: number
  readonly settings?: Readonly<Record<string, string>>
}

export function element(template: Template, spec: ItemSpec): DiagramElement {
  return {
    ...newElement(spec.kind, { x: spec.x, y: 100 }, spec.name),
    typeId: spec.typeId,
    properties: settingsFor(template, spec.typeId, spec.settings ?? {})
  }
}

/** A straight flow between the centres of two elements, typed GE.DF. */
export function flow(template: Template, source: DiagramElement, target: DiagramElement, name: string, encrypted: 'Yes' | 'No'): Flow {
  const centre = (item: DiagramElement): { x: number; y: number } => ({ x: item.layout.x + 50, y: item.layout.y + 50 })
  return {
    ...newFlow(source.id, target.id, { sourcePoint: centre(source), targetPoint: centre(target) }),
    name,
    properties: settingsFor(template, 'GE.DF', { encryptionInTransit: encrypted })
  }
}

export function modelOf(elements: DiagramElement[], flows: Flow[], boundaries: TrustBoundary[]): ThreatModel {
  const model = emptyModel('Cloud template test')
  const diagram = { ...newDiagram('Main'), elements, flows, boundaries }
  return { ...model, diagrams: [diagram] }
}

/** A box from x = 200 to 900 (y 0..300): holds elements placed at x ≥ 300, not those at x = 0. */
export function networkBox(typeId: string): TrustBoundary {
  return { ...newBoxBoundary({ x: 200, y: 0, width: 700, height: 300 }), typeId }
}
