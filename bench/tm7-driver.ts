/** What the tm7 steps time, built by tm7-import.ts the way the app and the CLI are built (bundle.ts). */
import type { ReadResult, WriteResult } from '../importers/format'
import { readTm7 } from '../importers/tm7/read-tm7'
import { writeTm7 } from '../importers/tm7/write-tm7'
import { parseXml, type ParsedXml } from '../importers/xml/parse-xml'
import type { ThreatModel } from '../model/model'

/** bytes → UTF-8 text → parseXml tree: what any XML reader of the file must pay. */
export function rawParse(bytes: Uint8Array, fileName: string): ParsedXml {
  return parseXml(new TextDecoder().decode(bytes), fileName)
}

/** bytes → model through the tm7 reader (the registry's), its own decode included. */
export function importTm7(bytes: Uint8Array, fileName: string): ReadResult {
  return readTm7({ bytes, fileName })
}

/** model → bytes through the tm7 writer. */
export function exportTm7(model: ThreatModel): WriteResult {
  return writeTm7(model)
}
