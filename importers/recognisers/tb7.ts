import type { ModelFormat } from '../format'
import { sniffXmlRoot } from '../text/sniff-xml-root'

/** TMT templates are XmlSerializer output with root `KnowledgeBase` and no namespace of their own. */
export function isTb7Text(text: string): boolean {
  return sniffXmlRoot(text)?.localName === 'KnowledgeBase'
}

/** Recognised only: a template is not a model; the template importer is still to come. */
export const tb7Format: ModelFormat = {
  id: 'tb7',
  label: 'Microsoft Threat Modeling Tool template',
  extensions: ['.tb7'],
  detect: isTb7Text
}
