import { diagnostic, type Diagnostic } from '../../model/diagnostics'
import type { JsonValue } from '../../model/json'
import { boundariesContaining, boundaryNesting } from '../../model/geometry'
import type { BoundaryId, ElementId } from '../../model/ids'
import type { DataAsset, Diagram, DiagramElement, Flow, Property, Threat, ThreatModel, TrustBoundary } from '../../model/model'
import { communicationLinkId } from './link-id'
import { withThreagileIds } from './threagile-ids'
import { CUSTOM_KEYS, CUSTOM_SECTIONS } from './map-metadata'
import { isPlainObject } from './resolve-includes'
import { splitNames } from './threagile-properties'
import {
  AUTHENTICATION,
  AUTHORIZATION,
  CONFIDENTIALITY,
  CRITICALITY,
  ENCRYPTION,
  HEAD_SPELLINGS,
  MACHINE,
  PROTOCOL,
  QUANTITY,
  RISK_STATUS,
  SIZE,
  TECHNOLOGY,
  TRUST_BOUNDARY_TYPE,
  USAGE
} from './threagile-enums'

type JsonObject = { [key: string]: JsonValue }

const TYPE_BY_KIND: Readonly<Record<string, string>> = { externalInteractor: 'external-entity', process: 'process', dataStore: 'datastore' }
/** Model-extension keys the reader adds for itself; never written. */
const READER_ONLY_KEYS = ['dialect', 'included_files', 'custom_risk_categories', 'includes']

/**
 * The model as a Threagile v1 document (plain data, keys in Threagile's usual order). Everything the
 * reader kept in `extensions.threagile` is restored; what the model holds wins over the bag. What a v1
 * file cannot hold (annotations, line boundaries, unattached flows, non-Threagile element types) is
 * written with Threagile's defaults or dropped, each with a warning.
 */
