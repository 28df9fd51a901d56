import { readFileSync, readdirSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { load } from 'js-yaml'
import { corpusFiles } from '../../corpus'

/** One risk of Threagile v1's own risks.json (the fields these tests read). */
export interface OracleRisk {
  readonly synthetic_id: string
  readonly severity: string
  readonly risk_status: string
}

export interface OracleModel {
  readonly path: string
  readonly folder: string
  /** risks.json without repeats: v1 lists a few risks twice (push-instead-of-pull-deployment), a threat id is unique. */
  readonly risks: readonly OracleRisk[]
}

/** Threagile's severity scale, lowest first (threagile-rules.md §0.3), written out here rather than taken from our code. */
const THREAGILE_SEVERITIES = ['low', 'medium', 'elevated', 'high', 'critical']
/** v1's IsStillAtRisk: these statuses leave a risk open. */
const STILL_AT_RISK = ['unchecked', 'in-discussion', 'in-progress']

/**
 * Corpus Threagile models next to Threagile's own risks.json whose model has no `risk_tracking`, no
 * individual risk categories and no includes: risks.json is then the pure output of the 42 rules on that
 * file, so it cannot have drifted through a later tracking or manual-risk edit (argo-cd and genai-rag did:
 * tests/unit/threagile/threagile-risks-oracle.test.ts lists why). Found by content, never by name.
 */
export function untrackedOracleModels(): OracleModel[] {
  const models = corpusFiles('threagile', ['risks.json']).flatMap((risksPath): OracleModel[] => {
    const folder = dirname(risksPath)
    const name = readdirSync(folder).find((entry) => /\.ya?ml$/i.test(entry))
    if (name === undefined) return []
    const path = join(folder, name)
    const root = load(readFileSync(path, 'utf8')) as Record<string, unknown>
    const manual = root.individual_risk_categories ?? root.custom_risk_categories
    const hasManual = manual !== null && manual !== undefined && Object.keys(manual).length > 0
    if ('risk_tracking' in root || hasManual || 'includes' in root) return []
    const byId = new Map<string, OracleRisk>()
    for (const risk of JSON.parse(readFileSync(risksPath, 'utf8')) as OracleRisk[]) byId.set(risk.synthetic_id, risk)
    return [{ path, folder: basename(folder), risks: [...byId.values()] }]
  })
  if (models.length === 0) throw new Error('no untracked Threagile model with a risks.json in the corpus')
  return models
}

/** The open risks at or above a severity, by Threagile's own output, sorted by id. */
export function openRisksAtOrAbove(model: OracleModel, severity: string): string[] {
  const threshold = THREAGILE_SEVERITIES.indexOf(severity)
  return model.risks
    .filter((risk) => THREAGILE_SEVERITIES.indexOf(risk.severity) >= threshold && STILL_AT_RISK.includes(risk.risk_status))
    .map((risk) => risk.synthetic_id)
    .sort()
}

/**
 * A copy of the model in `folder` with a v1 `risk_tracking` section appended (the model has none: see
 * untrackedOracleModels), each listed risk marked with `status`. Ids are written as YAML double-quoted strings.
 */
export async function withRiskTracking(model: OracleModel, folder: string, ids: readonly string[], status: string): Promise<string> {
  const entries = ids.map((id) => `  ${JSON.stringify(id)}:\n    status: ${status}\n    justification: Checked in review\n    ticket: SEC-1\n    date: 2026-01-15\n    checked_by: Reviewer`)
  const path = join(folder, `tracked-${basename(model.path)}`)
  await writeFile(path, `${readFileSync(model.path, 'utf8').trimEnd()}\n\nrisk_tracking:\n${entries.join('\n')}\n`)
  return path
}
