import type { Diagram, Property, ThreatModel } from '../model/model'
import { withTemplateSource, type TemplateSource } from '../model/template-source'
import type { Template } from '../model/template'
import { typeProperties } from './template-properties'
import type { DrawnKind } from '../model/template'
import { typeMatcher, type TypeMatcher } from './template-type-match'

/**
 * How an item's new type was chosen: its type id exists in the new template ('id'); a type of the same
 * kind whose words match the item's type id or name ('kind-and-name'); the template's generic type for
 * its kind ('kind'); or nothing, because the template has no type of that kind ('unmapped').
 */
export type TypeMappingMethod = 'id' | 'kind-and-name' | 'kind' | 'unmapped'

export interface TypeMapping {
  /** The element, flow or boundary id. */
  readonly elementId: string
  readonly from: string
  /** Null when unmapped: the item keeps its old type id. */
  readonly to: string | null
  readonly how: TypeMappingMethod
}

export interface AppliedTemplate {
  readonly model: ThreatModel
  /** One entry per element, flow and boundary, in diagram order. */
  readonly report: readonly TypeMapping[]
}

/**
 * TMT's "apply template" (threat-generation issue, part 7): re-types every element, flow and boundary
 * for `template`, adds the new type's properties an item lacks, and records the template on the model.
 * Property values the item already has are kept, and so are properties the new template does not know:
 * nothing the reviewer entered is lost. Threats are not touched, so triage survives; regenerating
 * afterwards merges by threat key (regenerate-threats.ts).
 *
 * `source` is the .tb7 the template was read from: it is stored in the model (model/template-source.ts),
 * so the template travels with the model as it does in TMT. Without one (a built-in template) any stored
 * template is removed: it would name another template than the model now does.
 */
export function applyTemplate(model: ThreatModel, template: Template, source: TemplateSource | null): AppliedTemplate {
  const matcher = typeMatcher(template)
  const report: TypeMapping[] = []
  const retype = <Item extends { readonly id: string; readonly typeId: string; readonly name: string; readonly properties: readonly Property[] }>(
    item: Item,
    kind: DrawnKind
  ): Item => {
    const mapping = mapType(item, kind, template, matcher)
    report.push(mapping)
    if (mapping.to === null) return item
    return { ...item, typeId: mapping.to, properties: withTypeProperties(item.properties, typeProperties(template, mapping.to)) }
  }
  const diagrams = model.diagrams.map(
    (diagram): Diagram => ({
      ...diagram,
      elements: diagram.elements.map((element) => retype(element, element.kind)),
      flows: diagram.flows.map((flow) => retype(flow, 'flow')),
      boundaries: diagram.boundaries.map((boundary) => retype(boundary, boundary.shape.kind === 'box' ? 'boxBoundary' : 'lineBoundary'))
    })
  )
  return { model: withTemplateSource({ ...model, template: template.ref, diagrams }, source), report }
}

function mapType(
  item: { readonly id: string; readonly typeId: string; readonly name: string },
  kind: DrawnKind,
  template: Template,
  matcher: TypeMatcher
): TypeMapping {
  const from = item.typeId
  if (template.elementTypes.some((type) => type.id === from)) return { elementId: item.id, from, to: from, how: 'id' }
  const named = matcher.byName(kind, item.typeId, item.name)
  if (named) return { elementId: item.id, from, to: named.id, how: 'kind-and-name' }
  const generic = matcher.genericType(kind)
  if (generic) return { elementId: item.id, from, to: generic.id, how: 'kind' }
  return { elementId: item.id, from, to: null, how: 'unmapped' }
}

/** The item's properties as they are, then the type's properties whose keys the item does not have yet. */
function withTypeProperties(existing: readonly Property[], offered: readonly Property[]): Property[] {
  const keys = new Set(existing.map((property) => property.key))
  return [...existing, ...offered.filter((property) => !keys.has(property.key))]
}