export function modelToThreagile(source: ThreatModel): { document: JsonObject; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = []
  const warn = (code: string, message: string, path: string): void => {
    diagnostics.push(diagnostic(code, 'warning', message, { path }))
  }
  const { model, renamed } = withThreagileIds(source)
  if (renamed.length > 0) {
    const examples = renamed.slice(0, 3).map(([from, to]) => `"${from}" → "${to}"`).join(', ')
    warn('threagile.write-id', `${renamed.length} ids are not valid Threagile ids (letters, digits and dashes) and are written rewritten: ${examples}${renamed.length > 3 ? ', …' : ''}`, 'diagrams')
  }
  const bag = objectOf(model.extensions.threagile)
  const custom = new Map(model.metadata.custom.map((entry) => [entry.key, entry.value]))
  const document: JsonObject = {
    threagile_version: model.metadata.version || '1.0.0',
    title: model.metadata.title,
    author: { ...objectOf(bag.author), name: model.metadata.owner },
    date: model.metadata.createdAt?.slice(0, 10) ?? ''
  }
  if (document.date === '') delete document.date
  for (const key of [CUSTOM_KEYS.applicationDescription, CUSTOM_KEYS.businessOverview, CUSTOM_KEYS.technicalOverview]) {
    const description = custom.get(key)
    if (description !== undefined || key in bag) document[key] = { ...objectOf(bag[key]), description: description ?? '' }
  }
  const criticality = custom.get(CUSTOM_KEYS.businessCriticality) ?? ''
  if (!(CRITICALITY as readonly string[]).includes(criticality)) warn('threagile.write-default', 'the model states no Threagile business criticality; "important" is written', 'metadata.custom')
  document.business_criticality = (CRITICALITY as readonly string[]).includes(criticality) ? criticality : 'important'
  const summary = custom.get(CUSTOM_KEYS.managementSummary)
  if (summary !== undefined) document.management_summary_comment = summary
  for (const section of CUSTOM_SECTIONS) {
    const items: JsonObject = {}
    const prefix = `${section}: `
    for (const entry of model.metadata.custom) if (entry.key.startsWith(prefix)) items[entry.key.slice(prefix.length)] = entry.value
    if (Object.keys(items).length > 0 || section in bag) document[section] = items
  }
  document.tags_available = [...model.metadata.tags]

  document.data_assets = Object.fromEntries(model.dataAssets.map((data) => [data.name, dataAssetEntry(data)]))
  const diagram = model.diagrams[0]
  if (model.diagrams.length > 1) warn('threagile.write-diagrams', `Threagile models have one diagram; only "${diagram?.name ?? ''}" is written`, 'diagrams')
  const elements = (diagram?.elements ?? []).filter((element, index) => {
    if (element.kind !== 'annotation') return true
    warn('threagile.write-annotation', `annotation "${element.name}" has no Threagile equivalent and is not written`, `diagrams[0].elements[${index}]`)
    return false
  })
  const flows = (diagram?.flows ?? []).filter((flow, index) => {
    if (flow.source !== null && flow.target !== null) return true
    warn('threagile.write-unattached-flow', `flow "${flow.name}" is not attached at both ends and is not written`, `diagrams[0].flows[${index}]`)
    return false
  })
  document.technical_assets = Object.fromEntries(elements.map((element, index) => [element.name, technicalAssetEntry(element, flows.filter((flow) => flow.source === element.id), `diagrams[0].elements[${index}]`, warn)]))
  const boxes = (diagram?.boundaries ?? []).filter((boundary, index) => {
    if (boundary.shape.kind === 'box') return true
    warn('threagile.write-line-boundary', `trust line "${boundary.name}" has no Threagile equivalent and is not written`, `diagrams[0].boundaries[${index}]`)
    return false
  })
  const geometry = diagram ? geometricMembership(diagram) : { members: new Map(), nested: new Map() }
  document.trust_boundaries = Object.fromEntries(
    boxes.map((boundary, index) => [boundary.name, trustBoundaryEntry(boundary, geometry, `diagrams[0].boundaries[${index}]`, warn)])
  )
  document.shared_runtimes = isPlainObject(bag.shared_runtimes) ? bag.shared_runtimes : {}
  for (const [key, value] of Object.entries(bag)) {
    if (!(key in document) && !READER_ONLY_KEYS.includes(key) && value !== null) document[key] = value
  }
  const tracking = riskTracking(objectOf(bag.risk_tracking), model.threats)
  if (Object.keys(tracking).length > 0 || 'risk_tracking' in bag) document.risk_tracking = tracking
  return { document, diagnostics }
}

function dataAssetEntry(data: DataAsset): JsonObject {
  const bag = objectOf(data.extensions.threagile)
  return {
    id: data.id,
    description: data.description,
    usage: oneOf(USAGE, bag.usage),
    ...withoutKeys(bag, ['usage', 'quantity']),
    quantity: oneOf(QUANTITY, bag.quantity),
    confidentiality: oneOf(CONFIDENTIALITY, threagileSpelling(data.classification)),
    integrity: oneOf(CRITICALITY, threagileSpelling(data.integrity)),
    availability: oneOf(CRITICALITY, threagileSpelling(data.availability))
  }
}

type Warn = (code: string, message: string, path: string) => void

