import { diagnostic, hasErrors } from '../../model/diagnostics'
import type { BoundaryId, FlowId } from '../../model/ids'
import type { JsonValue } from '../../model/json'
import { validateModel } from '../../model/validate'
import type { ReadInput, ReadResult } from '../format'
import { decodeUtf8 } from '../text/decode-text'
import { findJsonSyntaxError } from '../text/json-syntax-error'
import { lineColumnAt } from '../text/line-column'
import { buildPytmModel } from './build-pytm-model'
import { TM_ATTRIBUTES } from '../../vocabularies/pytm/pytm-classes'
import { pytmBoundaryId, pytmDataId, pytmElementId, pytmFlowId } from '../../vocabularies/pytm/pytm-ids'
import { PytmNameTable } from './pytm-names'
import { PytmReadContext } from './pytm-read-context'
import { pytmShapeOf } from './pytm-shape'
import { collectSource, type PytmSource } from './pytm-source'
import { readAttributes } from './read-attributes'
import { readAssumptionList, stringField, stringList, type PytmNames, type RawAssumption } from './read-common-fields'
import { readData } from './read-data'
import { readBoundary, readElement, type ReadBoundary, type ReadElement } from './read-elements'
import { readFindings } from './read-findings'
import { readFlow, type ReadFlow } from './read-flows'
import { threatsFromFindings } from './read-threats'

/** Top-level keys that are not TM settings: the item lists, and the dump's copies and outputs. */
const DOCUMENT_KEYS: ReadonlySet<string> = new Set([
  'name',
  'description',
  'assumptions',
  'boundaries',
  'data',
  'elements',
  'flows',
  'actors',
  'assets',
  'findings',
  'excluded_findings',
  'threatsExcluded',
  'colormap'
])

/**
 * Reads a pytm JSON file in either shape (pytm.md §3–4): the loader input `pytm.load` reads, or the
 * `--json` dump. Pure and never throws; every problem is a diagnostic naming the file, the JSON path and
 * the line and column. Findings in a dump become threats with their state.
 */
export function readPytm(input: ReadInput): ReadResult {
  const file = input.fileName
  const decoded = decodeUtf8(input.bytes)
  if (decoded.kind === 'refused') {
    return { model: null, diagnostics: [diagnostic('pytm.encoding', 'error', `the file ${decoded.reason}`, { file })] }
  }
  const text = decoded.text
  const document = parseDocument(text)
  if (document.kind === 'invalid') {
    return { model: null, diagnostics: [diagnostic('pytm.json', 'error', document.message, { file, ...document.place })] }
  }
  const context = new PytmReadContext(file, text)
  const source = collectSource(document.value, pytmShapeOf(document.value), context)
  const model = readModel(source, context)
  if (model === null || hasErrors(context.diagnostics)) return { model: null, diagnostics: context.diagnostics }
  const validation = validateModel(model, { keepClean: true })
  const diagnostics = [
    ...context.diagnostics,
    ...validation.diagnostics.map((entry) => ({ ...entry, location: { ...entry.location, file } }))
  ]
  return { model: validation.model, diagnostics }
}

function readModel(source: PytmSource, context: PytmReadContext): ReturnType<typeof buildPytmModel> | null {
  const { document } = source
  const names: PytmNames = {
    boundaries: new PytmNameTable('boundary', pytmBoundaryId),
    data: new PytmNameTable('data item', pytmDataId),
    elements: new PytmNameTable('element', pytmElementId),
    flows: new PytmNameTable('flow', pytmFlowId)
  }
  for (const item of source.boundaries) names.boundaries.register(item, context)
  for (const item of source.data) names.data.register(item, context)
  for (const item of source.elements) names.elements.register(item, context)
  for (const item of source.flows) names.flows.register(item, context)

  const name = stringField(document, 'name', [], context)
  if (name === '') context.error('pytm.name.missing', 'the model has no "name"; pytm requires one', [])
  const boundaries = source.boundaries.map((item) => readBoundary(item, names, context))
  checkBoundaryCycles(boundaries, source, context)
  const elements = source.elements.map((item) => readElement(item, names, context)).filter(isPresent)
  const flows = source.flows.map((item) => readFlow(item, names, context))
  const data = source.data.map((item) => readData(item, names, context))
  if (hasErrors(context.diagnostics)) return null

  const statedAssumptions: RawAssumption[] = [
    ...readAssumptionList(document.assumptions, ['assumptions'], null, context),
    ...boundaries.flatMap((boundary) => boundary.common.assumptions),
    ...elements.flatMap((element) => element.common.assumptions),
    ...flows.flatMap((flow) => flow.common.assumptions)
  ]
  const { threats, assumptions } = threatsFromFindings(
    [...readFindings(document, 'findings', context), ...readFindings(document, 'excluded_findings', context)],
    names,
    statedAssumptions,
    context
  )
  const itemIds = new Map<string, string>([
    ...boundaries.map((boundary): [string, string] => [boundary.name, boundary.id]),
    ...flows.map((flow): [string, string] => [flow.name, flow.id]),
    ...elements.map((element): [string, string] => [element.name, element.id])
  ])
  return buildPytmModel({
    name,
    description: stringField(document, 'description', [], context),
    modelBag: modelBag(source, context),
    boundaries,
    elements,
    flows,
    data,
    assumptions,
    threats,
    itemIds,
    responseTo: pairResponses(flows, context)
  })
}

