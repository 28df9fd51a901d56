import { CIA_LEVELS, CLASSIFICATIONS } from './enums'
import type { Assumption, DataAsset, KeyValue, ModelMetadata, Note, TemplateRef, ThreatModel } from './model'
import type { AssumptionId, DataAssetId, ModelId, NoteId } from './ids'
import { canonicalOf } from './canonical-schema'
import { diagramSchema } from './diagram-schema'
import { array, id, nullable, string } from './schema'
import { extensions } from './schema-json'
import { object } from './schema-object'
import { threatDefinitionSchema, threatSchema, triageRecordSchema } from './threat-schema'

const strings = array(string())

const metadataSchema = object<ModelMetadata>({
  title: string(),
  description: string(),
  owner: string(),
  reviewers: strings,
  contributors: strings,
  version: string(),
  createdAt: nullable(string()),
  modifiedAt: nullable(string()),
  tags: strings,
  custom: array(object<KeyValue>({ key: string(), value: string() }))
})

const templateSchema = object<TemplateRef>({ id: string(), name: string(), version: string() })

const ciaLevel = nullable(canonicalOf(CIA_LEVELS))

const dataAssetSchema = object<DataAsset>({
  id: id<DataAssetId>(),
  name: string(),
  description: string(),
  classification: nullable(canonicalOf(CLASSIFICATIONS)),
  confidentiality: ciaLevel,
  integrity: ciaLevel,
  availability: ciaLevel,
  extensions: extensions()
})

const assumptionSchema = object<Assumption>({
  id: id<AssumptionId>(),
  title: string(),
  description: string(),
  extensions: extensions()
})

const noteSchema = object<Note>({
  id: id<NoteId>(),
  text: string(),
  author: string(),
  createdAt: nullable(string()),
  extensions: extensions()
})

/** The structure of a whole model; references between its parts are checked in references.ts. */
export const threatModelSchema = object<ThreatModel>({
  id: id<ModelId>(),
  metadata: metadataSchema,
  template: nullable(templateSchema),
  diagrams: array(diagramSchema),
  dataAssets: array(dataAssetSchema),
  threatDefinitions: array(threatDefinitionSchema),
  threats: array(threatSchema),
  assumptions: array(assumptionSchema),
  notes: array(noteSchema),
  triageHistory: array(triageRecordSchema),
  extensions: extensions()
})