function technicalAssetEntry(element: DiagramElement, outgoing: readonly Flow[], path: string, warn: Warn): JsonObject {
  const read = propertyText(element.properties)
  const technology = (TECHNOLOGY as readonly string[]).includes(element.typeId) ? element.typeId : 'unknown-technology'
  if (technology !== element.typeId) warn('threagile.write-default', `"${element.name}" has type "${element.typeId}", which is no Threagile technology; written as unknown-technology`, `${path}.typeId`)
  const bag = objectOf(element.extensions.threagile)
  const links: JsonObject = {}
  for (const flow of outgoing) {
    if (flow.name in links) warn('threagile.write-link-title', `two links of "${element.name}" are titled "${flow.name}"; Threagile keys links by title, so only the last is kept`, path)
    if (communicationLinkId(element.id, flow.name) !== flow.id) warn('threagile.write-link-id', `link "${flow.name}" will get the Threagile id "${communicationLinkId(element.id, flow.name)}" instead of "${flow.id}"`, path)
    links[flow.name] = linkEntry(flow)
  }
  return {
    id: element.id,
    description: element.description,
    type: TYPE_BY_KIND[element.kind] ?? 'process',
    usage: oneOf(USAGE, read('usage')),
    used_as_client_by_human: read.flag('used_as_client_by_human'),
    out_of_scope: element.outOfScope,
    justification_out_of_scope: element.outOfScopeReason,
    size: oneOf(SIZE, read('size')),
    technology,
    tags: splitNames(read('tags')),
    internet: read.flag('internet'),
    machine: oneOf(MACHINE, read('machine')),
    encryption: oneOf(ENCRYPTION, read('encryption')),
    owner: read('owner'),
    confidentiality: oneOf(CONFIDENTIALITY, read('confidentiality')),
    integrity: oneOf(CRITICALITY, read('integrity')),
    availability: oneOf(CRITICALITY, read('availability')),
    justification_cia_rating: read('justification_cia_rating'),
    multi_tenant: read.flag('multi_tenant'),
    redundant: read.flag('redundant'),
    custom_developed_parts: read.flag('custom_developed_parts'),
    data_assets_processed: [...element.dataProcessed],
    data_assets_stored: [...element.dataStored],
    data_formats_accepted: splitNames(read('data_formats_accepted')),
    ...withoutKeys(bag, ['technologies']),
    communication_links: links
  }
}

function linkEntry(flow: Flow): JsonObject {
  const read = propertyText(flow.properties)
  return {
    target: flow.target ?? '',
    description: flow.description,
    protocol: oneOf(PROTOCOL, read('protocol')),
    authentication: oneOf(AUTHENTICATION, read('authentication')),
    authorization: oneOf(AUTHORIZATION, read('authorization')),
    tags: splitNames(read('tags')),
    vpn: read.flag('vpn'),
    ip_filtered: read.flag('ip_filtered'),
    readonly: read.flag('readonly'),
    usage: oneOf(USAGE, read('usage')),
    data_assets_sent: [...flow.dataSent],
    data_assets_received: [...flow.dataReceived],
    ...objectOf(flow.extensions.threagile)
  }
}

/**
 * Membership for boundaries drawn with geometry (a .tm7, the editor): Threagile lists each asset in its
 * innermost boundary and each boundary in its parent, so that is what geometry gives here.
 */
interface GeometricMembership {
  readonly members: ReadonlyMap<BoundaryId, readonly ElementId[]>
  readonly nested: ReadonlyMap<BoundaryId, readonly BoundaryId[]>
}

function geometricMembership(diagram: Diagram): GeometricMembership {
  const members = new Map<BoundaryId, ElementId[]>()
  for (const element of diagram.elements) {
    const innermost = boundariesContaining(diagram, element.id).find((boundary) => boundary.shape.kind === 'box')
    if (innermost) members.set(innermost.id, [...(members.get(innermost.id) ?? []), element.id])
  }
  const nested = new Map<BoundaryId, BoundaryId[]>()
  for (const [child, parent] of boundaryNesting(diagram)) {
    if (parent !== null) nested.set(parent, [...(nested.get(parent) ?? []), child])
  }
  return { members, nested }
}

function trustBoundaryEntry(boundary: TrustBoundary, geometry: GeometricMembership, path: string, warn: Warn): JsonObject {
  const type = (TRUST_BOUNDARY_TYPE as readonly string[]).includes(boundary.typeId) ? boundary.typeId : 'network-on-prem'
  if (type !== boundary.typeId) warn('threagile.write-default', `boundary "${boundary.name}" has type "${boundary.typeId}", which is no Threagile boundary type; written as network-on-prem`, `${path}.typeId`)
  const bag = objectOf(boundary.extensions.threagile)
  // Stated membership (a Threagile source) is written as stated; drawn boundaries take it from geometry.
  const stated = boundary.statedMembers !== null
  return {
    id: boundary.id,
    description: boundary.description,
    type,
    tags: splitNames(propertyText(boundary.properties)('tags')),
    technical_assets_inside: stated ? [...(boundary.statedMembers ?? [])] : [...(geometry.members.get(boundary.id) ?? [])],
    trust_boundaries_nested: Array.isArray(bag.trust_boundaries_nested) ? bag.trust_boundaries_nested : stated ? [] : [...(geometry.nested.get(boundary.id) ?? [])],
    ...withoutKeys(bag, ['trust_boundaries_nested'])
  }
}

