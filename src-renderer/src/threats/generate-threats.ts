import { regenerateThreats, type RegenerationReport } from '../../../analysis/regenerate-threats'
import { generateStridePerElement } from '../../../analysis/stride/generate-stride-per-element'
import { generateStridePerInteraction } from '../../../analysis/stride/generate-stride-per-interaction'
import { generateTmtThreats } from '../../../analysis/tmt-rules/generate-tmt-threats'
import type { Threat, ThreatModel } from '../../../model/model'
import { builtInTemplates } from '../../../templates/index'
import { STRIDE_PER_ELEMENT } from '../../../templates/stride-per-element'
import { STRIDE_PER_INTERACTION } from '../../../templates/stride-per-interaction'

/** A threat engine the app can run in the renderer: pure analysis, no files (the CLI's engines read files). */
export interface AppEngine {
  readonly id: 'stride-interaction' | 'stride-element' | 'template'
  readonly label: string
  /** Why the engine cannot run on this model, or null. */
  readonly unavailable: string | null
  readonly generate: (model: ThreatModel) => readonly Threat[]
}

export function appEngines(model: ThreatModel): readonly AppEngine[] {
  const ref = model.template
  // Matched by id: a model made with an older release of our template regenerates with the shipped rules,
  // as TMT regenerates with the template it has; threat keys (engine, rule, target) keep the triage.
  const template = builtInTemplates.find((candidate) => ref !== null && candidate.ref.id === ref.id)
  return [
    {
      id: 'stride-interaction',
      label: 'STRIDE per interaction',
      unavailable: null,
      generate: (current) => generateStridePerInteraction(current, STRIDE_PER_INTERACTION)
    },
    {
      id: 'stride-element',
      label: 'STRIDE per element',
      unavailable: null,
      generate: (current) => generateStridePerElement(current, STRIDE_PER_ELEMENT)
    },
    {
      id: 'template',
      label: template ? `Template rules: ${template.ref.name}` : 'Template rules',
      unavailable:
        template !== undefined
          ? null
          : ref === null
            ? 'the model has no template; apply one of the built-in templates first'
            : `the model's template "${ref.name}" is not one this app ships`,
      generate: (current) => (template ? generateTmtThreats(current, template).threats : [])
    }
  ]
}

export interface GenerationPreview {
  readonly report: RegenerationReport
  /** Titles of the threats that would be added, for the dialog. */
  readonly addedTitles: readonly string[]
  readonly obsoleteTitles: readonly string[]
}

/**
 * What running an engine would change, without changing anything: regenerateThreats keeps every
 * existing threat and its triage, appends new keys only, and lists threats whose target is gone.
 */
export function previewGeneration(model: ThreatModel, engine: AppEngine): GenerationPreview {
  const report = regenerateThreats(model, engine.generate(model))
  const titleOf = new Map<string, string>(report.model.threats.map((threat) => [threat.id, threat.title]))
  return {
    report,
    addedTitles: report.added.map((id) => titleOf.get(id) ?? id),
    obsoleteTitles: report.obsolete.map((id) => titleOf.get(id) ?? id)
  }
}
