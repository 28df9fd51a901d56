import { STRIDE_CATEGORIES, type StrideCategory } from '../../../model/enums'
import type { DiagramId } from '../../../model/ids'
import type { Diagram, ThreatModel, ThreatTarget } from '../../../model/model'
import { targetKey } from '../../../model/threat-target'

/** Where a threat can be written, copied or moved: a target on a diagram, with the name a reviewer reads. */
export interface ThreatDestination {
  readonly key: string
  readonly label: string
  readonly target: ThreatTarget
  readonly diagramId: DiagramId
}

/** What the "Add threat" form gives back. */
export interface NewThreatForm {
  readonly destination: ThreatDestination
  readonly title: string
  /** A STRIDE category, or '' for none. */
  readonly category: string
  readonly description: string
}

/**
 * Where "Copy/Move to selection" puts a threat: the selection's destination of the threat's own kind (an
 * interaction threat goes to the selected flow's interaction), else the first; null when the selection
 * names no single target or names the threat's own.
 */
export function copyDestination(
  destinations: readonly ThreatDestination[],
  current: { readonly target: ThreatTarget }
): ThreatDestination | null {
  const chosen = destinations.find((each) => each.target.kind === current.target.kind) ?? destinations[0]
  if (!chosen) return null
  // Compared by target only: an imported threat may have no diagram id, and that is not a different place.
  return targetKey(chosen.target) === targetKey(current.target) ? null : chosen
}

export const CATEGORY_LABELS: Readonly<Record<StrideCategory, string>> = {
  spoofing: 'Spoofing',
  tampering: 'Tampering',
  repudiation: 'Repudiation',
  informationDisclosure: 'Information disclosure',
  denialOfService: 'Denial of service',
  elevationOfPrivilege: 'Elevation of privilege'
}

export const STRIDE_CHOICES: readonly { readonly value: StrideCategory; readonly label: string }[] = STRIDE_CATEGORIES.map((value) => ({
  value,
  label: CATEGORY_LABELS[value]
}))

/**
 * The targets the canvas selection offers: exactly one element or flow, else none (a boundary or several
 * items name no single target). A flow attached at both ends also offers its interaction
 * source → flow → target, which is what STRIDE-per-interaction threats name (TMT's interaction threats).
 */
export function destinationsOf(diagram: Diagram | null, selection: readonly string[]): readonly ThreatDestination[] {
  if (diagram === null || selection.length !== 1) return []
  const id = selection[0]
  const element = diagram.elements.find((each) => each.id === id)
  if (element) return [{ key: 'element', label: element.name || element.id, target: { kind: 'element', elementId: element.id }, diagramId: diagram.id }]
  const flow = diagram.flows.find((each) => each.id === id)
  if (!flow) return []
  const flowName = flow.name || flow.id
  const only: ThreatDestination = { key: 'flow', label: `the flow ${flowName}`, target: { kind: 'flow', flowId: flow.id }, diagramId: diagram.id }
  const source = diagram.elements.find((each) => each.id === flow.source)
  const target = diagram.elements.find((each) => each.id === flow.target)
  if (!source || !target) return [only]
  return [
    only,
    {
      key: 'interaction',
      label: `the interaction ${source.name} → ${flowName} → ${target.name}`,
      target: { kind: 'interaction', sourceId: source.id, flowId: flow.id, targetId: target.id },
      diagramId: diagram.id
    }
  ]
}

/** The diagram shown, found by id in the model (the panel gets the id; the model may be a newer version). */
export function diagramOf(model: ThreatModel, id: string | null): Diagram | null {
  return id === null ? null : (model.diagrams.find((diagram) => diagram.id === id) ?? null)
}
