import { newId, type DiagramId } from '../ids'
import type { Diagram, ThreatModel } from '../model'
import { cloneItems } from './clipboard'

/** Edits of the model's list of diagrams (the tabs). Pure; the same model back when nothing changes. */

export function addDiagram(model: ThreatModel, diagram: Diagram): ThreatModel {
  return { ...model, diagrams: [...model.diagrams, diagram] }
}

export function renameDiagram(model: ThreatModel, diagramId: DiagramId, name: string): ThreatModel {
  const diagram = model.diagrams.find((each) => each.id === diagramId)
  if (diagram === undefined || diagram.name === name) return model
  return { ...model, diagrams: model.diagrams.map((each) => (each.id === diagramId ? { ...each, name } : each)) }
}

/**
 * A copy of a diagram right after it, with fresh ids for the diagram and everything on it (ids are
 * unique model-wide). Threats are not copied: they belong to the original's items.
 */
export function duplicateDiagram(model: ThreatModel, diagramId: DiagramId, copyId: DiagramId = newId<DiagramId>()): ThreatModel {
  const index = model.diagrams.findIndex((each) => each.id === diagramId)
  const diagram = model.diagrams[index]
  if (diagram === undefined) return model
  const items = cloneItems(diagram, { x: 0, y: 0 })
  const copy: Diagram = { ...diagram, id: copyId, name: `${diagram.name} (copy)`, ...items }
  const diagrams = [...model.diagrams]
  diagrams.splice(index + 1, 0, copy)
  return { ...model, diagrams }
}

/** The editor always shows a diagram, so the last one cannot be deleted. */
export function deleteDiagram(model: ThreatModel, diagramId: DiagramId): ThreatModel {
  if (model.diagrams.length <= 1 || !model.diagrams.some((each) => each.id === diagramId)) return model
  const remaining = model.diagrams.filter((each) => each.id !== diagramId)
  const flowIds = new Set(remaining.flatMap((diagram) => diagram.flows.map((flow) => flow.id as string)))
  // A flow may answer a flow on the deleted diagram (pytm responseTo is model-wide): clear it.
  return {
    ...model,
    diagrams: remaining.map((diagram) =>
      diagram.flows.some((flow) => flow.responseTo !== null && !flowIds.has(flow.responseTo))
        ? { ...diagram, flows: diagram.flows.map((flow) => (flow.responseTo !== null && !flowIds.has(flow.responseTo) ? { ...flow, responseTo: null } : flow)) }
        : diagram
    )
  }
}

/** Moves a diagram to `toIndex` (clamped), keeping the others in order. */
export function moveDiagram(model: ThreatModel, diagramId: DiagramId, toIndex: number): ThreatModel {
  const from = model.diagrams.findIndex((each) => each.id === diagramId)
  const diagram = model.diagrams[from]
  if (diagram === undefined) return model
  const to = Math.max(0, Math.min(model.diagrams.length - 1, Math.trunc(toIndex)))
  if (to === from) return model
  const diagrams = model.diagrams.filter((each) => each.id !== diagramId)
  diagrams.splice(to, 0, diagram)
  return { ...model, diagrams }
}
