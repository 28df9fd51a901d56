import { describe, expect, it } from 'vitest'
import { obsoleteChecker } from '../../../analysis/obsolete-threats'
import { regenerateThreats } from '../../../analysis/regenerate-threats'
import { generateTmtThreats } from '../../../analysis/tmt-rules/generate-tmt-threats'
import type { Diagram, Threat, ThreatModel } from '../../../model/model'
import { ruleTestModel, template } from './rule-fixtures'

function editDiagram(model: ThreatModel, edit: (diagram: Diagram) => Diagram): ThreatModel {
  return { ...model, diagrams: model.diagrams.map(edit) }
}

function triage(threat: Threat, index: number): Threat {
  return {
    ...threat,
    state: { value: 'mitigated', raw: null },
    justification: `reviewed ${index}`,
    owner: 'alice',
    changedBy: 'alice',
    changedAt: '2026-11-26T10:00:00Z'
  }
}

describe('regenerateThreats', () => {
  const base = ruleTestModel()
  const first = regenerateThreats(base, generateTmtThreats(base, template).threats)
  const triaged: ThreatModel = { ...first.model, threats: first.model.threats.map(triage) }

  it('adds every generated threat once to a model without threats', () => {
    expect(first.added).toHaveLength(4)
    expect(first.obsolete).toEqual([])
  })

  it('keeps every triage through renames, moves and deletions, duplicates nothing and marks the lost ones obsolete', () => {
    const requestsId = triaged.diagrams[0]!.flows[0]!.id
    const edited = editDiagram(triaged, (diagram) => ({
      ...diagram,
      // Rename the web app, move the browser inside the box (its flow no longer crosses), delete "Requests".
      elements: diagram.elements.map((element) =>
        element.name === 'Web app'
          ? { ...element, name: 'Storefront' }
          : element.name === 'Browser'
            ? { ...element, layout: { ...element.layout, x: 250 } }
            : element
      ),
      flows: diagram.flows.filter((flow) => flow.id !== requestsId)
    }))
    const again = regenerateThreats(edited, generateTmtThreats(edited, template).threats)
    const triagedIds = triaged.threats.map((threat) => threat.id)
    for (const id of triagedIds) {
      const kept = again.model.threats.find((threat) => threat.id === id)!
      expect(kept.state.value).toBe('mitigated')
      expect(kept.owner).toBe('alice')
    }
    expect(new Set(again.model.threats.map((threat) => threat.id)).size).toBe(again.model.threats.length)
    // The two threats on the deleted "Requests" flow are obsolete; nothing else is.
    const obsoleteFlows = again.obsolete.map((id) => again.model.threats.find((threat) => threat.id === id)!.target)
    expect(obsoleteFlows).toEqual([
      expect.objectContaining({ flowId: requestsId }),
      expect.objectContaining({ flowId: requestsId })
    ])
    expect(again.added).toEqual([])
  })

  it('recognises a stored threat by engine, rule and interaction even when the file gave it another id', () => {
    const renumbered: ThreatModel = {
      ...triaged,
      threats: triaged.threats.map((threat, index) => ({ ...threat, id: `${index + 1}` as Threat['id'] }))
    }
    const again = regenerateThreats(renumbered, generateTmtThreats(renumbered, template).threats)
    expect(again.added).toEqual([])
    expect(again.model.threats).toHaveLength(renumbered.threats.length)
  })

  it('is idempotent', () => {
    const generated = generateTmtThreats(triaged, template).threats
    const once = regenerateThreats(triaged, generated)
    const twice = regenerateThreats(once.model, generated)
    expect(twice.model).toEqual(once.model)
    expect(twice.added).toEqual([])
  })

  it('calls a re-attached flow’s threats obsolete', () => {
    const threat = triaged.threats[0]!
    const admin = triaged.diagrams[0]!.elements.find((element) => element.name === 'Admin')!
    const reattached = editDiagram(triaged, (diagram) => ({
      ...diagram,
      flows: diagram.flows.map((flow) => (threat.target.kind === 'interaction' && flow.id === threat.target.flowId ? { ...flow, source: admin.id } : flow))
    }))
    expect(obsoleteChecker(reattached)(threat)).toBe(true)
    expect(obsoleteChecker(triaged)(threat)).toBe(false)
  })
})
