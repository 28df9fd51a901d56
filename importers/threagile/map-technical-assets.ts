import { safeText } from './safe-text'
import type { ElementKind } from '../../model/enums'
import { asId, type DataAssetId, type ElementId, type FlowId } from '../../model/ids'
import type { DiagramElement, Flow, Property } from '../../model/model'
import { unmappedFields } from './field-reader'
import { communicationLinkId } from './link-id'
import { checkDataAssetReferences, checkTags, readId, type MappingContext } from './mapping-context'
import { booleanProperty, listProperty, namesProperty, stringProperty } from './threagile-properties'
import {
  ASSET_TYPE,
  AUTHENTICATION,
  AUTHORIZATION,
  CONFIDENTIALITY,
  CRITICALITY,
  DATA_FORMAT,
  ENCRYPTION,
  enumValue,
  MACHINE,
  PROTOCOL,
  SIZE,
  TECHNOLOGY,
  USAGE
} from './threagile-enums'

const KIND_BY_TYPE: Readonly<Record<string, ElementKind>> = {
  'external-entity': 'externalInteractor',
  process: 'process',
  datastore: 'dataStore'
}

const MAPPED_ASSET_FIELDS = [
  'id', 'description', 'type', 'usage', 'used_as_client_by_human', 'out_of_scope', 'justification_out_of_scope', 'size',
  'technology', 'tags', 'internet', 'machine', 'encryption', 'owner', 'confidentiality', 'integrity', 'availability',
  'justification_cia_rating', 'multi_tenant', 'redundant', 'custom_developed_parts', 'data_assets_processed',
  'data_assets_stored', 'data_formats_accepted', 'communication_links'
]

const MAPPED_LINK_FIELDS = [
  'target', 'description', 'protocol', 'authentication', 'authorization', 'tags', 'vpn', 'ip_filtered', 'readonly', 'usage',
  'data_assets_sent', 'data_assets_received'
]

/** Protocols Threagile counts as encrypted (threagile-schema.md §4 "Protocol classes"). */
const ENCRYPTED_PROTOCOLS = new Set([
  'https', 'wss', 'jdbc-encrypted', 'odbc-encrypted', 'nosql-access-protocol-encrypted', 'sql-access-protocol-encrypted',
  'binary-encrypted', 'text-encrypted', 'ssh', 'ssh-tunnel', 'ftps', 'sftp', 'scp', 'ldaps', 'reverse-proxy-web-protocol-encrypted',
  'iiop-encrypted', 'jrmp-encrypted', 'smb-encrypted', 'smtp-encrypted', 'pop3-encrypted', 'imap-encrypted'
])

export interface MappedAssets {
  /** Elements without layout yet (auto-layout.ts places them). */
  readonly elements: DiagramElement[]
  readonly flows: Flow[]
}

const NO_PLACE = { x: 0, y: 0, width: 0, height: 0 }

/** technical_assets → elements; their communication_links → flows (the asset is the source). */
export function mapTechnicalAssets(context: MappingContext, root: Record<string, unknown>): MappedAssets {
  const { fields } = context
  const elements: DiagramElement[] = []
  const flows: Flow[] = []
  const seenIds = new Set<string>()
  const flowIndex = new Map<string, number>()

  for (const [title, asset] of fields.objectMap(root, 'technical_assets', [])) {
    const path = ['technical_assets', title]
    const id = readId(fields, asset, path, 'technical asset', seenIds)
    const type = fields.enumField(asset, 'type', path, ASSET_TYPE, (raw) => enumValue(ASSET_TYPE, raw))
    const technology = readTechnology(context, asset, path)
    const processed = fields.stringList(asset, 'data_assets_processed', path)
    const stored = fields.stringList(asset, 'data_assets_stored', path)
    checkDataAssetReferences(context, processed, path, 'data_assets_processed')
    checkDataAssetReferences(context, stored, path, 'data_assets_stored')
    const tags = fields.stringList(asset, 'tags', path)
    checkTags(context, tags, path)
    const formats = fields.stringList(asset, 'data_formats_accepted', path)
    for (const format of formats) {
      if (enumValue(DATA_FORMAT, format) === null) {
        fields.error('threagile.enum', `data format "${format}" is unknown; expected one of ${DATA_FORMAT.join(', ')}`, [...path, 'data_formats_accepted'])
      }
    }
    const choose = (key: string, values: readonly string[]): string | null =>
      fields.enumField(asset, key, path, values, (raw) => enumValue(values, raw))
    const properties: Property[] = [
      listProperty('usage', USAGE, choose('usage', USAGE)),
      booleanProperty('used_as_client_by_human', fields.boolean(asset, 'used_as_client_by_human', path)),
      listProperty('size', SIZE, choose('size', SIZE)),
      booleanProperty('internet', fields.boolean(asset, 'internet', path)),
      listProperty('machine', MACHINE, choose('machine', MACHINE)),
      listProperty('encryption', ENCRYPTION, choose('encryption', ENCRYPTION)),
      stringProperty('owner', fields.string(asset, 'owner', path)),
      listProperty('confidentiality', CONFIDENTIALITY, choose('confidentiality', CONFIDENTIALITY)),
      listProperty('integrity', CRITICALITY, choose('integrity', CRITICALITY)),
      listProperty('availability', CRITICALITY, choose('availability', CRITICALITY)),
      stringProperty('justification_cia_rating', fields.string(asset, 'justification_cia_rating', path)),
      booleanProperty('multi_tenant', fields.boolean(asset, 'multi_tenant', path)),
      booleanProperty('redundant', fields.boolean(asset, 'redundant', path)),
      booleanProperty('custom_developed_parts', fields.boolean(asset, 'custom_developed_parts', path)),
      namesProperty('data_formats_accepted', formats.map((format) => enumValue(DATA_FORMAT, format) ?? format)),
      namesProperty('tags', tags)
    ]
    elements.push({
      id: asId<ElementId>(id),
      kind: KIND_BY_TYPE[type ?? ''] ?? 'process',
      name: title,
      typeId: technology,
      description: fields.string(asset, 'description', path),
      layout: NO_PLACE,
      outOfScope: fields.boolean(asset, 'out_of_scope', path),
      outOfScopeReason: fields.string(asset, 'justification_out_of_scope', path),
      dataProcessed: processed.map((data) => asId<DataAssetId>(data)),
      dataStored: stored.map((data) => asId<DataAssetId>(data)),
      properties,
      extensions: { threagile: unmappedFields(asset, MAPPED_ASSET_FIELDS) }
    })

    for (const [linkTitle, link] of fields.objectMap(asset, 'communication_links', path)) {
      const flow = mapLink(context, id, linkTitle, link, [...path, 'communication_links', linkTitle])
      const earlier = flowIndex.get(flow.id)
      if (earlier !== undefined) {
        // v1 keys links by this derived id, so the later link replaces the earlier one (schema §3.1).
        fields.warn('threagile.link-id-collision', `link "${linkTitle}" has the same id "${flow.id}" as an earlier link of "${title}"; Threagile keeps only this one`, [...path, 'communication_links', linkTitle])
        flows[earlier] = flow
      } else {
        flowIndex.set(flow.id, flows.length)
        flows.push(flow)
      }
    }
  }
  return { elements, flows }
}

