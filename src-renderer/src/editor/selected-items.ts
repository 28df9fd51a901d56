import type { Diagram, Property } from '../../../model/model'
import type { DiagramElement, Flow, TrustBoundary } from '../../../model/model'

/** A selected item with what the properties panel needs, whatever its kind. */
export type SelectedItem =
  | { readonly kind: 'element'; readonly item: DiagramElement; readonly label: string; readonly outOfScope: boolean; readonly outOfScopeReason: string }
  | { readonly kind: 'flow'; readonly item: Flow; readonly label: string; readonly outOfScope: boolean; readonly outOfScopeReason: string }
  | { readonly kind: 'boundary'; readonly item: TrustBoundary; readonly label: string; readonly outOfScope: false; readonly outOfScopeReason: '' }

const ELEMENT_LABEL: Readonly<Record<DiagramElement['kind'], string>> = {
  process: 'Process',
  externalInteractor: 'External interactor',
  dataStore: 'Data store',
  annotation: 'Annotation'
}

/** The selected items of a diagram, in selection order; ids not on it are skipped. */
export function selectedItems(diagram: Diagram, ids: readonly string[]): SelectedItem[] {
  return ids.flatMap((id): SelectedItem[] => {
    const element = diagram.elements.find((each) => each.id === id)
    if (element) return [{ kind: 'element', item: element, label: `${ELEMENT_LABEL[element.kind]} · ${element.typeId}`, outOfScope: element.outOfScope, outOfScopeReason: element.outOfScopeReason }]
    const flow = diagram.flows.find((each) => each.id === id)
    if (flow) return [{ kind: 'flow', item: flow, label: `Data flow · ${flow.typeId}`, outOfScope: flow.outOfScope, outOfScopeReason: flow.outOfScopeReason }]
    const boundary = diagram.boundaries.find((each) => each.id === id)
    if (boundary) return [{ kind: 'boundary', item: boundary, label: `Trust boundary · ${boundary.typeId}`, outOfScope: false, outOfScopeReason: '' }]
    return []
  })
}

export interface SharedField {
  /** The first item's value (or the template default when it has none yet). */
  readonly property: Property
  /** The template's definition, passed to the edit so an item lacking the property gets it. */
  readonly definition: Property | undefined
  /** The selected items disagree on the value. */
  readonly mixed: boolean
}

/**
 * The typed fields every selected item has, by key and kind: each item's own properties plus those its
 * template type defines, in the first item's order. An item that lacks a template field shows the
 * template's default.
 */
export function sharedFields(items: readonly SelectedItem[], templateFields: (item: SelectedItem) => readonly Property[]): SharedField[] {
  const perItem = items.map((item) => {
    const own = new Map(item.item.properties.map((property) => [property.key, property]))
    const defined = new Map(templateFields(item).map((property) => [property.key, property]))
    const merged = new Map<string, Property>(own)
    for (const [key, property] of defined) if (!merged.has(key)) merged.set(key, property)
    return { merged, defined }
  })
  const [first, ...rest] = perItem
  if (!first) return []
  return [...first.merged.values()].flatMap((property): SharedField[] => {
    const others = rest.map((each) => each.merged.get(property.key))
    if (others.some((other) => other === undefined || other.kind !== property.kind)) return []
    const valueOf = (each: Property): unknown => (each.kind === 'list' ? each.selected : each.value)
    const mixed = others.some((other) => other !== undefined && valueOf(other) !== valueOf(property))
    const definition = first.defined.get(property.key) ?? perItem.map((each) => each.defined.get(property.key)).find((found) => found !== undefined)
    return [{ property, definition, mixed }]
  })
}
