import type { Diagnostic } from '../../model/diagnostics'
import type { Point } from '../../model/geometry-types'
import { untriagedThreat } from '../../model/factory'
import { crossesBoundary } from '../../model/geometry'
import { asId, type ThreatDefinitionId, type ThreatId } from '../../model/ids'
import type { Diagram, DiagramElement, Flow, Property, Threat, ThreatModel, TrustBoundary } from '../../model/model'
import { normalizePriority, normalizeStrideCategory } from '../../model/normalize-enums'
import type { Template } from '../../model/template'
import { compileTemplate, type CompiledThreatType } from './compile-template'
import type { RuleInteraction } from './evaluate-rule'
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
  const threats: Threat[] = []
  for (const diagram of model.diagrams) {
    const elements = new Map(diagram.elements.map((element) => [element.id, element]))
    const curvedBoundaries = diagram.boundaries.map(curved)
    for (const flow of diagram.flows) {
      if (flow.outOfScope || flow.source === null || flow.target === null) continue
      const source = elements.get(flow.source)
      const target = elements.get(flow.target)
      if (!source || !target) continue
      const interaction = ruleInteraction(source, flow, target, curvedBoundaries, ancestry)
      for (const threatType of compiled.threatTypes) {
        if (!generates(threatType, interaction)) continue
        threats.push(
          threatFor(threatType, { diagram, source, flow, target }, {
            categoryName: categoryNames.get(threatType.type.categoryId) ?? threatType.type.categoryId,
            propertyLabels
          })
        )
      }
    }
  }
  return { threats, diagnostics: compiled.diagnostics }
}

function generates(threatType: CompiledThreatType, interaction: RuleInteraction): boolean {
  return threatType.include !== null && threatType.include(interaction) && !(threatType.exclude?.(interaction) ?? false)
}

function ruleInteraction(
  source: DiagramElement,
  flow: Flow,
  target: DiagramElement,
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
    source: itemFacts(ancestry(source.typeId), source.properties),
    flow: itemFacts(ancestry(flow.typeId), flow.properties),
    target: itemFacts(ancestry(target.typeId), target.properties),
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

function threatFor(
  threatType: CompiledThreatType,
  { diagram, source, flow, target }: InteractionItems,
  labels: { categoryName: string; propertyLabels: ReadonlyMap<string, string> }
): Threat {
  const { type } = threatType
  const names = { source: source.name, target: target.name, flow: flow.name }
  const defaults = new Map(type.propertyDefaults.map((entry) => [entry.key, entry.value]))
  const priority = defaults.get('Priority')
  const stride = normalizeStrideCategory(type.categoryId).value ?? normalizeStrideCategory(labels.categoryName).value
  const customProperties: Property[] = type.propertyDefaults
    .filter((entry) => !STANDARD_THREAT_PROPERTIES.has(entry.key))
    .map((entry) => ({ kind: 'string', key: entry.key, label: labels.propertyLabels.get(entry.key) ?? entry.key, value: entry.value }))
  return untriagedThreat({
    id: asId<ThreatId>(`${type.id}${source.id}${flow.id}${target.id}`),
    definitionId: asId<ThreatDefinitionId>(type.id),
    title: fillThreatText(type.shortTitle, names),
    description: fillThreatText(type.description, names),
    category: { value: stride, raw: labels.categoryName },
    target: { kind: 'interaction', sourceId: source.id, flowId: flow.id, targetId: target.id },
    diagramId: diagram.id,
    priority: priority === undefined || priority.trim() === '' ? null : normalizePriority(priority.trim()),
    origin: { kind: 'generated', engine: 'tmt', ruleId: type.id },
    customProperties
  })
}
