import { diagnostic, type Diagnostic } from './diagnostics'
import type { ThreatModel } from './model'

/** Where an id was first seen: its path, and the diagram it lives on (-1 off-diagram). */
export interface IdPlace {
  readonly path: string
  readonly diagram: number
}

/** Every id of a model by kind, built in one pass so reference checks stay linear. */
export interface ModelIndex {
  readonly diagrams: ReadonlyMap<string, IdPlace>
  readonly elements: ReadonlyMap<string, IdPlace>
  readonly flows: ReadonlyMap<string, IdPlace>
  readonly boundaries: ReadonlyMap<string, IdPlace>
  readonly dataAssets: ReadonlyMap<string, IdPlace>
  readonly threatDefinitions: ReadonlyMap<string, IdPlace>
  readonly threats: ReadonlyMap<string, IdPlace>
  readonly assumptions: ReadonlyMap<string, IdPlace>
  readonly notes: ReadonlyMap<string, IdPlace>
}

/**
 * Indexes ids and reports each repeat as an error. Ids are unique per kind across the whole model,
 * not per diagram: threats, data assets and the native format refer to items by id alone.
 */
export function indexModel(model: ThreatModel, diagnostics: Diagnostic[]): ModelIndex {
  const index = {
    diagrams: new Map<string, IdPlace>(),
    elements: new Map<string, IdPlace>(),
    flows: new Map<string, IdPlace>(),
    boundaries: new Map<string, IdPlace>(),
    dataAssets: new Map<string, IdPlace>(),
    threatDefinitions: new Map<string, IdPlace>(),
    threats: new Map<string, IdPlace>(),
    assumptions: new Map<string, IdPlace>(),
    notes: new Map<string, IdPlace>()
  }
  const register = (kind: keyof ModelIndex, id: string, path: string, diagram = -1): void => {
    const first = index[kind].get(id)
    if (first === undefined) {
      index[kind].set(id, { path, diagram })
      return
    }
    const message = `duplicate id "${id}": already used at ${first.path}`
    diagnostics.push(diagnostic('model.duplicate-id', 'error', message, { path: `${path}.id` }))
  }
  model.diagrams.forEach((diagram, d) => {
    const at = `diagrams[${d}]`
    register('diagrams', diagram.id, at)
    diagram.elements.forEach((element, i) => register('elements', element.id, `${at}.elements[${i}]`, d))
    diagram.flows.forEach((flow, i) => register('flows', flow.id, `${at}.flows[${i}]`, d))
    diagram.boundaries.forEach((boundary, i) => register('boundaries', boundary.id, `${at}.boundaries[${i}]`, d))
  })
  model.dataAssets.forEach((asset, i) => register('dataAssets', asset.id, `dataAssets[${i}]`))
  model.threatDefinitions.forEach((definition, i) =>
    register('threatDefinitions', definition.id, `threatDefinitions[${i}]`)
  )
  model.threats.forEach((threat, i) => register('threats', threat.id, `threats[${i}]`))
  model.assumptions.forEach((assumption, i) => register('assumptions', assumption.id, `assumptions[${i}]`))
  model.notes.forEach((note, i) => register('notes', note.id, `notes[${i}]`))
  return index
}
