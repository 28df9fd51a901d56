import type { DataAsset, DiagramElement, Flow, Property, ThreatModel, TrustBoundary } from '../../model/model'
import type { JsonValue } from '../../model/json'
import { CONFIDENTIALITY_SCALE, CRITICALITY_SCALE, QUANTITY_FACTORS } from './threagile-vocabulary'

/**
 * The model seen the way Threagile v1's rules see it (`model/types.go`): technical assets with their
 * outgoing links, boundaries with stated members and nesting, shared runtimes, data assets with ordinal
 * ratings. Built from the common model using the contract importers/threagile writes: element and flow
 * properties keyed by the Threagile field name, typeId = technology (elements) or boundary type,
 * `extensions.threagile` for what the model has no field for. Missing values take Go's zero values
 * (public, archive, very-few, unknown technology), exactly as an unset field would in Threagile.
 */
export interface TechnicalAsset {
  readonly id: string
  readonly title: string
  readonly type: 'external-entity' | 'process' | 'datastore'
  readonly technology: string
  readonly usage: string
  readonly usedAsClientByHuman: boolean
  readonly outOfScope: boolean
  readonly tags: readonly string[]
  readonly internet: boolean
  readonly machine: string
  readonly encryption: string
  readonly confidentiality: number
  readonly integrity: number
  readonly availability: number
  readonly multiTenant: boolean
  readonly redundant: boolean
  readonly customDevelopedParts: boolean
  readonly dataProcessed: readonly string[]
  readonly dataStored: readonly string[]
  readonly dataFormatsAccepted: readonly string[]
  readonly links: readonly CommunicationLink[]
}

export interface CommunicationLink {
  readonly id: string
  readonly sourceId: string
  readonly targetId: string
  readonly title: string
  readonly protocol: string
  readonly authentication: string
  readonly authorization: string
  readonly tags: readonly string[]
  readonly vpn: boolean
  readonly ipFiltered: boolean
  readonly readonly: boolean
  readonly usage: string
  readonly dataSent: readonly string[]
  readonly dataReceived: readonly string[]
}

export interface Boundary {
  readonly id: string
  readonly title: string
  readonly type: string
  readonly tags: readonly string[]
  readonly inside: readonly string[]
  readonly nested: readonly string[]
}

export interface SharedRuntime {
  readonly id: string
  readonly title: string
  readonly tags: readonly string[]
  readonly running: readonly string[]
}

export interface RatedDataAsset {
  readonly id: string
  readonly title: string
  readonly confidentiality: number
  readonly integrity: number
  readonly availability: number
  readonly quantityFactor: number
}

/** Go's zero-valued TrustBoundary: id "", type network-on-prem (ordinal 0), the "outside" of every boundary. */
const OUTSIDE: Boundary = { id: '', title: '', type: 'network-on-prem', tags: [], inside: [], nested: [] }

const ZERO_ASSET: TechnicalAsset = {
  id: '', title: '', type: 'external-entity', technology: 'unknown-technology', usage: 'business', usedAsClientByHuman: false,
  outOfScope: false, tags: [], internet: false, machine: 'physical', encryption: 'none', confidentiality: 0, integrity: 0,
  availability: 0, multiTenant: false, redundant: false, customDevelopedParts: false, dataProcessed: [], dataStored: [],
  dataFormatsAccepted: [], links: []
}

const ZERO_DATA: RatedDataAsset = { id: '', title: '', confidentiality: 0, integrity: 0, availability: 0, quantityFactor: 1 }

export class ThreagileView {
  readonly assets = new Map<string, TechnicalAsset>()
  /** v1 `SortedTechnicalAssetIDs`: Go's sort.Strings, i.e. by UTF-8 bytes (same as code units for ids). */
  readonly sortedAssetIds: readonly string[]
  readonly boundaries = new Map<string, Boundary>()
  readonly sharedRuntimes = new Map<string, SharedRuntime>()
  readonly dataAssets = new Map<string, RatedDataAsset>()
  private readonly incomingByTarget = new Map<string, CommunicationLink[]>()
  private readonly boundaryOfAsset = new Map<string, Boundary>()
  private readonly parentOfBoundary = new Map<string, string>()
  private readonly raaById = new Map<string, number>()

