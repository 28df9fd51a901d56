import { SEVERITIES, type Severity } from '../../model/enums'
import type { Threat } from '../../model/model'
import { canonicalJson } from '../../model/canonical-json'
import { isAtOrAbove, isOpenThreat, severityRank, threatSeverity } from '../../reports/threat-severity'
import { parseCommandArguments, type CommandSyntax } from '../arguments'
import type { CliIo } from '../cli-io'
import { ExitCode } from '../exit-codes'
import { reportUsageProblem, showCommandHelp } from '../help'
import { loadModel } from '../load-model'

export const checkSyntax: CommandSyntax = {
  name: 'check',
  positionals: ['model'],
  flags: ['json'],
  options: ['fail-on'],
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
 * `threatwright check <model> --fail-on <severity> [--json]`, for CI pipelines. A threat fails the gate
 * when it is open (not mitigated, not applicable, not accepted) and its severity (its own, else mapped
 * from its priority: reports/threat-severity.ts) is at or above the threshold. Exit 1 with the failing
 * threats listed, else 0. Threats with neither severity nor priority cannot be ranked, so they never fail
 * the gate, but they are counted on stderr so an unrated model does not pass unnoticed.
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
  const loaded = await loadModel(path, io)
  if (loaded.kind === 'failed') return ExitCode.input

  const open = loaded.model.threats.filter(isOpenThreat)
  const failing = open.flatMap((threat) => gated(threat, failOn)).sort(mostSevereFirst)
  const unrated = open.filter((threat) => threatSeverity(threat).severity === 'unrated').length
  if (unrated > 0) io.stderr(`${path}: warning: ${unrated} open threat(s) have no severity or priority and were not gated\n`)

  if (parsed.flags.has('json')) {
    io.stdout(canonicalJson({ failOn, failed: failing.length > 0, openThreats: open.length, threats: failing, unratedOpenThreats: unrated }))
  } else if (failing.length === 0) {
    io.stdout(`PASS ${path}: no open threat at or above ${failOn} (${open.length} open threat(s) in all)\n`)
  } else {
    const lines = failing.map((threat) => `  ${threat.severity.padEnd(9)} ${threat.state.padEnd(19)} ${threat.id}  ${threat.title}`)
    io.stdout([`FAIL ${path}: ${failing.length} open threat(s) at or above ${failOn}`, ...lines, ''].join('\n'))
  }
  return failing.length > 0 ? GATE_FAILED : ExitCode.success
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
