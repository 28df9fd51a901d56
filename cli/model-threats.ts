import { formatDiagnostic, hasErrors, type Diagnostic } from '../model/diagnostics'
import type { Threat, ThreatModel } from '../model/model'
import { regenerateThreats } from '../analysis/regenerate-threats'
import { reportError, type CliIo } from './cli-io'
import { readBytesOrFailure } from './file-access'
import { loadModel, type LoadedModel } from './load-model'
import { defaultEngineId, threatEngines } from './threat-engines'

/** The options `threats`, `report` and `check` share to choose how threats are generated. */
export const GENERATION_OPTIONS = ['engine', 'template', 'threatlib'] as const

/**
 * Formats whose threats are derived by their own tool's rules every time, so the file never holds the
 * list to review: Threagile computes its risks from its rules on each run and stores only risk_tracking
 * (triage keyed by the risks' synthetic ids), and a gate that read only stored threats would pass every
 * Threagile model. `report` and `check` generate these with the format's own engine unless told otherwise.
 * Every other format stores the reviewed list, used as it is: TMT regenerates a .tm7's threats only when
 * the user asks, a .twm holds what its reviewers triaged, and pytm's findings need a threat library the
 * user supplies (--threatlib).
 */
const FORMATS_WITH_DERIVED_THREATS: ReadonlySet<string> = new Set(['threagile'])

/** `threats` always generates; `report` and `check` when a generation option is given or the format derives its threats. */
export type GenerationPolicy = 'always' | 'when-asked-or-derived'

/** Which threats a command evaluated: the file's as they are, or an engine's merged with them. */
export type ThreatSource = { readonly kind: 'file' } | EngineThreatSource

export interface EngineThreatSource {
  readonly kind: 'engine'
  readonly engine: string
  readonly engineLabel: string
  /** Threats after the merge: the file's plus the generated ones it did not already hold. */
  readonly threats: number
  readonly generated: number
  /** Threats whose triage the file records: every stored one, and generated ones given the file's tracking. */
  readonly trackedInFile: number
  readonly obsolete: number
}

export type ModelThreats =
  | {
      readonly kind: 'ready'
      readonly loaded: Extract<LoadedModel, { kind: 'loaded' }>
      /** The model with the threats to evaluate (merged when an engine ran). */
      readonly model: ThreatModel
      readonly source: ThreatSource
      /** The engine's warnings and notes (already printed on stderr), each naming its file. */
      readonly engineDiagnostics: readonly Diagnostic[]
    }
  | { readonly kind: 'usage'; readonly problem: string }
  | { readonly kind: 'failed' }

/**
 * Load → generate → merge, the one step `threats`, `report` and `check` share. Reads the model; when the
 * policy says so, generates with `--engine` (default: the format's own, `tmt` with `--template`) and merges
 * as analysis/regenerate-threats.ts does: triage in the file wins, threats no longer generated stay and are
 * obsolete when their target is gone. `usage`: the caller prints the problem with its usage line; `failed`:
 * the reasons are on stderr already, exit with the input code.
 */
export async function loadModelThreats(path: string, options: ReadonlyMap<string, string>, policy: GenerationPolicy, io: CliIo): Promise<ModelThreats> {
  const requested = options.get('engine')
  if (requested !== undefined && !threatEngines.some((engine) => engine.id === requested)) {
    return { kind: 'usage', problem: `unknown engine '${requested}' (known: ${threatEngines.map((engine) => engine.id).join(', ')})` }
  }
  const loaded = await loadModel(path, io)
  if (loaded.kind === 'failed') return loaded
  const asked = GENERATION_OPTIONS.some((option) => options.has(option))
  if (policy !== 'always' && !asked && !FORMATS_WITH_DERIVED_THREATS.has(loaded.formatId)) {
    return { kind: 'ready', loaded, model: loaded.model, source: { kind: 'file' }, engineDiagnostics: [] }
  }

  const template = options.get('template')
  const engineId = requested ?? defaultEngineId(loaded.formatId, template, loaded.model)
  const engine = threatEngines.find((candidate) => candidate.id === engineId)
  if (engine === undefined) {
    reportError(io, `${path}: the '${engineId}' engine for this model is not available in this version; try --engine stride-interaction`)
    return { kind: 'failed' }
  }
  const output = await engine.run({
    model: loaded.model,
    modelPath: path,
    formatId: loaded.formatId,
    template,
    threatLibrary: options.get('threatlib'),
    readFile: readBytesOrFailure
  })
  // An engine's messages without a file of their own are about the model it was given.
  const engineDiagnostics = output.diagnostics.map((entry) => (entry.location.file === undefined ? { ...entry, location: { ...entry.location, file: path } } : entry))
  for (const entry of engineDiagnostics) io.stderr(`${formatDiagnostic(entry)}\n`)
  if (hasErrors(engineDiagnostics)) return { kind: 'failed' }

  const merged = regenerateThreats(loaded.model, output.threats, output.definitions)
  const added = new Set<string>(merged.added)
  const source: EngineThreatSource = {
    kind: 'engine',
    engine: engine.id,
    engineLabel: engine.label,
    threats: merged.model.threats.length,
    generated: output.threats.length,
    trackedInFile: loaded.model.threats.length + merged.model.threats.filter((threat) => added.has(threat.id) && carriesTriage(threat)).length,
    obsolete: merged.obsolete.length
  }
  return { kind: 'ready', loaded, model: merged.model, source, engineDiagnostics }
}

/** "25 threats (Threagile's 42 risk rules (v1), merged with 3 tracked in the file)", for text output. */
export function describeThreatSource(source: EngineThreatSource): string {
  const obsolete = source.obsolete > 0 ? `; ${source.obsolete} obsolete` : ''
  return `${source.threats} threats (${source.engineLabel}, merged with ${source.trackedInFile} tracked in the file${obsolete})`
}

/**
 * A generated threat carries triage only when the engine took it from the file (Threagile's risk_tracking
 * sets state, justification, ticket, date and checked_by); fresh threats of every engine are not started.
 */
function carriesTriage(threat: Threat): boolean {
  return threat.state.value !== 'notStarted' || threat.justification !== '' || threat.ticket !== '' || threat.changedBy !== null || threat.reviewDate !== null
}
