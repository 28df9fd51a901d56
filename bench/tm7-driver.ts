import { formats } from '../importers/registry'
import type { ReadResult, WriteResult } from '../importers/format'
import type { ThreatModel } from '../model/model'
import { parseXml, type ParsedXml } from '../importers/xml/parse-xml'

/** What the tm7 steps time, built by tm7-import.ts the way the app and the CLI are built (bundle.ts). */
const tm7 = formats.find((format) => format.id === 'tm7')

/** bytes → UTF-8 text → parseXml tree: what any XML reader of the file must pay. */
export function rawParse(bytes: Uint8Array, fileName: string): ParsedXml {
  return parseXml(new TextDecoder().decode(bytes), fileName)
}

/** bytes → model through the registry's tm7 reader, its own decode included; null when there is none. */
export function importTm7(bytes: Uint8Array, fileName: string): ReadResult | null {
  return tm7?.read?.({ bytes, fileName }) ?? null
}

/** model → bytes through the registry's tm7 writer; null when there is none. */
export function exportTm7(model: ThreatModel): WriteResult | null {
  return tm7?.write?.(model) ?? null
}
