import { SEVERITIES, type Severity } from '../../model/enums'
import type { Threat } from '../../model/model'
import { canonicalJson } from '../../model/canonical-json'
import { obsoleteChecker } from '../../analysis/obsolete-threats'
import { isAtOrAbove, isOpenThreat, severityRank, threatSeverity } from '../../reports/threat-severity'
import { parseCommandArguments, type CommandSyntax } from '../arguments'
import type { CliIo } from '../cli-io'
import { ExitCode } from '../exit-codes'
import { reportUsageProblem, showCommandHelp } from '../help'
import { describeThreatSource, GENERATION_OPTIONS, loadModelThreats, type EngineThreatSource } from '../model-threats'

export const checkSyntax: CommandSyntax = {
  name: 'check',
  positionals: ['model'],
  flags: ['json'],
  options: ['fail-on', ...GENERATION_OPTIONS],
  summary: 'CI gate: exit 1 when an open threat is at or above a severity'
}

/**
 * The issue asks for exit 1 on a failed gate, the number usage errors also use; a pipeline tells them
 * apart by the output: a failed gate prints FAIL and the threats on stdout, a usage error a usage line on stderr.
 */
const GATE_FAILED: ExitCode = 1

/** A gated threat as printed by `check` (and in `--json`). */
interface GatedThreat {
  readonly id: string
  readonly title: string
  readonly severity: Severity
  readonly severitySource: 'severity' | 'priority'
  readonly state: string
}

/**
 * `threatwright check <model> --fail-on <severity> [--engine id] [--template t] [--threatlib f] [--json]`,
 * for CI pipelines. The threats are those `report` lists (model-threats.ts: generated and merged when asked
 * or when the format derives them, as Threagile does). A threat fails the gate when it is open (not
 * mitigated, not applicable, not accepted), not obsolete, and its severity (its own, else mapped from its
 * priority: reports/threat-severity.ts) is at or above the threshold. Exit 1 with the failing threats
 * listed, else 0. Threats with neither severity nor priority cannot be ranked, so they never fail the gate,
 * but they are counted on stderr so an unrated model does not pass unnoticed.
 */
export async function runCheck(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  const parsed = parseCommandArguments(argv, checkSyntax)
  if (parsed.kind === 'help') return showCommandHelp(checkSyntax, io)
  if (parsed.kind === 'invalid') return reportUsageProblem(parsed.problem, checkSyntax, io)
  const threshold = parsed.options.get('fail-on')?.toLowerCase()
  if (threshold === undefined) return reportUsageProblem(`missing --fail-on <severity> (${SEVERITIES.join(', ')})`, checkSyntax, io)
  if (!(SEVERITIES as readonly string[]).includes(threshold)) {
    return reportUsageProblem(`unknown severity '${threshold}' for --fail-on (known: ${SEVERITIES.join(', ')})`, checkSyntax, io)
  }
  const failOn = threshold as Severity
  const path = parsed.positionals.get('model') ?? ''
  const evaluated = await loadModelThreats(path, parsed.options, 'when-asked-or-derived', io)
  if (evaluated.kind === 'usage') return reportUsageProblem(evaluated.problem, checkSyntax, io)
  if (evaluated.kind === 'failed') return ExitCode.input

  const isObsolete = obsoleteChecker(evaluated.model)
  const open = evaluated.model.threats.filter(isOpenThreat)
  // A threat whose element or interaction is gone is a leftover to clean up, not a risk of the system as
  // modelled: it is listed as obsolete (threats, report) and never fails the gate.
  const gatable = open.filter((threat) => !isObsolete(threat))
  const obsoleteOpen = open.length - gatable.length
  const failing = gatable.flatMap((threat) => gated(threat, failOn)).sort(mostSevereFirst)
  const unrated = gatable.filter((threat) => threatSeverity(threat).severity === 'unrated').length
  if (unrated > 0) io.stderr(`${path}: warning: ${unrated} open threat(s) have no severity or priority and were not gated\n`)
  if (obsoleteOpen > 0) io.stderr(`${path}: note: ${obsoleteOpen} open threat(s) are obsolete (their element or interaction is gone) and were not gated\n`)

  // Keys added since the first version appear only when they apply, so a model whose stored threats are
  // all current prints exactly what it always did.
  const source = evaluated.source
  const exitCode = failing.length > 0 ? GATE_FAILED : ExitCode.success
  if (parsed.flags.has('json')) {
    io.stdout(
      canonicalJson({
        failOn,
        failed: failing.length > 0,
        openThreats: open.length,
        threats: failing,
        unratedOpenThreats: unrated,
        ...(obsoleteOpen > 0 ? { obsoleteOpenThreats: obsoleteOpen } : {}),
        ...(source.kind === 'engine' ? { threatSource: threatSourceJson(source) } : {})
      })
    )
    return exitCode
  }
  // Threats the file holds are what `check` has always evaluated; when an engine ran, say which.
  const evaluatedLine = source.kind === 'engine' ? [`Evaluated ${describeThreatSource(source)}`] : []
  if (failing.length === 0) {
    io.stdout([`PASS ${path}: no open threat at or above ${failOn} (${open.length} open threat(s) in all)`, ...evaluatedLine, ''].join('\n'))
  } else {
    const lines = failing.map((threat) => `  ${threat.severity.padEnd(9)} ${threat.state.padEnd(19)} ${threat.id}  ${threat.title}`)
    io.stdout([`FAIL ${path}: ${failing.length} open threat(s) at or above ${failOn}`, ...evaluatedLine, ...lines, ''].join('\n'))
  }
  return exitCode
}

function gated(threat: Threat, failOn: Severity): readonly GatedThreat[] {
  const { severity, source } = threatSeverity(threat)
  if (severity === 'unrated' || source === 'none' || !isAtOrAbove(severity, failOn)) return []
  return [{ id: threat.id, title: threat.title, severity, severitySource: source, state: threat.state.value ?? threat.state.raw ?? 'unrecognized' }]
}

function mostSevereFirst(left: GatedThreat, right: GatedThreat): number {
  const rank = severityRank(right.severity) - severityRank(left.severity)
  return rank !== 0 ? rank : left.id < right.id ? -1 : left.id > right.id ? 1 : 0
}

/** `threatSource` in `--json` (README): which engine ran and how its threats met the file's. */
function threatSourceJson(source: EngineThreatSource): Record<string, string | number> {
  return {
    engine: source.engine,
    engineLabel: source.engineLabel,
    generated: source.generated,
    obsolete: source.obsolete,
    threats: source.threats,
    trackedInFile: source.trackedInFile
  }
}
