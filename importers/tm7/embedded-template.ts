import type { ThreatModel } from '../../model/model'
import type { TemplateReadResult } from '../template-format'
import { readEmbeddedKnowledgeBase } from '../tmt-knowledge-base/read-embedded-kb'
import { childElement } from '../xml/xml-query'
import { xmlFromJson } from '../xml/xml-json'
import { bagXml } from './bag'
import { MODEL_NS } from './tm7-namespaces'

/**
 * The template a model read from a .tm7 carries: the KnowledgeBase kept verbatim in the document's
 * bag (read-tm7.ts), read like a .tb7. Null when the model did not come from a .tm7 or embeds none, so
 * callers can fall back to a template the user names. Slots for diagrams, notes and threats are left
 * empty: only the KnowledgeBase is read.
 */
export function embeddedTemplate(model: ThreatModel, fileName: string): TemplateReadResult | null {
  const compact = bagXml(model.extensions.tm7)
  if (compact === null) return null
  const root = xmlFromJson(compact, { slot: () => [] })
  const knowledgeBase = root === null ? undefined : childElement(root, 'KnowledgeBase', MODEL_NS)
  if (knowledgeBase === undefined) return null
  const { template, diagnostics } = readEmbeddedKnowledgeBase(knowledgeBase, fileName)
  return { template, diagnostics }
}
