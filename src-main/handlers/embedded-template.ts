import type { OpenedDocument } from '../../src-shared/ipc-contract'
import { hasErrors } from '../../model/diagnostics'
import { embeddedTemplate } from '../../importers/tm7/embedded-template'

/**
 * An opened document with the TMT template its model embeds, when it embeds one that reads without
 * errors. The renderer may not run importers (lint/layers.mjs), so main reads the KnowledgeBase once, at
 * open. A template that does not read is left out quietly: generation then offers the built-in ones, and
 * `threatwright threats` reports the template's problems.
 */
export function withEmbeddedTemplate(document: OpenedDocument): OpenedDocument {
  const embedded = embeddedTemplate(document.model, document.fileName)
  if (embedded?.template == null || hasErrors(embedded.diagnostics)) return document
  return { ...document, embeddedTemplate: embedded.template }
}
