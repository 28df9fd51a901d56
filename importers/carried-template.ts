import { hasErrors } from '../model/diagnostics'
import type { ThreatModel } from '../model/model'
import { sameTemplateRef } from '../model/template-source'
import { storedTemplate } from './tb7/stored-template'
import type { TemplateReadResult } from './template-format'
import { embeddedTemplate } from './tm7/embedded-template'

/**
 * The template a model carries with it, as TMT models do: the KnowledgeBase a .tm7 embeds while the model
 * still names it; else the .tb7 stored when one was applied (tb7/stored-template.ts, which checks it is the
 * named one); else a .tm7's KnowledgeBase even though the model names another template, as before stored
 * templates existed. A .tm7 re-typed with a .tb7 keeps its old KnowledgeBase (write-tm7.ts), hence the
 * name check first. `template` is null when the model carries none that reads; `diagnostics` then still
 * say why a stored template was ignored. Pure: main and the CLI both call it.
 */
export function carriedTemplate(model: ThreatModel, fileName: string): TemplateReadResult {
  const embedded = embeddedTemplate(model, fileName)
  if (embedded?.template != null && !hasErrors(embedded.diagnostics) && sameTemplateRef(embedded.template.ref, model.template)) return embedded
  const stored = storedTemplate(model, fileName)
  if (stored.template !== null || embedded === null) return stored
  return { template: embedded.template, diagnostics: [...stored.diagnostics, ...embedded.diagnostics] }
}
