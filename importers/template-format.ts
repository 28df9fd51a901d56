import type { Diagnostic } from '../model/diagnostics'
import type { Template } from '../model/template'
import type { ReadInput } from './format'

/** A reader's answer for a template file: the template (possibly with warnings) or null with at least one error. */
export interface TemplateReadResult {
  readonly template: Template | null
  readonly diagnostics: readonly Diagnostic[]
}

/**
 * One entry of the template registry. Templates (TMT .tb7) are not models: they are applied to a model,
 * so they have their own table beside `formats`, read with the same ReadInput contract.
 */
export interface TemplateFormat {
  readonly id: string
  readonly label: string
  readonly extensions: readonly string[]
  /** Content sniffing, as ModelFormat.detect: cheap, never throws. */
  readonly detect: (text: string) => boolean
  readonly read: (input: ReadInput) => TemplateReadResult
}
