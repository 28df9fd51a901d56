import type { DiagramId } from '../../model/ids'
import type { JsonObject } from '../../model/json'
import type { ThreatModel, ThreatTarget } from '../../model/model'
import { bagObjects, pytmBag } from './model-bag'
import { classLineage } from './pytm-attributes'
import { elementClassName, type PytmViews } from './pytm-views'
import type { PythonObject } from './python-values'

/** One thing pytm evaluates threats against: an element, a flow or a boundary (all pytm Elements). */
export interface PytmItem {
  readonly view: PythonObject
  readonly name: string
  /** Its pytm class and the ancestors, for matching a threat's targets the way isinstance does. */
  readonly lineage: readonly string[]
  readonly target: ThreatTarget
  readonly targetId: string
  readonly diagramId: DiagramId
  readonly inScope: boolean
  /** Overrides in merge order: the item's own, then (flows) the sink's, then the source's. */
  readonly overrides: readonly JsonObject[]
  /** SIDs the item's own overrides force even when the condition is false (pytm.md §6 step 3). */
  readonly forced: ReadonlySet<string>
}

/** Every item in pytm's order: elements, then flows, then boundaries, diagram by diagram. Annotations are not pytm items. */
export function pytmItems(model: ThreatModel, views: PytmViews): PytmItem[] {
  const items: PytmItem[] = []
  for (const diagram of model.diagrams) {
    for (const element of diagram.elements) {
      const className = elementClassName(element)
      if (className === null) continue
      const overrides = bagObjects(pytmBag(element.extensions), 'overrides')
      items.push({
        view: views.element(element, diagram),
        name: element.name,
        lineage: classLineage(className),
        target: { kind: 'element', elementId: element.id },
        targetId: element.id,
        diagramId: diagram.id,
        inScope: !element.outOfScope,
        overrides,
        forced: sidsOf(overrides)
      })
    }
    for (const flow of diagram.flows) {
      const own = bagObjects(pytmBag(flow.extensions), 'overrides')
      const endOverrides = (id: string | null): JsonObject[] => {
        const end = views.elementOf(id)
        return end === undefined ? [] : bagObjects(pytmBag(end.extensions), 'overrides')
      }
      // check() merges the sink's overrides onto the flow, then the source's for threats not yet there;
      // resolve() then forces only the flow's own ones (pytm.md §6 steps 2 and 5).
      const merged: JsonObject[] = []
      for (const override of [...own, ...endOverrides(flow.target), ...endOverrides(flow.source)]) {
        if (!merged.some((entry) => entry.threat_id === override.threat_id)) merged.push(override)
      }
      items.push({
        view: views.flow(flow, diagram),
        name: flow.name,
        lineage: classLineage('Dataflow'),
        target: { kind: 'flow', flowId: flow.id },
        targetId: flow.id,
        diagramId: diagram.id,
        inScope: !flow.outOfScope,
        overrides: merged,
        forced: sidsOf(own)
      })
    }
    for (const boundary of diagram.boundaries) {
      const overrides = bagObjects(pytmBag(boundary.extensions), 'overrides')
      const view = views.boundary(boundary, diagram)
      items.push({
        view,
        name: boundary.name,
        lineage: classLineage('Boundary'),
        target: { kind: 'boundary', boundaryId: boundary.id },
        targetId: boundary.id,
        diagramId: diagram.id,
        inScope: view.attribute('inScope') !== false,
        overrides,
        forced: sidsOf(overrides)
      })
    }
  }
  return items
}

function sidsOf(overrides: readonly JsonObject[]): ReadonlySet<string> {
  if (overrides.length === 0) return NO_SIDS
  return new Set(overrides.map((override) => override.threat_id).filter((sid): sid is string => typeof sid === 'string'))
}

/** Most items override nothing; they share this empty set. */
const NO_SIDS: ReadonlySet<string> = new Set()
