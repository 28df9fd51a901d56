import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { obsoleteChecker } from '../../../analysis/obsolete-threats'
import { regenerateThreats } from '../../../analysis/regenerate-threats'
import { generateStridePerInteraction } from '../../../analysis/stride/generate-stride-per-interaction'
import { generateTmtThreats } from '../../../analysis/tmt-rules/generate-tmt-threats'
import { readNative } from '../../../importers/native/read-native'
import { canonical } from '../../../model/canonical'
import { deleteItems, moveItems, renameItem } from '../../../model/edits/diagram-edits'
import { editThreats, type TriagePatch } from '../../../model/edits/threat-edits'
import { IMPACTS, LIKELIHOODS, PRIORITIES, SEVERITIES, type ThreatState } from '../../../model/enums'
import type { DiagramItemId, ThreatId } from '../../../model/ids'
import type { Diagram, Threat, ThreatModel } from '../../../model/model'
import { STRIDE_PER_INTERACTION } from '../../../templates/stride-per-interaction'
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

/** The embedded sample, read from its file as the app reads it. */
function sampleModel(): ThreatModel {
  const path = join(__dirname, '..', '..', '..', 'samples', 'web-shop.twm')
  const { model, diagnostics } = readNative({ bytes: new Uint8Array(readFileSync(path)), fileName: 'web-shop.twm' })
  if (model === null) throw new Error(diagnostics.map((entry) => entry.message).join('; '))
  return model
}

const strideThreats = (model: ThreatModel): Threat[] => generateStridePerInteraction(model, STRIDE_PER_INTERACTION)

/** `count` members spread evenly over the list (first and last included), so both flows of an element get some. */
function spread<Item>(items: readonly Item[], count: number): Item[] {
  if (items.length < count) throw new Error(`wanted ${count} threats, the group has ${items.length}`)
  if (count === 1) return [items[0]!]
  return Array.from({ length: count }, (_, index) => items[Math.round((index * (items.length - 1)) / (count - 1))]!)
}

const touches = (threat: Threat, elementId: string): boolean =>
  threat.target.kind === 'interaction' && (threat.target.sourceId === elementId || threat.target.targetId === elementId)

/** Every triage field the model has, with values no generator produces, different for each threat. */
function triageAll(model: ThreatModel, ids: readonly ThreatId[]): ThreatModel {
  const states: ThreatState[] = ['mitigated', 'accepted', 'notApplicable', 'needsInvestigation']
  let current = model
  ids.forEach((id, index) => {
    const patch: TriagePatch = {
      state: states[index % states.length]!,
      priority: PRIORITIES[index % PRIORITIES.length]!,
      severity: SEVERITIES[index % SEVERITIES.length]!,
      justification: `Reviewed in workshop ${index}`,
      mitigations: [{ description: `Mitigation ${index}`, status: index % 2 === 0 ? 'implemented' : 'planned' }],
      owner: `Owner ${index}`,
      ticket: `SHOP-${700 + index}`,
      reviewDate: `2027-0${(index % 9) + 1}-15`
    }
    const edited = editThreats(current, [id], patch, { by: `reviewer ${index}`, at: `2026-11-2${index % 10}T10:00:00Z` })
    if (edited.kind === 'refused') throw new Error(edited.reason)
    current = edited.model
  })
  // The triage edits have no likelihood or impact field (threat-edits.ts TriagePatch); set them as a plain update.
  return {
    ...current,
    threats: current.threats.map((threat) => {
      const index = ids.indexOf(threat.id)
      return index < 0
        ? threat
        : { ...threat, likelihood: canonical(LIKELIHOODS[index % LIKELIHOODS.length]!), impact: canonical(IMPACTS[(index + 1) % IMPACTS.length]!) }
    })
  }
}

