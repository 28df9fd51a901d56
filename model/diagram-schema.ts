import { ELEMENT_KINDS } from './enums'
import type { BoundaryShape, Diagram, DiagramElement, Flow, TrustBoundary } from './model'
import type { BoundaryId, DataAssetId, DiagramId, ElementId, FlowId } from './ids'
import { pointSchema, rectSchema } from './geometry-schema'
import { propertyListSchema } from './property-schema'
import { array, boolean, enumOf, id, literal, nullable, string } from './schema'
import { extensions } from './schema-json'
import { object, unionByKind } from './schema-object'

const dataAssetIds = array(id<DataAssetId>())

export const elementSchema = object<DiagramElement>({
  id: id<ElementId>(),
  kind: enumOf(ELEMENT_KINDS),
  name: string(),
  typeId: string(),
  description: string(),
  layout: rectSchema,
  outOfScope: boolean(),
  outOfScopeReason: string(),
  dataProcessed: dataAssetIds,
  dataStored: dataAssetIds,
  properties: propertyListSchema,
  extensions: extensions()
})

export const flowSchema = object<Flow>({
  id: id<FlowId>(),
  name: string(),
  typeId: string(),
  description: string(),
  source: nullable(id<ElementId>()),
  target: nullable(id<ElementId>()),
  sourcePoint: pointSchema,
  targetPoint: pointSchema,
  bendPoints: array(pointSchema),
  outOfScope: boolean(),
  outOfScopeReason: string(),
  dataSent: dataAssetIds,
  dataReceived: dataAssetIds,
  responseTo: nullable(id<FlowId>()),
  properties: propertyListSchema,
  extensions: extensions()
})

const boundaryShapeSchema = unionByKind<BoundaryShape>({
  box: object<Extract<BoundaryShape, { kind: 'box' }>>({ kind: literal('box'), rect: rectSchema }),
  line: object<Extract<BoundaryShape, { kind: 'line' }>>({ kind: literal('line'), points: array(pointSchema) })
})

export const boundarySchema = object<TrustBoundary>({
  id: id<BoundaryId>(),
  name: string(),
  typeId: string(),
  description: string(),
  shape: boundaryShapeSchema,
  statedMembers: nullable(array(id<ElementId>())),
  properties: propertyListSchema,
  extensions: extensions()
})

export const diagramSchema = object<Diagram>({
  id: id<DiagramId>(),
  name: string(),
  elements: array(elementSchema),
  flows: array(flowSchema),
  boundaries: array(boundarySchema),
  properties: propertyListSchema,
  extensions: extensions()
})
