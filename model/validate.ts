import { hasErrors, type Diagnostic } from './diagnostics'
import type { ThreatModel } from './model'
import { threatModelSchema } from './model-schema'
import { checkReferences } from './references'
import { INVALID } from './schema'

export interface ModelValidation {
  /**
   * A fresh copy built from known fields only (with `keepClean`, the parts that needed no change are the
   * input's own), or null when any diagnostic is an error.
   */
  readonly model: ThreatModel | null
  readonly diagnostics: readonly Diagnostic[]
}

export interface ValidateOptions {
  /**
   * For a model this process has just built from plain data (a reader's output): checked exactly the
   * same, but not copied where it is already clean (schema.ts `keepClean`). A value from outside the
   * process (a parsed file, an IPC message) is copied, so the model shares nothing with it.
   */
  readonly keepClean?: boolean
}

/**
 * Checks an untrusted value (a parsed native file, a reader's output) against the model: structure
 * first, then the references between its parts. References are only checked on a structurally
 * valid model, because a half-parsed one would report the same problem twice.
 */
export function validateModel(value: unknown, options: ValidateOptions = {}): ModelValidation {
  const diagnostics: Diagnostic[] = []
  const parsed = threatModelSchema(value, '', { diagnostics, keepClean: options.keepClean === true })
  if (parsed === INVALID) return { model: null, diagnostics }
  for (const entry of checkReferences(parsed)) diagnostics.push(entry)
  return { model: hasErrors(diagnostics) ? null : parsed, diagnostics }
}