  constructor(model: ThreatModel) {
    for (const data of model.dataAssets) this.dataAssets.set(data.id, ratedDataAsset(data))
    for (const diagram of model.diagrams) {
      const flowsBySource = new Map<string, Flow[]>()
      for (const flow of diagram.flows) {
        if (flow.source === null || flow.target === null) continue
        flowsBySource.set(flow.source, [...(flowsBySource.get(flow.source) ?? []), flow])
      }
      for (const element of diagram.elements) {
        if (element.kind === 'annotation') continue
        this.assets.set(element.id, technicalAsset(element, (flowsBySource.get(element.id) ?? []).map(communicationLink)))
      }
      for (const boundary of diagram.boundaries) this.boundaries.set(boundary.id, trustBoundary(boundary))
    }
    for (const asset of this.assets.values()) {
      for (const link of asset.links) this.incomingByTarget.set(link.targetId, [...(this.incomingByTarget.get(link.targetId) ?? []), link])
    }
    for (const boundary of this.boundaries.values()) {
      for (const member of boundary.inside) if (!this.boundaryOfAsset.has(member)) this.boundaryOfAsset.set(member, boundary)
      for (const child of boundary.nested) if (!this.parentOfBoundary.has(child)) this.parentOfBoundary.set(child, boundary.id)
    }
    for (const [id, runtime] of Object.entries(objectAt(model.extensions.threagile, 'shared_runtimes'))) {
      const entry = objectAt(runtime)
      const runtimeId = typeof entry.id === 'string' ? entry.id : id
      this.sharedRuntimes.set(runtimeId, { id: runtimeId, title: id, tags: stringsAt(entry.tags), running: stringsAt(entry.technical_assets_running) })
    }
    this.sortedAssetIds = [...this.assets.keys()].sort(compareGoStrings)
  }

  asset(id: string): TechnicalAsset {
    return this.assets.get(id) ?? ZERO_ASSET
  }

  data(id: string): RatedDataAsset {
    return this.dataAssets.get(id) ?? ZERO_DATA
  }

  /** v1 `IncomingTechnicalCommunicationLinksMappedByTargetId`. */
  incoming(targetId: string): readonly CommunicationLink[] {
    return this.incomingByTarget.get(targetId) ?? []
  }

  boundary(id: string): Boundary {
    return this.boundaries.get(id) ?? OUTSIDE
  }

  /** v1 `DirectContainingTrustBoundaryMappedByTechnicalAssetId` (zero boundary when outside all). */
  directBoundary(assetId: string): Boundary {
    return this.boundaryOfAsset.get(assetId) ?? OUTSIDE
  }

  parentBoundaryId(boundaryId: string): string {
    return this.parentOfBoundary.get(boundaryId) ?? ''
  }

  setRaa(raa: ReadonlyMap<string, number>): void {
    for (const [id, value] of raa) this.raaById.set(id, value)
  }

  raa(assetId: string): number {
    return this.raaById.get(assetId) ?? 0
  }
}

/** Go's sort.Strings orders by bytes; for ASCII ids that is plain code-unit order, not localeCompare. */
export function compareGoStrings(left: string, right: string): number {
  return left < right ? -1 : left > right ? 1 : 0
}

function technicalAsset(element: DiagramElement, links: CommunicationLink[]): TechnicalAsset {
  const read = propertyReader(element.properties)
  return {
    id: element.id,
    title: element.name,
    type: element.kind === 'dataStore' ? 'datastore' : element.kind === 'externalInteractor' ? 'external-entity' : 'process',
    technology: element.typeId,
    usage: read.text('usage', 'business'),
    usedAsClientByHuman: read.flag('used_as_client_by_human'),
    outOfScope: element.outOfScope,
    tags: read.names('tags'),
    internet: read.flag('internet'),
    machine: read.text('machine', 'physical'),
    encryption: read.text('encryption', 'none'),
    confidentiality: ordinal(CONFIDENTIALITY_SCALE, read.text('confidentiality', 'public')),
    integrity: ordinal(CRITICALITY_SCALE, read.text('integrity', 'archive')),
    availability: ordinal(CRITICALITY_SCALE, read.text('availability', 'archive')),
    multiTenant: read.flag('multi_tenant'),
    redundant: read.flag('redundant'),
    customDevelopedParts: read.flag('custom_developed_parts'),
    dataProcessed: element.dataProcessed,
    dataStored: element.dataStored,
    dataFormatsAccepted: read.names('data_formats_accepted'),
    links
  }
}

