import type { Diagram, ThreatModel } from '../model/model'

/** Names of everything a threat or a table can point at, looked up once per report. */
export interface ModelNames {
  readonly item: (id: string | null) => string
  readonly diagram: (id: string | null) => string | null
  readonly flowEnds: (flowId: string) => { readonly source: string | null; readonly target: string | null } | null
}

export function modelNames(model: ThreatModel): ModelNames {
  const items = new Map<string, string>()
  const ends = new Map<string, { source: string | null; target: string | null }>()
  const diagrams = new Map<string, string>()
  for (const diagram of model.diagrams) {
    diagrams.set(diagram.id, displayName(diagram.name, diagram.id))
    collect(diagram, items, ends)
  }
  for (const asset of model.dataAssets) items.set(asset.id, displayName(asset.name, asset.id))
  return {
    // A dangling reference keeps its id in sight, so the reader can still trace it in the file.
    item: (id) => (id === null ? '(unattached)' : (items.get(id) ?? `(missing: ${id})`)),
    diagram: (id) => (id === null ? null : (diagrams.get(id) ?? `(missing: ${id})`)),
    flowEnds: (flowId) => ends.get(flowId) ?? null
  }
}

/** An unnamed item is shown by its id, so no row in a table is blank. */
export function displayName(name: string, id: string): string {
  return name.trim() === '' ? id : name
}

function collect(
  diagram: Diagram,
  items: Map<string, string>,
  ends: Map<string, { source: string | null; target: string | null }>
): void {
  for (const element of diagram.elements) items.set(element.id, displayName(element.name, element.id))
  for (const boundary of diagram.boundaries) items.set(boundary.id, displayName(boundary.name, boundary.id))
  for (const flow of diagram.flows) {
    items.set(flow.id, displayName(flow.name, flow.id))
    ends.set(flow.id, { source: flow.source, target: flow.target })
  }
}
