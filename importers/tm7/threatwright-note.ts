import { emptyModel } from '../../model/factory'
import { asId, type DataAssetId, type NoteId } from '../../model/ids'
import type { DataAsset, Diagram, DiagramElement, Flow, Note, ThreatDefinition, ThreatModel, TriageRecord } from '../../model/model'
import { threatModelSchema } from '../../model/model-schema'
import { isRecord } from '../../model/record'
import { INVALID, array, id, typeMismatch, type ParseContext, type Schema } from '../../model/schema'
import { object } from '../../model/schema-object'
import { report, type ReadContext } from './read-context'
import { stableJson } from './stable-json'
import { NEVER_MODIFIED } from './tm7-namespaces'

/**
 * What a model holds that TMT has no place for at all, kept in one TMT note (tmt-format.md §10): TMT
 * keeps notes as written and generates nothing from them. docs/decisions/0007-tm7-threatwright-extensions.md
 * says why a note and what a TMT user sees. The JSON after the header line uses the model's own names.
 */
const NOTE_MARK = '[Threatwright]'
const NOTE_HEADER = `${NOTE_MARK} Data assets, where they flow, threat definitions and the triage history of this model, which TMT has no place for. Threatwright reads them back from this note: edit them in Threatwright, not here.`
const PAYLOAD_VERSION = 1
/** The note's id while it is written: not numeric, so writeNotes gives it the next free TMT Id. */
const NOTE_WRITE_ID = asId<NoteId>('#threatwright')

type ElementDataUse = Pick<DiagramElement, 'dataProcessed' | 'dataStored'>
type FlowDataUse = Pick<Flow, 'dataSent' | 'dataReceived'>

export interface CarriedModelData {
  readonly dataAssets: readonly DataAsset[]
  readonly threatDefinitions: readonly ThreatDefinition[]
  readonly triageHistory: readonly TriageRecord[]
  readonly elements: ReadonlyMap<string, ElementDataUse>
  readonly flows: ReadonlyMap<string, FlowDataUse>
}

/**
 * The note for the model, or null when there is nothing TMT lacks. Threat definitions the embedded
 * KnowledgeBase has (`knowledgeBaseTypes`) are read from it, so only the others (Threagile's rules,
 * the app's library) are carried.
 */
export function threatwrightNote(model: ThreatModel, knowledgeBaseTypes: ReadonlySet<string>): Note | null {
  const elements: Record<string, ElementDataUse> = {}
  const flows: Record<string, FlowDataUse> = {}
  for (const diagram of model.diagrams) {
    for (const { id: itemId, dataProcessed, dataStored } of diagram.elements) {
      if (dataProcessed.length + dataStored.length > 0) elements[itemId] = { dataProcessed, dataStored }
    }
    for (const { id: itemId, dataSent, dataReceived } of diagram.flows) {
      if (dataSent.length + dataReceived.length > 0) flows[itemId] = { dataSent, dataReceived }
    }
  }
  const parts = {
    dataAssets: model.dataAssets,
    elements,
    flows,
    threatDefinitions: model.threatDefinitions.filter((definition) => !knowledgeBaseTypes.has(definition.id)),
    triageHistory: model.triageHistory
  }
  const present = Object.entries(parts).filter(([, value]) => (Array.isArray(value) ? value.length : Object.keys(value).length) > 0)
  if (present.length === 0) return null
  const payload = { threatwright: PAYLOAD_VERSION, ...Object.fromEntries(present) }
  // TMT writes CR LF inside text (tmt-format.md §1); the date is DateTime.MinValue, TMT's "never".
  return { id: NOTE_WRITE_ID, text: `${NOTE_HEADER}\r\n${stableJson(payload)}`, author: 'Threatwright', createdAt: NEVER_MODIFIED, extensions: {} }
}

export interface NoteSplit {
  /** The notes without the Threatwright note. */
  readonly notes: readonly Note[]
  readonly carried: CarriedModelData | null
  /** The id the reader gave the Threatwright note, to take it out of the document skeleton. */
  readonly noteId: string | null
}

