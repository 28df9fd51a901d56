import fc from 'fast-check'
import { expect, it } from 'vitest'
import { fuzzTarget, type TargetId } from './fuzz-targets'
import { emptyStats, MAX_MILLISECONDS, readerProperty } from './reader-property'

/** Fixed, so `npm test` is reproducible; `npm run fuzz -- --seed N` explores elsewhere. */
export const FUZZ_SEED = 20_261_126

/**
 * One vitest case fuzzing one reader with `numRuns` mutated corpus files up to `maxSeedBytes` each.
 * Counts are sized so the whole fuzz share of `npm test` stays near a minute on two cores.
 */
export function fuzzReaderInVitest(id: TargetId, numRuns: number, maxSeedBytes: number): void {
  it(`${id}: ${numRuns} mutated corpus files give a valid model or error diagnostics, in time`, () => {
    const target = fuzzTarget(id, maxSeedBytes)
    const stats = emptyStats()
    fc.assert(readerProperty(target, stats), { seed: FUZZ_SEED, numRuns })
    expect(stats.cases).toBe(numRuns)
    expect(stats.maxMilliseconds).toBeLessThan(MAX_MILLISECONDS)
  }, 300_000)
}
