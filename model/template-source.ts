import type { ThreatModel, TemplateRef } from './model'
import { isRecord, ownField } from './record'

/**
 * The extension-bag key under which a model keeps the .tb7 it was last applied with. TMT embeds the
 * template in every model; a .twm keeps the template file's own text instead, so that every later use
 * reads it again through the hardened .tb7 reader (importers/tb7/stored-template.ts): a .twm is untrusted
 * input, and a parsed Template in it would be trusted as it stands.
 */
export const TEMPLATE_SOURCE_KEY = 'tb7'

/** A template file as it was applied: its base name (for messages) and its text as read (UTF-8, BOM dropped). */
export interface TemplateSource {
  readonly fileName: string
  readonly text: string
}

/** Whether the model keeps a template file at all (well-formed or not: readers say which). */
export function hasTemplateSource(model: ThreatModel): boolean {
  return Object.prototype.hasOwnProperty.call(model.extensions, TEMPLATE_SOURCE_KEY)
}

/**
 * The model with `source` stored as the text of the template it names, or with no stored template when
 * `source` is null (a built-in template, which the app and the CLI ship). Returns the same model when
 * nothing changes, so an edit that stores what is already there records no history step.
 */
export function withTemplateSource(model: ThreatModel, source: TemplateSource | null): ThreatModel {
  const current = templateSourceOf(model)
  if (source === null) {
    if (!hasTemplateSource(model)) return model
    return { ...model, extensions: Object.fromEntries(Object.entries(model.extensions).filter(([key]) => key !== TEMPLATE_SOURCE_KEY)) }
  }
  if (current !== null && current.fileName === source.fileName && current.text === source.text) return model
  return { ...model, extensions: { ...model.extensions, [TEMPLATE_SOURCE_KEY]: { fileName: source.fileName, text: source.text } } }
}

/**
 * The stored template file, when the bag has the shape `{ fileName: string, text: string }`; null when
 * there is none or it has another shape. Only the shape is checked here: whether the text is a template,
 * and the one the model names, is for the reader (importers/tb7/stored-template.ts).
 */
export function templateSourceOf(model: ThreatModel): TemplateSource | null {
  const bag = ownField(model.extensions, TEMPLATE_SOURCE_KEY)
  if (!isRecord(bag)) return null
  const fileName = ownField(bag, 'fileName')
  const text = ownField(bag, 'text')
  return typeof fileName === 'string' && typeof text === 'string' ? { fileName, text } : null
}

/** TMT identifies a template by id, version and name together: ids are reused across forks (tmt-format.md §9.2). */
export function sameTemplateRef(left: TemplateRef | null, right: TemplateRef | null): boolean {
  return left !== null && right !== null && left.id === right.id && left.version === right.version && left.name === right.name
}
