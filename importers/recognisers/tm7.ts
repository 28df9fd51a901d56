import type { ModelFormat } from '../format'
import { sniffXmlRoot } from '../text/sniff-xml-root'

/** TMT serialises its model with .NET's DataContractSerializer: root `ThreatModel` in this namespace (tmt-format.md). */
const TMT_MODEL_NAMESPACE = /\bxmlns\s*=\s*["']http:\/\/schemas\.datacontract\.org\/2004\/07\/ThreatModeling\.Model["']/

export function isTm7Text(text: string): boolean {
  const root = sniffXmlRoot(text)
  return root !== null && root.localName === 'ThreatModel' && TMT_MODEL_NAMESPACE.test(root.attributes)
}

/** Recognised only: the reader is still to come. */
export const tm7Format: ModelFormat = {
  id: 'tm7',
  label: 'Microsoft Threat Modeling Tool model',
  extensions: ['.tm7'],
  detect: isTm7Text
}
