import type { ModelFormat } from '../format'
import type { TemplateFormat } from '../template-format'
import { sniffXmlRoot } from '../text/sniff-xml-root'
import { readTb7 } from './read-tb7'

/** TMT templates are XmlSerializer output with root `KnowledgeBase` and no namespace of their own (tmt-format.md §1). */
export function isTb7Text(text: string): boolean {
  return sniffXmlRoot(text)?.localName === 'KnowledgeBase'
}

const identity = { id: 'tb7', label: 'Microsoft Threat Modeling Tool template', extensions: ['.tb7'] } as const

/**
 * In the model table a .tb7 is recognised only: it is a template, not a model, so opening one as a model
 * still answers "recognised, cannot read" rather than "unknown format".
 */
export const tb7Format: ModelFormat = { ...identity, detect: isTb7Text }

/** In the template table a .tb7 is read. */
export const tb7TemplateFormat: TemplateFormat = { ...identity, detect: isTb7Text, read: readTb7 }
