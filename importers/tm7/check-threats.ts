import type { Diagram, Flow, Threat } from '../../model/model'
import { report, type ReadContext } from './read-context'

/**
 * Threat facts TMT never refreshes (tmt-format.md §8): a threat whose flow or end stencil is gone or
 * re-attached is stale (warning; its triage is kept), and titles are frozen at generation time (info
 * when the title is no longer what the threat type's text gives with today's names).
 */
export function checkThreats(context: ReadContext, diagrams: readonly Diagram[], threats: readonly Threat[]): void {
  const flows = new Map<string, Flow>()
  const names = new Map<string, string>()
  for (const diagram of diagrams) {
    for (const flow of diagram.flows) {
      flows.set(flow.id, flow)
      names.set(flow.id, flow.name)
    }
    for (const element of diagram.elements) names.set(element.id, element.name)
  }
  threats.forEach((threat, index) => {
    if (threat.target.kind !== 'interaction') return
    const path = `/ThreatModel/ThreatInstances/a:KeyValueOfstringThreatpc_P0_PhOB[${index + 1}]`
    const { sourceId, flowId, targetId } = threat.target
    const flow = flows.get(flowId)
    if (flow === undefined) {
      report(context, 'tm7.stale-threat', 'warning', `threat "${threat.title}" (${threat.id}) belongs to data flow "${flowId}", which no longer exists`, path)
      return
    }
    if (flow.source !== sourceId || flow.target !== targetId) {
      report(
        context,
        'tm7.stale-threat',
        'warning',
        `threat "${threat.title}" (${threat.id}) was generated for other ends of data flow "${flow.name}" (${flowId}); the flow was re-attached since`,
        path
      )
    }
    const type = threat.definitionId === null ? undefined : context.catalog.threatTypes.get(threat.definitionId)
    if (type === undefined) return
    const expected = substitute(type.shortTitle, {
      source: (sourceId && names.get(sourceId)) ?? '',
      target: (targetId && names.get(targetId)) ?? '',
      flow: flow.name
    })
    if (expected.trim() !== threat.title.trim()) {
      report(
        context,
        'tm7.stale-threat-text',
        'info',
        `threat ${threat.id}: the title "${threat.title}" differs from "${expected}", what its threat type gives with the current names (renamed since generation, or edited by hand)`,
        path
      )
    }
  })
}

/** `{source.Name}`, `{target.Name}`, `{flow.Name}`, matched case-insensitively as TMT writes them both ways. */
function substitute(text: string, names: { source: string; target: string; flow: string }): string {
  return text.replace(/\{(source|target|flow)\.name\}/gi, (_, role: string) => names[role.toLowerCase() as keyof typeof names])
}
