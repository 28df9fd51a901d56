import { diagnostic, type Diagnostic } from '../../model/diagnostics'
import type { ThreatModel } from '../../model/model'
import { templateSourceOf } from '../../model/template-source'
import { EXTERNAL_DEPENDENCIES_KEY } from './read-document-parts'

/** What a .tm7 cannot hold, as warnings (lossy export is visible, importers/CONTEXT.md). */
export function lossWarnings(model: ThreatModel): Diagnostic[] {
  const warnings: Diagnostic[] = []
  const lost = (code: string, message: string): void => {
    warnings.push(diagnostic(code, 'warning', message))
  }
  const described = model.diagrams.flatMap((diagram) => [...diagram.elements, ...diagram.flows, ...diagram.boundaries]).filter((item) => item.description !== '')
  if (described.length > 0) lost('tm7.lost.descriptions', `the descriptions of ${described.length} diagram items are not written: TMT items have no description field`)
  const custom = model.metadata.custom.filter((entry) => entry.key !== EXTERNAL_DEPENDENCIES_KEY)
  if (custom.length > 0 || model.metadata.tags.length > 0) {
    lost('tm7.lost.metadata', 'tags and custom metadata other than "External Dependencies" are not written: TMT has no place for them')
  }
  // The stored .tb7 (model/template-source.ts) is XmlSerializer text; a .tm7 embeds its KnowledgeBase in
  // DataContract form, which this writer does not convert, so it keeps the KnowledgeBase the model had.
  const stored = templateSourceOf(model)
  if (stored !== null) {
    lost('tm7.lost.template', `the applied template file ${JSON.stringify(stored.fileName)} is not embedded: the .tm7 keeps its previous (or a minimal) KnowledgeBase, so apply the .tb7 again in TMT`)
  }
  return warnings
}
