import { CORE_SCHEMA, dump } from 'js-yaml'
import { diagnostic } from '../../model/diagnostics'
import type { ThreatModel } from '../../model/model'
import type { WriteResult } from '../format'
import { modelToThreagile } from './model-to-threagile'
import { checkThreagileDocument } from './threagile-schema-check'

/**
 * Writes the model as Threagile YAML in the v1 dialect (what the released tool reads; threagile-schema.md
 * §9), restoring what the reader kept in extensions.threagile. Included files are written merged into
 * one file. The result is checked against the v1 schema rules; a failure is an error, never a silently
 * broken file. Deterministic: the same model gives the same bytes.
 */
export function writeThreagile(model: ThreatModel): WriteResult {
  const { document, diagnostics } = modelToThreagile(model)
  const problems = checkThreagileDocument(document)
  for (const problem of problems) {
    diagnostics.push(diagnostic('threagile.write-invalid', 'error', `the written Threagile model would be invalid: ${problem}`, {}))
  }
  // CORE_SCHEMA quotes strings that would read back as numbers or booleans ("1.0.0" stays text); no anchors.
  const text = dump(document, { schema: CORE_SCHEMA, noRefs: true })
  return { bytes: new TextEncoder().encode(text), diagnostics }
}