function communicationLink(flow: Flow): CommunicationLink {
  const read = propertyReader(flow.properties)
  return {
    id: flow.id,
    sourceId: flow.source ?? '',
    targetId: flow.target ?? '',
    title: flow.name,
    protocol: read.text('protocol', 'unknown-protocol'),
    authentication: read.text('authentication', 'none'),
    authorization: read.text('authorization', 'none'),
    tags: read.names('tags'),
    vpn: read.flag('vpn'),
    ipFiltered: read.flag('ip_filtered'),
    readonly: read.flag('readonly'),
    usage: read.text('usage', 'business'),
    dataSent: flow.dataSent,
    dataReceived: flow.dataReceived
  }
}

function trustBoundary(boundary: TrustBoundary): Boundary {
  return {
    id: boundary.id,
    title: boundary.name,
    type: boundary.typeId,
    tags: propertyReader(boundary.properties).names('tags'),
    inside: boundary.statedMembers ?? [],
    nested: stringsAt(objectAt(boundary.extensions.threagile).trust_boundaries_nested)
  }
}

function ratedDataAsset(data: DataAsset): RatedDataAsset {
  const bag = objectAt(data.extensions.threagile)
  const quantity = typeof bag.quantity === 'string' ? bag.quantity : 'very-few'
  return {
    id: data.id,
    title: data.name,
    confidentiality: ordinal(CONFIDENTIALITY_SCALE, spelled(data.classification)),
    integrity: ordinal(CRITICALITY_SCALE, spelled(data.integrity)),
    availability: ordinal(CRITICALITY_SCALE, spelled(data.availability)),
    quantityFactor: QUANTITY_FACTORS[quantity] ?? 1
  }
}

/** The Threagile spelling of a canonical rating: the raw text when it is one, else the canonical value in kebab case. */
function spelled(rating: { readonly value: string | null; readonly raw: string | null } | null): string {
  if (rating === null) return ''
  const kebab = (rating.value ?? '').replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)
  return rating.raw !== null && [...CONFIDENTIALITY_SCALE, ...CRITICALITY_SCALE].includes(rating.raw as never) ? rating.raw : kebab
}

function ordinal(scale: readonly string[], value: string): number {
  const index = scale.indexOf(value)
  return index === -1 ? 0 : index
}

function propertyReader(properties: readonly Property[]): {
  text: (key: string, fallback: string) => string
  flag: (key: string) => boolean
  names: (key: string) => string[]
} {
  const find = (key: string): Property | undefined => properties.find((property) => property.key === key)
  return {
    text: (key, fallback) => {
      const property = find(key)
      if (property === undefined) return fallback
      if (property.kind === 'list') return property.selected === null ? fallback : (property.options[property.selected] ?? fallback)
      return property.kind === 'string' && property.value !== '' ? property.value : fallback
    },
    flag: (key) => {
      const property = find(key)
      return property?.kind === 'boolean' ? property.value : false
    },
    names: (key) => {
      const property = find(key)
      if (property?.kind !== 'string') return []
      return property.value.split(',').map((name) => name.trim()).filter((name) => name !== '')
    }
  }
}

export function objectAt(value: JsonValue | undefined, key?: string): { readonly [key: string]: JsonValue } {
  const target = key === undefined ? value : objectAt(value)[key]
  return typeof target === 'object' && target !== null && !Array.isArray(target) ? target : {}
}

export function stringsAt(value: JsonValue | undefined): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []
}
