import { canonical } from '../model/canonical'
import type { ThreatModel } from '../model/model'
import { setThreatState } from '../model/edits/threat-edits'
import { filterRows, NO_FILTER, type ThreatFilter } from '../analysis/threat-table/threat-filter'
import { buildThreatRows } from '../analysis/threat-table/threat-rows'
import { sortRows } from '../analysis/threat-table/threat-sort'
import { median, type Benchmark } from './metrics'
import { largeModel } from './synthetic-model'

const RUNS = 60

/**
 * `triage.filter.p95.ms`: what one keystroke in the threat table's search box or one filter change costs
 * on 20,000 threats (bench/synthetic-model.ts, states varied): the pure filter plus the sort the table
 * re-applies, p95 over a mix of filters. Measured on the renderer's own functions in Node, not in a
 * browser: rendering is virtualised (about 30 rows), so the scan is what grows with the model.
 * `triage.rows.ms` is the median cost of deriving all rows from a model seen for the first time (opening it);
 * `triage.rowsAfterEdit.ms` the median cost after one triage step, when only the edited row is built again.
 */
export const triageFilter: Benchmark = {
  name: 'threat table filter',
  async run() {
    const model = withVariedStates(largeModel())
    // A fresh copy per sample: rows are kept per model, and the first build of each model is what is timed.
    const rowSamples = Array.from({ length: 5 }, () => {
      const fresh = { ...model, diagrams: [...model.diagrams] }
      return timed(() => buildThreatRows(fresh))
    })
    const editSamples = afterEditSamples(model)
    const rows = buildThreatRows(model)
    const filters: readonly ThreatFilter[] = [
      { ...NO_FILTER, text: 'threat 1999' },
      { ...NO_FILTER, text: 'e42' },
      { ...NO_FILTER, states: new Set(['mitigated']) },
      { ...NO_FILTER, itemId: 'f77', obsolete: false },
      { ...NO_FILTER, unreviewed: true, text: 'threat' }
    ]
    const samples: number[] = []
    for (let run = 0; run < RUNS; run++) {
      const filter = filters[run % filters.length] ?? NO_FILTER
      samples.push(timed(() => sortRows(filterRows(rows, filter), { key: 'title', descending: run % 2 === 1 })))
    }
    return {
      'triage.filter.p95.ms': { value: round(percentile(samples.slice(filters.length), 0.95)), unit: 'ms' },
      'triage.rows.ms': { value: round(median(rowSamples)), unit: 'ms' },
      'triage.rowsAfterEdit.ms': { value: round(median(editSamples)), unit: 'ms' }
    }
  }
}

/** Five triage steps, each on another threat, as the table sees them: the rows of the edited model. */
function afterEditSamples(model: ThreatModel): number[] {
  let current = model
  buildThreatRows(current)
  return [101, 2002, 7003, 12004, 19005].map((index) => {
    const threat = current.threats[index]
    if (threat === undefined) throw new Error(`the bench model has no threat ${index}`)
    const result = setThreatState(current, [threat.id], 'mitigated', { by: 'bench', at: '2026-01-01T00:00:00Z' }, 'bench')
    if (result.kind !== 'edited') throw new Error(result.reason)
    current = result.model
    const edited = current
    return timed(() => buildThreatRows(edited))
  })
}

function withVariedStates(model: ThreatModel): ThreatModel {
  const states = ['notStarted', 'needsInvestigation', 'notApplicable', 'mitigated', 'accepted'] as const
  return { ...model, threats: model.threats.map((threat, index) => ({ ...threat, state: canonical(states[index % states.length] ?? 'notStarted') })) }
}

function timed(work: () => unknown): number {
  const started = performance.now()
  work()
  return performance.now() - started
}

function percentile(samples: readonly number[], fraction: number): number {
  const sorted = [...samples].sort((left, right) => left - right)
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)] ?? 0
}

function round(value: number): number {
  return Math.round(value * 10) / 10
}
