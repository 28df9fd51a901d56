import type { Diagnostic } from '../../model/diagnostics'
import type { Point } from '../../model/geometry-types'
import { untriagedThreat } from '../../model/factory'
import { crossesBoundary } from '../../model/geometry'
import { asId, type ThreatDefinitionId, type ThreatId } from '../../model/ids'
import type { Diagram, DiagramElement, Flow, Property, Threat, ThreatModel, TrustBoundary } from '../../model/model'
import { threatTypeCategory, threatTypeDefaultPriority } from './template-definitions'
import type { Template, ThreatTypeDefinition } from '../../model/template'
import { compileTemplate, type CompiledThreatType } from './compile-template'
import type { RuleInteraction, RuleSubjectFacts } from './evaluate-rule'
import { itemFacts } from './item-facts'
import { fillThreatText } from './threat-text'
import { tmtCurve } from './tmt-curve'
import { typeAncestry } from './type-hierarchy'

export interface TmtGenerationResult {
  readonly threats: readonly Threat[]
  readonly diagnostics: readonly Diagnostic[]
}

/** Threat properties TMT keeps in fixed fields of the model; the rest are template-defined custom ones. */
const STANDARD_THREAT_PROPERTIES = new Set([
  'Title',
  'UserThreatCategory',
  'UserThreatShortDescription',
  'UserThreatDescription',
  'StateInformation',
  'InteractionString',
  'Priority'
])

/**
 * Generates threats the way TMT does (tmt-format.md §11, tmt-rules.md §3): for every flow attached at
 * both ends and not out of scope, every threat type whose Include holds and whose Exclude does not
 * yields one threat, keyed like TMT's (TypeId + source + flow + target) so regenerating matches triage.
 * Out-of-scope elements still get threats, as in TMT.
 */
export function generateTmtThreats(model: ThreatModel, template: Template): TmtGenerationResult {
  const compiled = compileTemplate(template)
  const ancestry = typeAncestry(template)
  const categoryNames = new Map(template.threatCategories.map((category) => [category.id, category.name]))
  const propertyLabels = new Map(template.threatProperties.map((property) => [property.key, property.label]))
  const prepared = compiled.threatTypes.map(({ type }) =>
    prepareType(type, { categoryName: categoryNames.get(type.categoryId) ?? type.categoryId, propertyLabels })
  )
  const threats: Threat[] = []
  // An element takes part in many interactions: its rule facts are built once.
  const factsOf = new Map<DiagramElement, RuleSubjectFacts>()
  const elementFacts = (element: DiagramElement): RuleSubjectFacts => {
    let facts = factsOf.get(element)
    if (!facts) {
      facts = itemFacts(ancestry(element.typeId), element.properties)
      factsOf.set(element, facts)
    }
    return facts
  }
  for (const diagram of model.diagrams) {
    const elements = new Map(diagram.elements.map((element) => [element.id, element]))
    const curvedBoundaries = diagram.boundaries.map(curved)
    for (const flow of diagram.flows) {
      if (flow.outOfScope || flow.source === null || flow.target === null) continue
      const source = elements.get(flow.source)
      const target = elements.get(flow.target)
      if (!source || !target) continue
      const interaction = ruleInteraction(elementFacts(source), flow, elementFacts(target), curvedBoundaries, ancestry)
      for (const [index, threatType] of compiled.threatTypes.entries()) {
        if (generates(threatType, interaction)) threats.push(threatFor(prepared[index]!, { diagram, source, flow, target }))
      }
    }
  }
  return { threats, diagnostics: compiled.diagnostics }
}

function generates(threatType: CompiledThreatType, interaction: RuleInteraction): boolean {
  return threatType.include !== null && threatType.include(interaction) && !(threatType.exclude?.(interaction) ?? false)
}

function ruleInteraction(
  source: RuleSubjectFacts,
  flow: Flow,
  target: RuleSubjectFacts,
  boundaries: readonly TrustBoundary[],
  ancestry: (typeId: string) => ReadonlySet<string>
): RuleInteraction {
  const curvedFlow = { ...flow, bendPoints: interior(tmtCurve([flow.sourcePoint, ...flow.bendPoints, flow.targetPoint])) }
  // Every type id (and ancestor) of the boundaries this flow crosses, computed once per flow.
  const crossedTypes = new Set<string>()
  for (const boundary of boundaries) {
    if (crossesBoundary(curvedFlow, boundary)) for (const typeId of ancestry(boundary.typeId)) crossedTypes.add(typeId)
  }
  return {
    source,
    flow: itemFacts(ancestry(flow.typeId), flow.properties),
    target,
    crosses: (typeId) => crossedTypes.has(typeId)
  }
}

/** Line boundaries drawn by TMT are curves through their handle: sample them like flows. */
function curved(boundary: TrustBoundary): TrustBoundary {
  return boundary.shape.kind === 'line' ? { ...boundary, shape: { kind: 'line', points: tmtCurve(boundary.shape.points) } } : boundary
}

function interior(points: readonly Point[]): readonly Point[] {
  return points.slice(1, -1)
}

interface InteractionItems {
  readonly diagram: Diagram
  readonly source: DiagramElement
  readonly flow: Flow
  readonly target: DiagramElement
}

/** What every threat of one type shares, worked out once per type rather than once per threat. */
interface PreparedType {
  readonly type: ThreatTypeDefinition
  readonly category: Threat['category']
  readonly priority: Threat['priority']
  /** Shared by all threats of the type: threats are immutable data. */
  readonly customProperties: readonly Property[]
  readonly origin: Threat['origin']
}

function prepareType(
  type: ThreatTypeDefinition,
  labels: { categoryName: string; propertyLabels: ReadonlyMap<string, string> }
): PreparedType {
  return {
    type,
    category: threatTypeCategory(type, labels.categoryName),
    priority: threatTypeDefaultPriority(type),
    customProperties: type.propertyDefaults
      .filter((entry) => !STANDARD_THREAT_PROPERTIES.has(entry.key))
      .map((entry) => ({ kind: 'string', key: entry.key, label: labels.propertyLabels.get(entry.key) ?? entry.key, value: entry.value })),
    origin: { kind: 'generated', engine: 'tmt', ruleId: type.id }
  }
}

function threatFor(prepared: PreparedType, { diagram, source, flow, target }: InteractionItems): Threat {
  const { type } = prepared
  const names = { source: source.name, target: target.name, flow: flow.name }
  return untriagedThreat({
    id: asId<ThreatId>(`${type.id}${source.id}${flow.id}${target.id}`),
    definitionId: asId<ThreatDefinitionId>(type.id),
    title: fillThreatText(type.shortTitle, names),
    description: fillThreatText(type.description, names),
    category: prepared.category,
    target: { kind: 'interaction', sourceId: source.id, flowId: flow.id, targetId: target.id },
    diagramId: diagram.id,
    priority: prepared.priority,
    origin: prepared.origin,
    customProperties: prepared.customProperties
  })
}
