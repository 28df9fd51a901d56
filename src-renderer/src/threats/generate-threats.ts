import { generatePytmFindings } from '../../../analysis/pytm/generate-findings'
import type { PytmThreatLibrary } from '../../../analysis/pytm/threat-library'
import { regenerateThreats, type RegenerationReport } from '../../../analysis/regenerate-threats'
import { generateStridePerElement } from '../../../analysis/stride/generate-stride-per-element'
import { generateStridePerInteraction } from '../../../analysis/stride/generate-stride-per-interaction'
import { generateThreagileRisks } from '../../../analysis/threagile/generate-threagile-risks'
import { definitionsOf } from '../../../analysis/tmt-rules/template-definitions'
import { generateTmtThreats } from '../../../analysis/tmt-rules/generate-tmt-threats'
import type { Threat, ThreatDefinition, ThreatModel } from '../../../model/model'
import type { Template } from '../../../model/template'
import { STRIDE_PER_ELEMENT } from '../../../templates/stride-per-element'
import { STRIDE_PER_INTERACTION } from '../../../templates/stride-per-interaction'
import { currentTemplate } from './model-template'

export type AppEngineId = 'stride-interaction' | 'stride-element' | 'template' | 'threagile' | 'pytm'

/** What an engine makes: threats, and the definitions they point at (Threagile's risk categories). */
export interface EngineRun {
  readonly threats: readonly Threat[]
  readonly definitions: readonly ThreatDefinition[]
}

/** A threat engine the app can run in the renderer: pure analysis, no files (the CLI's engines read files). */
export interface AppEngine {
  readonly id: AppEngineId
  readonly label: string
  /** Why the engine cannot run on this model, or null. */
  readonly unavailable: string | null
  readonly generate: (model: ThreatModel) => EngineRun
}

/**
 * What the engines that need data are given: the pytm threat library the user chose, and the TMT
 * template the opened file embeds (read by main at open; the renderer runs no importers).
 */
export interface EngineInputs {
  readonly pytmLibrary: { readonly fileName: string; readonly library: PytmThreatLibrary } | null
  readonly embeddedTemplate?: Template | null
}

const NO_INPUTS: EngineInputs = { pytmLibrary: null }

export function appEngines(model: ThreatModel, inputs: EngineInputs = NO_INPUTS): readonly AppEngine[] {
  const ref = model.template
  const template = currentTemplate(model, [inputs.embeddedTemplate])
  const chosen = inputs.pytmLibrary
  return [
    {
      id: 'stride-interaction',
      label: 'STRIDE per interaction',
      unavailable: null,
      generate: (current) => threatsOnly(generateStridePerInteraction(current, STRIDE_PER_INTERACTION))
    },
    {
      id: 'stride-element',
      label: 'STRIDE per element',
      unavailable: null,
      generate: (current) => threatsOnly(generateStridePerElement(current, STRIDE_PER_ELEMENT))
    },
    {
      id: 'template',
      label: template ? `Template rules: ${template.ref.name}` : 'Template rules',
      unavailable:
        template !== null
          ? null
          : ref === null
            ? 'the model has no template; apply one first (Threats ▸ Apply Template…)'
            : `the model's template "${ref.name}" is not one this app ships: apply its .tb7 again (Threats ▸ Apply Template…) to load its rules`,
      generate: (current) => (template ? { threats: generateTmtThreats(current, template).threats, definitions: definitionsOf(template) } : threatsOnly([]))
    },
    {
      id: 'threagile',
      label: "Threagile's risk rules",
      // The rules read Threagile's asset attributes (technology, encryption, …); other models have none.
      unavailable: model.extensions.threagile === undefined ? 'the model did not come from Threagile, whose asset attributes the rules read' : null,
      generate: (current) => {
        const { threats, threatDefinitions } = generateThreagileRisks(current)
        return { threats, definitions: threatDefinitions }
      }
    },
    {
      id: 'pytm',
      label: chosen === null ? "pytm's threat library" : `pytm's threat library: ${chosen.fileName}`,
      unavailable: chosen === null ? 'choose a threat library (pytm ships threatlib/threats.json)' : null,
      generate: (current) => threatsOnly(chosen === null ? [] : generatePytmFindings(current, chosen.library).threats)
    }
  ]
}

/** The engine a model's own tool would use (as `threatwright threats` without --engine), else STRIDE per interaction. */
export function nativeEngineId(model: ThreatModel, embedded: Template | null = null): AppEngineId {
  if (model.extensions.pytm !== undefined) return 'pytm'
  if (model.extensions.threagile !== undefined) return 'threagile'
  return currentTemplate(model, [embedded]) !== null ? 'template' : 'stride-interaction'
}

function threatsOnly(threats: readonly Threat[]): EngineRun {
  return { threats, definitions: [] }
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
  const run = engine.generate(model)
  const report = regenerateThreats(model, run.threats, run.definitions)
  const titleOf = new Map<string, string>(report.model.threats.map((threat) => [threat.id, threat.title]))
  return {
    report,
    addedTitles: report.added.map((id) => titleOf.get(id) ?? id),
    obsoleteTitles: report.obsolete.map((id) => titleOf.get(id) ?? id)
  }
}
