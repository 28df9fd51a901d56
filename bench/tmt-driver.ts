import { generateTmtThreats } from '../analysis/tmt-rules/generate-tmt-threats'
import type { ThreatModel } from '../model/model'
import type { Template } from '../model/template'

/** What `generate.tmt.ms` times, built by generate-tmt.ts the way the app and the CLI are built (bundle.ts). */
export function generate(model: ThreatModel, template: Template): number {
  return generateTmtThreats(model, template).threats.length
}
