import type { Threat, ThreatModel } from '../../model/model'
import type { ElementChart, ElementChartKind } from '../../model/methodology'
import { holdsLogs } from './element-traits'
import { fillText } from './fill-text'
import { strideThreat } from './stride-threat'

/**
 * Applies the STRIDE-per-element chart: every element and flow in scope gets the chart's categories for
 * its kind (annotations none; data-store repudiation only for stores holding logs). Out-of-scope items
 * are skipped: a reviewer marks them so to keep them out of the analysis. Keys are
 * `<chart>:<category>:<item id>`.
 */
export function generateStridePerElement(model: ThreatModel, chart: ElementChart): Threat[] {
  const threats: Threat[] = []
  const entriesFor = (kind: ElementChartKind) => chart.entries.filter((entry) => entry.kind === kind)
  for (const diagram of model.diagrams) {
    for (const element of diagram.elements) {
      if (element.outOfScope || element.kind === 'annotation') continue
      for (const entry of entriesFor(element.kind)) {
        if (entry.onlyWhenHoldingLogs && !holdsLogs(element)) continue
        threats.push(
          strideThreat({
            key: `${chart.id}:${entry.category}:${element.id}`,
            engine: 'stride-element',
            ruleId: `${chart.id}-v${chart.version}/${entry.kind}/${entry.category}`,
            category: entry.category,
            text: fillText(entry.text, { element: element.name }),
            target: { kind: 'element', elementId: element.id },
            diagramId: diagram.id,
            against: 'element'
          })
        )
      }
    }
    for (const flow of diagram.flows) {
      if (flow.outOfScope) continue
      for (const entry of entriesFor('dataFlow')) {
        threats.push(
          strideThreat({
            key: `${chart.id}:${entry.category}:${flow.id}`,
            engine: 'stride-element',
            ruleId: `${chart.id}-v${chart.version}/dataFlow/${entry.category}`,
            category: entry.category,
            text: fillText(entry.text, { element: flow.name }),
            target: { kind: 'flow', flowId: flow.id },
            diagramId: diagram.id,
            against: 'flow'
          })
        )
      }
    }
  }
  return threats
}
