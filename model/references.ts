import { diagnostic, type Diagnostic } from './diagnostics'
import type { Diagram, ThreatModel } from './model'
import { indexModel, type ModelIndex } from './model-index'
import { checkThreatReferences } from './threat-references'

/**
 * The checks a schema cannot express: unique ids and references between parts of the model.
 * Broken structure references are errors; stale threat references are warnings (threat-references.ts).
 */
export function checkReferences(model: ThreatModel): Diagnostic[] {
  const diagnostics: Diagnostic[] = []
  const index = indexModel(model, diagnostics)
  model.diagrams.forEach((diagram, d) => checkDiagram(diagram, d, index, diagnostics))
  checkThreatReferences(model, index, diagnostics)
  return diagnostics
}

function checkDiagram(diagram: Diagram, d: number, index: ModelIndex, diagnostics: Diagnostic[]): void {
  const at = `diagrams[${d}]`
  const broken = (path: string, message: string): void => {
    diagnostics.push(diagnostic('model.reference', 'error', message, { path }))
  }
  // A flow or a boundary may only refer to elements drawn on its own diagram.
  const checkSameDiagramElement = (id: string, path: string, role: string): void => {
    const place = index.elements.get(id)
    if (place === undefined) broken(path, `${role} "${id}" is not an element of any diagram`)
    else if (place.diagram !== d) broken(path, `${role} "${id}" is an element of another diagram (${place.path})`)
  }
  const checkDataAssets = (ids: readonly string[], path: string): void => {
    ids.forEach((id, i) => {
      if (!index.dataAssets.has(id)) broken(`${path}[${i}]`, `data asset "${id}" does not exist`)
    })
  }

  diagram.elements.forEach((element, i) => {
    const path = `${at}.elements[${i}]`
    checkDataAssets(element.dataProcessed, `${path}.dataProcessed`)
    checkDataAssets(element.dataStored, `${path}.dataStored`)
  })
  diagram.flows.forEach((flow, i) => {
    const path = `${at}.flows[${i}]`
    if (flow.source !== null) checkSameDiagramElement(flow.source, `${path}.source`, 'flow source')
    if (flow.target !== null) checkSameDiagramElement(flow.target, `${path}.target`, 'flow target')
    checkDataAssets(flow.dataSent, `${path}.dataSent`)
    checkDataAssets(flow.dataReceived, `${path}.dataReceived`)
    if (flow.responseTo !== null && !index.flows.has(flow.responseTo)) {
      broken(`${path}.responseTo`, `responseTo "${flow.responseTo}" is not a flow of this model`)
    }
  })
  diagram.boundaries.forEach((boundary, i) => {
    boundary.statedMembers?.forEach((member, m) =>
      checkSameDiagramElement(member, `${at}.boundaries[${i}].statedMembers[${m}]`, 'stated member')
    )
  })
}
