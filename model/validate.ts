import { hasErrors, type Diagnostic } from './diagnostics'
import type { ThreatModel } from './model'
import { threatModelSchema } from './model-schema'
import { checkReferences } from './references'
import { INVALID } from './schema'

export interface ModelValidation {
  /** A fresh copy built from known fields only, or null when any diagnostic is an error. */
  readonly model: ThreatModel | null
  readonly diagnostics: readonly Diagnostic[]
}

/**
 * Checks an untrusted value (a parsed native file, a reader's output) against the model: structure
 * first, then the references between its parts. References are only checked on a structurally
 * valid model, because a half-parsed one would report the same problem twice.
 */
export function validateModel(value: unknown): ModelValidation {
  const diagnostics: Diagnostic[] = []
  const parsed = threatModelSchema(value, '', { diagnostics })
  if (parsed === INVALID) return { model: null, diagnostics }
  for (const entry of checkReferences(parsed)) diagnostics.push(entry)
  return { model: hasErrors(diagnostics) ? null : parsed, diagnostics }
}