function readTechnology(context: MappingContext, asset: Record<string, unknown>, path: readonly string[]): string {
  const { fields } = context
  // HEAD allows a `technologies` list instead (schema §3); its first entry stands for the asset, the list is kept.
  const list = fields.stringList(asset, 'technologies', path)
  const raw = asset.technology ?? list[0]
  const technology = enumValue(TECHNOLOGY, raw)
  if (technology !== null) return technology
  if (raw === undefined || raw === null || raw === '') {
    fields.error('threagile.missing', '"technology" is required', [...path, 'technology'])
    return 'unknown-technology'
  }
  fields.error('threagile.enum', `technology ${JSON.stringify(raw)} is not one of Threagile's ${TECHNOLOGY.length} technologies`, [...path, 'technology'])
  return safeText(raw)
}

function mapLink(context: MappingContext, sourceId: string, title: string, link: Record<string, unknown>, path: readonly string[]): Flow {
  const { fields } = context
  const target = fields.string(link, 'target', path)
  if (target === '') fields.error('threagile.missing', 'the communication link has no "target"', path)
  else if (!context.technicalAssetIds.has(target)) {
    fields.error('threagile.reference', `the communication link targets "${target}", which is not a technical asset`, [...path, 'target'])
  }
  const sent = fields.stringList(link, 'data_assets_sent', path)
  const received = fields.stringList(link, 'data_assets_received', path)
  checkDataAssetReferences(context, sent, path, 'data_assets_sent')
  checkDataAssetReferences(context, received, path, 'data_assets_received')
  const tags = fields.stringList(link, 'tags', path)
  checkTags(context, tags, path)
  const choose = (key: string, values: readonly string[]): string | null =>
    fields.enumField(link, key, path, values, (raw) => enumValue(values, raw))
  const protocol = choose('protocol', PROTOCOL)
  return {
    id: asId<FlowId>(communicationLinkId(sourceId, title)),
    name: title,
    typeId: 'threagile.communication-link',
    description: fields.string(link, 'description', path),
    source: asId<ElementId>(sourceId),
    target: target === '' ? null : asId<ElementId>(target),
    sourcePoint: { x: 0, y: 0 },
    targetPoint: { x: 0, y: 0 },
    bendPoints: [],
    outOfScope: false,
    outOfScopeReason: '',
    dataSent: sent.map((data) => asId<DataAssetId>(data)),
    dataReceived: received.map((data) => asId<DataAssetId>(data)),
    responseTo: null,
    properties: [
      listProperty('protocol', PROTOCOL, protocol),
      // Derived from the protocol, shown like Threagile's report does; the writer does not write it.
      listProperty('encrypted', ['no', 'yes'], protocol !== null && ENCRYPTED_PROTOCOLS.has(protocol) ? 'yes' : 'no', false),
      listProperty('authentication', AUTHENTICATION, choose('authentication', AUTHENTICATION)),
      listProperty('authorization', AUTHORIZATION, choose('authorization', AUTHORIZATION)),
      booleanProperty('vpn', fields.boolean(link, 'vpn', path)),
      booleanProperty('ip_filtered', fields.boolean(link, 'ip_filtered', path)),
      booleanProperty('readonly', fields.boolean(link, 'readonly', path)),
      listProperty('usage', USAGE, choose('usage', USAGE)),
      namesProperty('tags', tags)
    ],
    extensions: { threagile: unmappedFields(link, MAPPED_LINK_FIELDS) }
  }
}