describe('regenerateThreats: the sample, 10 triaged STRIDE-per-interaction threats, then rename, move and delete', () => {
  const sample = sampleModel()
  const diagramId = sample.diagrams[0]!.id
  const generated = regenerateThreats(sample, strideThreats(sample))
  const fresh = generated.model.threats.filter((threat) => generated.added.includes(threat.id))
  // The identity provider is renamed, the browser moved, the database deleted; api-calls joins none of them.
  const renamedId = 'identity-provider'
  const movedId = 'browser'
  const deletedId = 'database'
  const edited = [renamedId, movedId, deletedId]
  const onDeleted = spread(fresh.filter((threat) => touches(threat, deletedId)), 3)
  const onRenamed = spread(fresh.filter((threat) => touches(threat, renamedId)), 2)
  // The move takes the browser into the data-centre box (x 360..920, y 40..580), so its flows stop crossing a
  // boundary and the rows that need a crossing stop firing: two such threats, kept only by the merge, and one other.
  const moveDelta = { x: 300, y: 260 }
  const generatedAfterMove = new Set<string>(strideThreats(moveItems(sample, diagramId, [movedId as DiagramItemId], moveDelta)).map((threat) => threat.id))
  const onBrowser = fresh.filter((threat) => touches(threat, movedId))
  const onMoved = [
    ...spread(onBrowser.filter((threat) => !generatedAfterMove.has(threat.id)), 2),
    ...spread(onBrowser.filter((threat) => generatedAfterMove.has(threat.id)), 1)
  ]
  const onOthers = spread(fresh.filter((threat) => !edited.some((id) => touches(threat, id))), 2)
  const chosen = [...onDeleted, ...onRenamed, ...onMoved, ...onOthers].map((threat) => threat.id)
  const triaged = triageAll(generated.model, chosen)
  const triagedThreat = (id: ThreatId): Threat => triaged.threats.find((threat) => threat.id === id)!

  // The editor's own edits: rename, move, and delete, which takes the database's flows along.
  const renamed = renameItem(triaged, diagramId, renamedId as DiagramItemId, 'Corporate sign-in')
  const moved = moveItems(renamed, diagramId, [movedId as DiagramItemId], moveDelta)
  const afterEdits = deleteItems(moved, diagramId, [deletedId as DiagramItemId])
  const regenerated = regenerateThreats(afterEdits, strideThreats(afterEdits))

  it('triages 10 distinct generated threats in every triage field', () => {
    expect(new Set(chosen).size).toBe(10)
    for (const id of chosen) {
      const before = fresh.find((threat) => threat.id === id)!
      const after = triagedThreat(id)
      for (const field of ['state', 'priority', 'severity', 'likelihood', 'impact', 'justification', 'mitigations', 'owner', 'ticket', 'reviewDate', 'changedBy', 'changedAt'] as const) {
        expect(after[field], `${id} ${field}`).not.toEqual(before[field])
      }
    }
  })

  it('really renamed, moved and deleted: the database and both its flows are gone, the browser’s flows stop crossing', () => {
    const diagram = afterEdits.diagrams[0]!
    expect(diagram.elements.find((element) => element.id === renamedId)?.name).toBe('Corporate sign-in')
    const before = triaged.diagrams[0]!.elements.find((element) => element.id === movedId)!.layout
    expect(diagram.elements.find((element) => element.id === movedId)?.layout).toEqual({ ...before, x: before.x + moveDelta.x, y: before.y + moveDelta.y })
    expect(diagram.elements.some((element) => element.id === deletedId)).toBe(false)
    const deletedFlows = triaged.diagrams[0]!.flows.filter((flow) => flow.source === deletedId || flow.target === deletedId)
    expect(deletedFlows).toHaveLength(2)
    expect(diagram.flows.filter((flow) => deletedFlows.some((gone) => gone.id === flow.id))).toEqual([])
    // Two triaged threats on the browser's flows are no longer generated after all the edits: kept only by the merge.
    const nowGenerated = new Set<string>(strideThreats(afterEdits).map((threat) => threat.id))
    expect(onMoved.filter((threat) => !nowGenerated.has(threat.id))).toHaveLength(2)
  })

  it('keeps each of the 10 triaged threats once, every field as triaged', () => {
    for (const id of chosen) {
      const kept = regenerated.model.threats.filter((threat) => threat.id === id)
      expect(kept, id).toEqual([triagedThreat(id)])
    }
    expect(regenerated.model.triageHistory).toEqual(triaged.triageHistory)
  })

  it('reports exactly the threats on the deleted database and its flows as obsolete, the triaged ones among them', () => {
    const deletedFlowIds = new Set<string>(
      triaged.diagrams[0]!.flows.filter((flow) => flow.source === deletedId || flow.target === deletedId).map((flow) => flow.id)
    )
    const onDeletedThings = (threat: Threat): boolean =>
      (threat.target.kind === 'element' && threat.target.elementId === deletedId) ||
      ((threat.target.kind === 'flow' || threat.target.kind === 'interaction') && deletedFlowIds.has(threat.target.flowId))
    const expected = triaged.threats.filter(onDeletedThings).map((threat) => threat.id)
    expect([...regenerated.obsolete].sort()).toEqual([...expected].sort())
    const isObsolete = obsoleteChecker(regenerated.model)
    for (const threat of onDeleted) expect(isObsolete(triagedThreat(threat.id)), threat.id).toBe(true)
    for (const threat of [...onRenamed, ...onMoved, ...onOthers]) expect(isObsolete(triagedThreat(threat.id)), threat.id).toBe(false)
  })

  it('duplicates nothing: ids are unique, and so are engine, rule and interaction', () => {
    const ids = regenerated.model.threats.map((threat) => threat.id)
    expect(new Set(ids).size).toBe(ids.length)
    const generatedKeys = regenerated.model.threats.flatMap((threat) =>
      threat.origin.kind === 'generated' ? [`${threat.origin.engine}|${threat.origin.ruleId}|${JSON.stringify(threat.target)}`] : []
    )
    expect(new Set(generatedKeys).size).toBe(generatedKeys.length)
  })

  it('is idempotent after the edits', () => {
    const again = regenerateThreats(regenerated.model, strideThreats(regenerated.model))
    expect(again.model).toEqual(regenerated.model)
    expect(again.added).toEqual([])
  })
})