/** Takes the Threatwright note out of the notes read. A damaged one stays an ordinary note, with a warning. */
export function takeThreatwrightNote(context: ReadContext, notes: readonly Note[]): NoteSplit {
  const index = notes.findLastIndex((note) => note.text.startsWith(NOTE_MARK))
  const note = notes[index]
  if (note === undefined) return { notes, carried: null, noteId: null }
  const parsed = parsePayload(note.text.slice(note.text.indexOf('{')))
  if ('problem' in parsed) {
    report(context, 'tm7.threatwright-note', 'warning', `the Threatwright note (Id ${note.id}) is damaged (${parsed.problem}); its data assets and triage history are not read, and it is kept as an ordinary note`, '/ThreatModel/Notes')
    return { notes, carried: null, noteId: null }
  }
  return { notes: notes.filter((_, at) => at !== index), carried: parsed.carried, noteId: note.id }
}

const elementUseSchema: Schema<ElementDataUse> = object({ dataProcessed: array(id<DataAssetId>()), dataStored: array(id<DataAssetId>()) })
const flowUseSchema: Schema<FlowDataUse> = object({ dataSent: array(id<DataAssetId>()), dataReceived: array(id<DataAssetId>()) })

function parsePayload(json: string): { carried: CarriedModelData } | { problem: string } {
  let payload: unknown
  try {
    payload = JSON.parse(json)
  } catch (error) {
    return { problem: error instanceof Error ? error.message : String(error) }
  }
  if (!isRecord(payload) || payload.threatwright !== PAYLOAD_VERSION) return { problem: `not a version ${PAYLOAD_VERSION} Threatwright payload` }
  const context: ParseContext = { diagnostics: [] }
  // The model's own schema checks the carried parts, placed in an otherwise empty model.
  const shell = threatModelSchema(
    { ...emptyModel(), dataAssets: payload.dataAssets ?? [], threatDefinitions: payload.threatDefinitions ?? [], triageHistory: payload.triageHistory ?? [] },
    '',
    context
  )
  const elements = useMap(payload.elements, elementUseSchema, 'elements', context)
  const flows = useMap(payload.flows, flowUseSchema, 'flows', context)
  if (shell === INVALID || elements === INVALID || flows === INVALID) {
    return { problem: context.diagnostics.filter((entry) => entry.severity === 'error').map((entry) => `${entry.location.path ?? ''}: ${entry.message}`).join('; ') }
  }
  return { carried: { dataAssets: shell.dataAssets, threatDefinitions: shell.threatDefinitions, triageHistory: shell.triageHistory, elements, flows } }
}

function useMap<Use>(value: unknown, schema: Schema<Use>, path: string, context: ParseContext): Map<string, Use> | typeof INVALID {
  if (value === undefined) return new Map()
  if (!isRecord(value)) return typeMismatch(context, 'an object', value, path)
  const uses = new Map<string, Use>()
  let valid = true
  for (const [itemId, entry] of Object.entries(value)) {
    const parsed = schema(entry, `${path}.${itemId}`, context)
    if (parsed === INVALID) valid = false
    else uses.set(itemId, parsed)
  }
  return valid ? uses : INVALID
}

/**
 * Diagrams with the carried data use put back. Items deleted in TMT are simply gone; only ids of
 * carried data assets are kept, so the model's references hold.
 */
export function withDataUse(diagrams: readonly Diagram[], carried: CarriedModelData): Diagram[] {
  const known = new Set<string>(carried.dataAssets.map((asset) => asset.id))
  const keep = (ids: readonly DataAssetId[]): DataAssetId[] => ids.filter((assetId) => known.has(assetId))
  return diagrams.map((diagram) => ({
    ...diagram,
    elements: diagram.elements.map((element) => {
      const use = carried.elements.get(element.id)
      return use === undefined ? element : { ...element, dataProcessed: keep(use.dataProcessed), dataStored: keep(use.dataStored) }
    }),
    flows: diagram.flows.map((flow) => {
      const use = carried.flows.get(flow.id)
      return use === undefined ? flow : { ...flow, dataSent: keep(use.dataSent), dataReceived: keep(use.dataReceived) }
    })
  }))
}

/** The KB's threat types first (the reader's), then carried definitions the KB does not have. */
export function withCarriedDefinitions(fromKnowledgeBase: readonly ThreatDefinition[], carried: CarriedModelData | null): ThreatDefinition[] {
  const ids = new Set<string>(fromKnowledgeBase.map((definition) => definition.id))
  return [...fromKnowledgeBase, ...(carried?.threatDefinitions ?? []).filter((definition) => !ids.has(definition.id))]
}