/**
 * risk_tracking as read, updated from the model's Threagile threats: the triage a reviewer did in the app
 * (state, justification, ticket, date, checker) becomes an exact entry, unless the entry that applied was
 * a wildcard and nothing changed. Threats still "unchecked" with no notes add nothing.
 */
function riskTracking(tracked: JsonObject, threats: readonly Threat[]): JsonObject {
  const result: JsonObject = { ...tracked }
  for (const threat of threats) {
    if (threat.origin.kind !== 'generated' || threat.origin.engine !== 'threagile') continue
    const entry: JsonObject = { status: threagileStatus(threat), justification: threat.justification, ticket: threat.ticket, date: threat.reviewDate ?? '', checked_by: threat.changedBy ?? '' }
    const appliedKey = objectOf(threat.extensions.threagile).risk_tracking_key
    const applied = typeof appliedKey === 'string' ? objectOf(tracked[appliedKey]) : undefined
    if (applied !== undefined && Object.entries(entry).every(([key, value]) => (applied[key] ?? '') === value)) continue
    if (applied === undefined && entry.status === 'unchecked' && entry.justification === '' && entry.ticket === '') continue
    result[threat.id] = { ...objectOf(tracked[threat.id]), ...entry }
  }
  return result
}

function threagileStatus(threat: Threat): string {
  if (threat.state.raw !== null && (RISK_STATUS as readonly string[]).includes(threat.state.raw)) {
    // Keep the raw spelling while it still means the canonical state (in-progress and in-discussion share one).
    return threat.state.raw
  }
  const byState: Readonly<Record<string, string>> = { notStarted: 'unchecked', needsInvestigation: 'in-discussion', notApplicable: 'false-positive', mitigated: 'mitigated', accepted: 'accepted' }
  return byState[threat.state.value ?? ''] ?? 'unchecked'
}

function propertyText(properties: readonly Property[]): ((key: string) => string) & { flag: (key: string) => boolean } {
  const find = (key: string): Property | undefined => properties.find((property) => property.key === key)
  const text = (key: string): string => {
    const property = find(key)
    if (property === undefined) return ''
    if (property.kind === 'list') return property.selected === null ? '' : (property.options[property.selected] ?? '')
    return String(property.value)
  }
  const flag = (key: string): boolean => {
    const property = find(key)
    return property?.kind === 'boolean' && property.value
  }
  return Object.assign(text, { flag })
}

/** The value when it is one of the v1 values (HEAD spellings mapped back), else Threagile's zero value (the first). */
function oneOf(values: readonly string[], raw: JsonValue | undefined): string {
  const text = typeof raw === 'string' ? (HEAD_SPELLINGS[raw] ?? raw) : ''
  return values.includes(text) ? text : (values[0] ?? '')
}

function threagileSpelling(rating: { readonly value: string | null; readonly raw: string | null } | null): string {
  if (rating === null) return ''
  if (rating.raw !== null && [...CONFIDENTIALITY, ...CRITICALITY].includes(rating.raw as never)) return rating.raw
  return (rating.value ?? '').replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)
}

function objectOf(value: JsonValue | undefined): JsonObject {
  return isPlainObject(value) ? (value as JsonObject) : {}
}

function withoutKeys(object: JsonObject, keys: readonly string[]): JsonObject {
  return Object.fromEntries(Object.entries(object).filter(([key]) => !keys.includes(key)))
}
