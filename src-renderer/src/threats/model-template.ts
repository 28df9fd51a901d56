import type { ThreatModel } from '../../../model/model'
import type { Template } from '../../../model/template'
import { sameTemplateRef } from '../../../model/template-source'
import { findBuiltInTemplate } from '../../../templates/index'

/**
 * The template the model names, among those this session knows beyond the built-in ones (one the user
 * applied from a .tb7, the one the file embeds), so Threats ▸ Generate runs its rules after Apply; matched
 * on id, version and name, as TMT identifies templates.
 */
export function templateNamedBy(model: ThreatModel, candidates: readonly (Template | null | undefined)[]): Template | null {
  return candidates.find((candidate): candidate is Template => candidate != null && sameTemplateRef(candidate.ref, model.template)) ?? null
}

/**
 * The template the model uses now, if the app has it: the built-in one it names (matched by id, so a model
 * made with an older release of ours regenerates with the shipped rules, as TMT regenerates with the
 * template it has; threat keys keep the triage), else one of `candidates` (see templateNamedBy).
 */
export function currentTemplate(model: ThreatModel, candidates: readonly (Template | null | undefined)[]): Template | null {
  return (model.template === null ? undefined : findBuiltInTemplate(model.template.id)) ?? templateNamedBy(model, candidates)
}
