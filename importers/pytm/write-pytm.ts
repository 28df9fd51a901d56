import { diagnostic, type Diagnostic } from '../../model/diagnostics'
import type { JsonObject, JsonValue } from '../../model/json'
import type { ThreatModel } from '../../model/model'
import type { WriteResult } from '../format'
import { bagObject, pytmBagOf } from './pytm-bag-read'
import { TM_ATTRIBUTES } from '../../vocabularies/pytm/pytm-classes'
import { enumMemberOf } from '../../vocabularies/pytm/pytm-enums'
import { UniqueNames } from './unique-names'
import { loaderLosses } from './write-losses'
import { loaderClassOf, writeAssumption, writeBoundary, writeData, writeElement, writeFlow, type WriteNames } from './write-items'

const encoder = new TextEncoder()

/**
 * The model as the JSON that `pytm.load` reads (pytm.md §4, checked against the loader of pytm 1.4.0 /
 * HEAD 86ccaa8 and, for the parts it had, 1.3.1; element assumptions and the `data` section need 1.4.0).
 * The `--json` dump is never written: pytm cannot read it back. Only values that differ from pytm's
 * defaults are written, plus a flow's attributes its source set explicitly. What pytm's input has no
 * place for (threats and their triage, element data, more than one diagram) is reported as warnings.
 */
export function writePytm(model: ThreatModel): WriteResult {
  const diagnostics: Diagnostic[] = []
  const note = (message: string): void => {
    diagnostics.push(diagnostic('pytm.write.lossy', 'warning', message))
  }
  const document = loaderDocument(model, note)
  if (model.threats.length > 0) {
    note(`${model.threats.length} threats are not written: pytm's input has no findings (pytm recomputes them, without triage)`)
  }
  return { bytes: encoder.encode(`${JSON.stringify(document, null, 2)}\n`), diagnostics }
}

function loaderDocument(model: ThreatModel, note: (message: string) => void): JsonObject {
  if (model.diagrams.length > 1) note(`pytm has one diagram; the model's ${model.diagrams.length} diagrams are written as one`)
  const names = chooseNames(model, note)
  const assumptionsOf = (itemId: string | null): JsonValue[] =>
    model.assumptions
      .filter((assumption) => (pytmBagOf(assumption.extensions).appliesTo ?? null) === itemId)
      .map(writeAssumption)

  const boundaries: JsonValue[] = []
  const elements: JsonValue[] = []
  const flows: JsonValue[] = []
  for (const diagram of model.diagrams) {
    for (const message of loaderLosses(diagram)) note(message)
    for (const boundary of diagram.boundaries) {
      if (boundary.shape.kind === 'line') note(`trust line "${boundary.name}" is written as a pytm boundary, which has no geometry`)
      boundaries.push(writeBoundary(boundary, diagram, names, assumptionsOf(boundary.id)))
    }
    for (const element of diagram.elements) {
      const className = loaderClassOf(element)
      if (className === null) {
        note(`annotation "${element.name}" is not written: pytm has no annotations`)
        continue
      }
      elements.push(writeElement(element, className, diagram, names, assumptionsOf(element.id)))
    }
    const annotations = new Set(diagram.elements.filter((element) => loaderClassOf(element) === null).map((element) => element.id))
    for (const flow of diagram.flows) {
      const source = flow.source === null ? undefined : names.of(flow.source)
      const sink = flow.target === null ? undefined : names.of(flow.target)
      // Only written elements have names (pytm.load refuses a flow to an unknown name); TMT lets a flow end
      // on a free-text annotation, which has no pytm class.
      if (source === undefined || sink === undefined) {
        const onAnnotation = [flow.source, flow.target].some((end) => end !== null && annotations.has(end))
        note(`flow "${flow.name}" is not written: ${onAnnotation ? 'it ends on an annotation, which pytm has no class for' : 'pytm needs both ends attached to elements'}`)
        continue
      }
      flows.push(writeFlow(flow, source, sink, names, assumptionsOf(flow.id)))
    }
  }
  return {
    name: model.metadata.title,
    description: model.metadata.description,
    ...tmSettings(pytmBagOf(model.extensions)),
    ...(assumptionsOf(null).length > 0 ? { assumptions: assumptionsOf(null) } : {}),
    boundaries,
    data: model.dataAssets.map((asset) => writeData(asset, names)),
    elements,
    flows
  }
}

/** TM settings that differ from pytm's defaults; `threatsFile` only from a loader file (a dump's is a path on another machine). */
function tmSettings(bag: JsonObject): JsonObject {
  const tm = bagObject(bag, 'tm')
  const settings: Record<string, JsonValue> = {}
  for (const attribute of TM_ATTRIBUTES) {
    const value = tm[attribute.key]
    if (value === undefined || value === null || value === attribute.type.default) continue
    if (attribute.key === 'threatsFile' && bag.shape !== 'loader') continue
    settings[attribute.key] = attribute.type.kind === 'enum' ? (enumMemberOf(attribute.type.enum, value)?.value ?? value) : value
  }
  const excluded = tm.threatsExcluded
  if (Array.isArray(excluded) && excluded.length > 0) settings.threatsExcluded = excluded
  return { ...settings, ...bagObject(bag, 'extra') }
}

/** Unique names per kind, because every pytm reference is a name (pytm.md §4). */
function chooseNames(model: ThreatModel, note: (message: string) => void): WriteNames {
  const chosen = new Map<string, string>()
  const claim = (names: UniqueNames, id: string, name: string, what: string): void => {
    const result = names.claim(name)
    if (result.renamed) note(`a second ${what} called "${name}" is written as "${result.name}": pytm names must be unique`)
    chosen.set(id, result.name)
  }
  const boundaries = new UniqueNames()
  const elements = new UniqueNames()
  const flows = new UniqueNames()
  const data = new UniqueNames()
  for (const diagram of model.diagrams) {
    for (const boundary of diagram.boundaries) claim(boundaries, boundary.id, boundary.name, 'boundary')
    // Annotations are not written, so they take no name from an element that is.
    for (const element of diagram.elements) if (loaderClassOf(element) !== null) claim(elements, element.id, element.name, 'element')
    for (const flow of diagram.flows) claim(flows, flow.id, flow.name, 'flow')
  }
  for (const asset of model.dataAssets) claim(data, asset.id, asset.name, 'data item')
  return { of: (id) => chosen.get(id), note }
}
