import type { Diagnostic } from '../model/diagnostics'
import type { Threat, ThreatDefinition, ThreatModel } from '../model/model'
import { generateStridePerElement } from '../analysis/stride/generate-stride-per-element'
import { generateStridePerInteraction } from '../analysis/stride/generate-stride-per-interaction'
import { generateThreagileRisks } from '../analysis/threagile/generate-threagile-risks'
import { generatePytmFindings } from '../analysis/pytm/generate-findings'
import { parseThreatLibrary } from '../analysis/pytm/threat-library'
import { diagnostic } from '../model/diagnostics'
import { hasTemplateSource } from '../model/template-source'
import { tmtEngine } from './tmt-engine'
import { STRIDE_PER_ELEMENT } from '../templates/stride-per-element'
import { STRIDE_PER_INTERACTION } from '../templates/stride-per-interaction'

export interface EngineInput {
  readonly model: ThreatModel
  /** The model file as given on the command line, for messages. */
  readonly modelPath: string
  /** The registry id of the format the model was read from (`tm7`, `threagile`, …). */
  readonly formatId: string
  /** `--template`: a built-in template id or a file path. */
  readonly template: string | undefined
  /** `--threatlib`: a threat library file path (pytm). */
  readonly threatLibrary: string | undefined
  /** Reads a file the user named; the engine reports a failure through diagnostics. */
  readonly readFile: (path: string) => Promise<Uint8Array | { readonly failure: string }>
}

export interface EngineOutput {
  readonly threats: readonly Threat[]
  readonly definitions: readonly ThreatDefinition[]
  /** Errors here mean the engine could not run (e.g. no template); warnings are printed and it goes on. */
  readonly diagnostics: readonly Diagnostic[]
}

export interface ThreatEngine {
  readonly id: string
  readonly label: string
  readonly run: (input: EngineInput) => Promise<EngineOutput>
}

const strideInteraction: ThreatEngine = {
  id: 'stride-interaction',
  label: "STRIDE per interaction (Shostack's 12 rows)",
  run: ({ model }) => Promise.resolve({ threats: generateStridePerInteraction(model, STRIDE_PER_INTERACTION), definitions: [], diagnostics: [] })
}

const strideElement: ThreatEngine = {
  id: 'stride-element',
  label: 'STRIDE per element (the classic chart)',
  run: ({ model }) => Promise.resolve({ threats: generateStridePerElement(model, STRIDE_PER_ELEMENT), definitions: [], diagnostics: [] })
}

const threagile: ThreatEngine = {
  id: 'threagile',
  label: "Threagile's 42 risk rules (v1)",
  run: ({ model }) => {
    const { threats, threatDefinitions, diagnostics } = generateThreagileRisks(model)
    return Promise.resolve({ threats, definitions: threatDefinitions, diagnostics })
  }
}

/**
 * pytm's threat library is data the user gives (`--threatlib`): its text is pytm's (MIT) and we do not
 * ship it; any file in its shape works.
 */
const pytm: ThreatEngine = {
  id: 'pytm',
  label: "pytm's threat library (conditions interpreted, never evaluated as code)",
  run: async ({ model, threatLibrary, readFile }) => {
    // A problem with the library names the library file; without one, the message is about the model.
    const fail = (message: string, file?: string): EngineOutput => ({
      threats: [],
      definitions: [],
      diagnostics: [diagnostic('pytm.threatlib', 'error', message, file === undefined ? {} : { file })]
    })
    if (threatLibrary === undefined) return fail('the pytm engine needs a threat library: --threatlib <threats.json> (pytm ships one in pytm/threatlib/)')
    const bytes = await readFile(threatLibrary)
    if (!(bytes instanceof Uint8Array)) return fail(`cannot read the threat library: ${bytes.failure}`, threatLibrary)
    const library = parseThreatLibrary(new TextDecoder().decode(bytes), threatLibrary)
    const { threats, diagnostics } = generatePytmFindings(model, library)
    return { threats, definitions: [], diagnostics: [...library.diagnostics, ...diagnostics] }
  }
}

/** Every engine `threats --engine` accepts, in the order help lists them. */
export const threatEngines: readonly ThreatEngine[] = [tmtEngine, strideInteraction, strideElement, threagile, pytm]

/**
 * The engine used when `--engine` is not given: the one native to the model's format (a .tm7 regenerates
 * with its embedded template, a Threagile model runs Threagile's rules…), else TMT-style rules when the
 * model stores the .tb7 it was applied with (it travels with the model, as in a .tm7), else STRIDE per
 * interaction. `--template` means TMT-style template rules. A stored template that turns out damaged is
 * reported by the tmt engine, which then falls back as for any model (tmt-engine.ts).
 */
export function defaultEngineId(formatId: string, template: string | undefined, model: ThreatModel): string {
  if (template !== undefined) return 'tmt'
  const native = threatEngines.find((engine) => engine.id === formatToEngine[formatId])
  if (native !== undefined) return native.id
  return hasTemplateSource(model) ? tmtEngine.id : strideInteraction.id
}

const formatToEngine: Readonly<Record<string, string>> = { tm7: 'tmt', threagile: 'threagile', pytm: 'pytm' }
