import type { OpenedDocument } from '../../src-shared/ipc-contract'
import { hasErrors } from '../../model/diagnostics'
import { carriedTemplate } from '../../importers/carried-template'

/**
 * An opened document with the TMT template its model carries, when it carries one that reads without
 * errors: a .tm7's embedded KnowledgeBase, or the .tb7 stored in a .twm by Apply Template
 * (importers/carried-template.ts). The renderer may not run importers (lint/layers.mjs), so main reads it
 * once, at open. A template that does not read is left out quietly: generation then offers the built-in
 * ones, and `threatwright threats` reports the template's problems.
 */
export function withEmbeddedTemplate(document: OpenedDocument): OpenedDocument {
  const carried = carriedTemplate(document.model, document.fileName)
  if (carried.template === null || hasErrors(carried.diagnostics)) return document
  return { ...document, embeddedTemplate: carried.template }
}