/** The TM's settings (pytm.md §2, `TM`) and unknown top-level keys, for the engine and the writer. */
function modelBag(source: PytmSource, context: PytmReadContext): Record<string, JsonValue> {
  const item = { object: source.document, path: [], name: '' }
  const settings = readAttributes(item, TM_ATTRIBUTES, DOCUMENT_KEYS, context)
  const tm: Record<string, JsonValue> = Object.fromEntries(settings.values)
  tm.threatsExcluded = stringList(source.document.threatsExcluded, ['threatsExcluded'], 'threatsExcluded', context) ?? []
  const bag: Record<string, JsonValue> = { shape: source.shape, tm }
  if (Object.keys(settings.extra).length > 0) bag.extra = settings.extra
  return bag
}

/**
 * pytm's `parents()` walks `inBoundary` upwards and would never end on a cycle; here a cycle is an error
 * at the boundary that closes it.
 */
function checkBoundaryCycles(boundaries: readonly ReadBoundary[], source: PytmSource, context: PytmReadContext): void {
  const parentOf = new Map(boundaries.map((boundary) => [boundary.id, boundary.common.inBoundary]))
  boundaries.forEach((boundary, index) => {
    const seen = new Set<BoundaryId>([boundary.id])
    for (let current = boundary.common.inBoundary; current !== null; current = parentOf.get(current) ?? null) {
      if (current === boundary.id) {
        const item = source.boundaries[index]
        context.error(
          'pytm.boundary.cycle',
          `boundary "${boundary.name}" is inside itself through inBoundary`,
          item === undefined ? [] : [...item.path, 'inBoundary']
        )
        return
      }
      if (seen.has(current)) return
      seen.add(current)
    }
  })
}

/**
 * Which request each response answers: the file's `responseTo` (the dump), else pytm's own rule for a
 * flow marked `isResponse` without one — the unique flow in the opposite direction (pytm.md §2).
 */
function pairResponses(flows: readonly ReadFlow[], context: PytmReadContext): Map<FlowId, FlowId> {
  const pairs = new Map<FlowId, FlowId>()
  flows.forEach((flow) => {
    if (flow.responseTo !== null) {
      pairs.set(flow.id, flow.responseTo)
      return
    }
    if (flow.attributes.value('isResponse') !== true) return
    const requests = flows.filter(
      (other) =>
        other !== flow &&
        other.source === flow.sink &&
        other.sink === flow.source &&
        other.attributes.value('isResponse') !== true
    )
    const request = requests[0]
    if (requests.length === 1 && request !== undefined) pairs.set(flow.id, request.id)
    else {
      context.report(
        'info',
        'pytm.response.unpaired',
        `response "${flow.name}" answers no single request: pytm pairs a response with the one flow in the opposite direction, and there are ${requests.length}`,
        ['flows', flows.indexOf(flow), 'isResponse']
      )
    }
  })
  return pairs
}

type ParsedDocument =
  | { readonly kind: 'valid'; readonly value: Readonly<Record<string, unknown>> }
  | { readonly kind: 'invalid'; readonly message: string; readonly place: { readonly line?: number; readonly column?: number } }

function parseDocument(text: string): ParsedDocument {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    const syntaxError = findJsonSyntaxError(text)
    if (syntaxError !== null) {
      return { kind: 'invalid', message: `not valid JSON: ${syntaxError.problem}`, place: lineColumnAt(text, syntaxError.offset) }
    }
    return { kind: 'invalid', message: `not valid JSON: ${error instanceof Error ? error.message : String(error)}`, place: {} }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { kind: 'invalid', message: 'not a pytm model: expected a JSON object with "name", "elements" and "flows"', place: {} }
  }
  return { kind: 'valid', value: value as Readonly<Record<string, unknown>> }
}

function isPresent(element: ReadElement | null): element is ReadElement {
  return element !== null
}
