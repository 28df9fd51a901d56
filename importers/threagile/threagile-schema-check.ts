import { safeText } from './safe-text'
import { isPlainObject } from './resolve-includes'
import {
  ASSET_TYPE,
  AUTHENTICATION,
  AUTHORIZATION,
  CONFIDENTIALITY,
  CRITICALITY,
  DATA_FORMAT,
  ENCRYPTION,
  MACHINE,
  PROTOCOL,
  QUANTITY,
  RISK_STATUS,
  SIZE,
  TECHNOLOGY,
  TRUST_BOUNDARY_TYPE,
  USAGE
} from './threagile-enums'

/**
 * The checks a written Threagile v1 file must pass: the top-level keys support/schema.json requires
 * (threagile-schema.md §1), every required enum field with a v1 value (§2–§5, exact spelling), id syntax,
 * and references the parser treats as fatal (§10). Answers the problems as "path: message" strings.
 */
const REQUIRED_TOP_LEVEL = ['threagile_version', 'title', 'author', 'business_criticality', 'tags_available', 'data_assets', 'technical_assets', 'shared_runtimes']
const ID_SYNTAX = /^[a-zA-Z0-9-]+$/
const V1_PROTOCOLS = PROTOCOL.filter((protocol) => protocol !== 'inter-process-communication')
const V1_FORMATS = DATA_FORMAT.filter((format) => format !== 'yaml')

export function checkThreagileDocument(document: unknown): string[] {
  const problems: string[] = []
  if (!isPlainObject(document)) return ['the document is not a map']
  for (const key of REQUIRED_TOP_LEVEL) if (!(key in document)) problems.push(`${key}: required`)
  const expectEnum = (object: Record<string, unknown>, key: string, values: readonly string[], path: string): void => {
    const value = object[key]
    if (typeof value !== 'string' || !values.includes(value)) problems.push(`${path}.${key}: ${JSON.stringify(value)} is not one of ${values.join(', ')}`)
  }
  const entries = (key: string): [string, Record<string, unknown>][] =>
    isPlainObject(document[key]) ? Object.entries(document[key]).filter((entry): entry is [string, Record<string, unknown>] => isPlainObject(entry[1])) : []
  const ids = (key: string): Set<string> => new Set(entries(key).map(([, entry]) => safeText(entry.id)))
  const dataIds = ids('data_assets')
  const assetIds = ids('technical_assets')
  const expectIds = (list: unknown, known: ReadonlySet<string>, path: string): void => {
    if (list === undefined) return
    if (!Array.isArray(list)) problems.push(`${path}: must be a list`)
    else for (const id of list) if (!known.has(safeText(id))) problems.push(`${path}: "${safeText(id)}" does not exist`)
  }
  const expectId = (entry: Record<string, unknown>, path: string): void => {
    if (typeof entry.id !== 'string' || !ID_SYNTAX.test(entry.id)) problems.push(`${path}.id: ${JSON.stringify(entry.id)} is not a valid id`)
  }

  expectEnum(document, 'business_criticality', CRITICALITY, '')
  for (const [title, data] of entries('data_assets')) {
    const path = `data_assets.${title}`
    expectId(data, path)
    expectEnum(data, 'usage', USAGE, path)
    expectEnum(data, 'quantity', QUANTITY, path)
    expectEnum(data, 'confidentiality', CONFIDENTIALITY, path)
    expectEnum(data, 'integrity', CRITICALITY, path)
    expectEnum(data, 'availability', CRITICALITY, path)
  }
  for (const [title, asset] of entries('technical_assets')) {
    const path = `technical_assets.${title}`
    expectId(asset, path)
    expectEnum(asset, 'type', ASSET_TYPE, path)
    expectEnum(asset, 'usage', USAGE, path)
    expectEnum(asset, 'size', SIZE, path)
    expectEnum(asset, 'technology', TECHNOLOGY, path)
    expectEnum(asset, 'machine', MACHINE, path)
    expectEnum(asset, 'encryption', ENCRYPTION, path)
    expectEnum(asset, 'confidentiality', CONFIDENTIALITY, path)
    expectEnum(asset, 'integrity', CRITICALITY, path)
    expectEnum(asset, 'availability', CRITICALITY, path)
    expectIds(asset.data_assets_processed, dataIds, `${path}.data_assets_processed`)
    expectIds(asset.data_assets_stored, dataIds, `${path}.data_assets_stored`)
    const formats = asset.data_formats_accepted
    if (Array.isArray(formats)) for (const format of formats) if (!V1_FORMATS.includes(safeText(format) as never)) problems.push(`${path}.data_formats_accepted: "${safeText(format)}" is not a v1 data format`)
    const links = isPlainObject(asset.communication_links) ? Object.entries(asset.communication_links) : []
    for (const [linkTitle, link] of links) {
      const linkPath = `${path}.communication_links.${linkTitle}`
      if (!isPlainObject(link)) {
        problems.push(`${linkPath}: must be a map`)
        continue
      }
      if (!assetIds.has(safeText(link.target))) problems.push(`${linkPath}.target: "${safeText(link.target)}" is not a technical asset`)
      expectEnum(link, 'protocol', V1_PROTOCOLS, linkPath)
      expectEnum(link, 'authentication', AUTHENTICATION, linkPath)
      expectEnum(link, 'authorization', AUTHORIZATION, linkPath)
      expectEnum(link, 'usage', USAGE, linkPath)
      expectIds(link.data_assets_sent, dataIds, `${linkPath}.data_assets_sent`)
      expectIds(link.data_assets_received, dataIds, `${linkPath}.data_assets_received`)
    }
  }
  const boundaryIds = ids('trust_boundaries')
  for (const [title, boundary] of entries('trust_boundaries')) {
    const path = `trust_boundaries.${title}`
    expectId(boundary, path)
    expectEnum(boundary, 'type', TRUST_BOUNDARY_TYPE, path)
    expectIds(boundary.technical_assets_inside, assetIds, `${path}.technical_assets_inside`)
    expectIds(boundary.trust_boundaries_nested, boundaryIds, `${path}.trust_boundaries_nested`)
  }
  for (const [title, runtime] of entries('shared_runtimes')) expectIds(runtime.technical_assets_running, assetIds, `shared_runtimes.${title}.technical_assets_running`)
  for (const [key, tracking] of entries('risk_tracking')) expectEnum(tracking, 'status', RISK_STATUS, `risk_tracking.${key}`)
  return problems
}
