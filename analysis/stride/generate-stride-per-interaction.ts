import { STRIDE_CATEGORIES } from '../../model/enums'
import { boundariesCrossed } from '../../model/geometry'
import type { Threat, ThreatModel } from '../../model/model'
import type { InteractionEndKind, InteractionRow, InteractionTable } from '../../model/methodology'
import { interactionEndKind } from './element-traits'
import { fillText } from './fill-text'
import { strideThreat } from './stride-threat'

function kindMatches(allowed: InteractionRow['sourceKinds'], kind: InteractionEndKind): boolean {
  return allowed === 'any' || allowed.includes(kind)
}

/**
 * Applies a STRIDE-per-interaction table to every flow attached at both ends and in scope. Each
 * matching row yields one threat per category, against the row's element; keys are
 * `<table>:<row>:<category>:<source>:<flow>:<target>`, stable across runs and edits that keep the ids.
 * Annotations take part in no interaction.
 */
export function generateStridePerInteraction(model: ThreatModel, table: InteractionTable): Threat[] {
  const threats: Threat[] = []
  for (const diagram of model.diagrams) {
    const elements = new Map(diagram.elements.map((element) => [element.id, element]))
    for (const flow of diagram.flows) {
      if (flow.outOfScope || flow.source === null || flow.target === null) continue
      const source = elements.get(flow.source)
      const target = elements.get(flow.target)
      if (!source || !target) continue
      const sourceKind = interactionEndKind(source)
      const targetKind = interactionEndKind(target)
      if (sourceKind === null || targetKind === null) continue
      const crossesBoundary = boundariesCrossed(diagram, flow).length > 0
      const names = { source: source.name, target: target.name, flow: flow.name }
      for (const row of table.rows) {
        if (!kindMatches(row.sourceKinds, sourceKind) || !kindMatches(row.targetKinds, targetKind)) continue
        if (row.requiresBoundaryCrossing && !crossesBoundary) continue
        for (const category of STRIDE_CATEGORIES) {
          const text = row.threats[category]
          if (!text) continue
          threats.push(
            strideThreat({
              key: `${table.id}:${row.id}:${category}:${source.id}:${flow.id}:${target.id}`,
              engine: 'stride-interaction',
              ruleId: `${table.id}-v${table.version}/${row.id}/${category}`,
              category,
              text: fillText(text, names),
              target: { kind: 'interaction', sourceId: source.id, flowId: flow.id, targetId: target.id },
              diagramId: diagram.id,
              against: row.against
            })
          )
        }
      }
    }
  }
  return threats
}
