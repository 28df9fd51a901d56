import { sniffXmlRoot } from '../text/sniff-xml-root'

/** TMT serialises its model with .NET's DataContractSerializer: root `ThreatModel` in this namespace (tmt-format.md §3). */
const TMT_MODEL_NAMESPACE = /\bxmlns\s*=\s*["']http:\/\/schemas\.datacontract\.org\/2004\/07\/ThreatModeling\.Model["']/

export function isTm7Text(text: string): boolean {
  const root = sniffXmlRoot(text)
  return root !== null && root.localName === 'ThreatModel' && TMT_MODEL_NAMESPACE.test(root.attributes)
}

/** Public repositories hold zip archives named .tm7 (tmt-format.md §1); they start with the zip magic "PK". */
export function isZipArchive(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b
}
