import { IMPACTS, LIKELIHOODS, PRIORITIES, SEVERITIES, THREAT_STATES, TRIAGE_FIELDS } from './enums'
import type { Mitigation, Threat, ThreatDefinition, ThreatOrigin, ThreatTarget, TriageRecord } from './model'
import type {
  BoundaryId,
  DataAssetId,
  DiagramId,
  ElementId,
  FlowId,
  ThreatDefinitionId,
  ThreatId
} from './ids'
import { canonicalOf, threatCategorySchema } from './canonical-schema'
import { propertySchema } from './property-schema'
import { array, enumOf, id, literal, nullable, string } from './schema'
import { extensions } from './schema-json'
import { object, unionByKind } from './schema-object'

type TargetOf<Kind extends ThreatTarget['kind']> = Extract<ThreatTarget, { kind: Kind }>
type OriginOf<Kind extends ThreatOrigin['kind']> = Extract<ThreatOrigin, { kind: Kind }>

const priority = nullable(canonicalOf(PRIORITIES))

export const threatTargetSchema = unionByKind<ThreatTarget>({
  element: object<TargetOf<'element'>>({ kind: literal('element'), elementId: id<ElementId>() }),
  flow: object<TargetOf<'flow'>>({ kind: literal('flow'), flowId: id<FlowId>() }),
  interaction: object<TargetOf<'interaction'>>({
    kind: literal('interaction'),
    sourceId: nullable(id<ElementId>()),
    flowId: id<FlowId>(),
    targetId: nullable(id<ElementId>())
  }),
  boundary: object<TargetOf<'boundary'>>({ kind: literal('boundary'), boundaryId: id<BoundaryId>() }),
  dataAsset: object<TargetOf<'dataAsset'>>({ kind: literal('dataAsset'), dataAssetId: id<DataAssetId>() }),
  model: object<TargetOf<'model'>>({ kind: literal('model') })
})

const threatOriginSchema = unionByKind<ThreatOrigin>({
  generated: object<OriginOf<'generated'>>({ kind: literal('generated'), engine: string(), ruleId: string() }),
  user: object<OriginOf<'user'>>({ kind: literal('user') })
})

const mitigationSchema = object<Mitigation>({ description: string(), status: string() })

export const threatDefinitionSchema = object<ThreatDefinition>({
  id: id<ThreatDefinitionId>(),
  title: string(),
  description: string(),
  category: threatCategorySchema,
  defaultPriority: priority,
  mitigations: string(),
  references: array(string()),
  extensions: extensions()
})

export const threatSchema = object<Threat>({
  id: id<ThreatId>(),
  definitionId: nullable(id<ThreatDefinitionId>()),
  title: string(),
  description: string(),
  category: threatCategorySchema,
  target: threatTargetSchema,
  diagramId: nullable(id<DiagramId>()),
  state: canonicalOf(THREAT_STATES),
  priority,
  severity: nullable(canonicalOf(SEVERITIES)),
  likelihood: nullable(canonicalOf(LIKELIHOODS)),
  impact: nullable(canonicalOf(IMPACTS)),
  justification: string(),
  mitigations: array(mitigationSchema),
  owner: string(),
  ticket: string(),
  reviewDate: nullable(string()),
  changedBy: nullable(string()),
  changedAt: nullable(string()),
  origin: threatOriginSchema,
  customProperties: array(propertySchema),
  extensions: extensions()
})

/** The threat id is not checked against the threats: the history keeps records of deleted threats. */
export const triageRecordSchema = object<TriageRecord>({
  threatId: id<ThreatId>(),
  field: enumOf(TRIAGE_FIELDS),
  from: nullable(string()),
  to: nullable(string()),
  by: string(),
  at: string()
})
