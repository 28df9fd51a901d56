import type { XmlElement } from '../xml/xml-tree'
import { dataContractDialect } from './knowledge-base-dialect'
import { readKnowledgeBase, type KnowledgeBaseResult } from './read-knowledge-base'

/**
 * The template copy every .tm7 embeds (`<KnowledgeBase>` under `<ThreatModel>`, DataContract form,
 * tmt-format.md §9). `knowledgeBase` is that element of the tree from parseXml; the .tm7 reader hands
 * it over, so diagnostics carry paths from the model's root.
 */
export function readEmbeddedKnowledgeBase(knowledgeBase: XmlElement, fileName: string): KnowledgeBaseResult {
  return readKnowledgeBase(knowledgeBase, dataContractDialect, fileName, 'ThreatModel/KnowledgeBase')
}
