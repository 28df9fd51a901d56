/**
 * Long fuzzing runs with the same properties `npm test` runs (tests/unit/fuzz), any number of cases:
 *
 *   npm run fuzz -- --runs 100000 [--target tm7] [--seed 42] [--max-seed-bytes 5000000] [--max-seconds 600]
 *
 * --max-seconds stops each target after that long (counting what ran), for runs that must fit a time box.
 * A progress line (cases so far, seconds, models) goes to stderr every minute.
 *
 * Without --target every reader is fuzzed in turn. Without --seed a random one is used and printed, so a
 * run that finds something can be replayed. Each finding is saved under fuzz-findings/ (git-ignored) with the
 * counterexample; turn it into a regression fixture in tests/fixtures/fuzz/ named after what it shows.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import fc from 'fast-check'
import { fuzzTarget, mutatedBytes, TARGET_IDS, type FuzzCase, type TargetId } from '../tests/unit/fuzz/fuzz-targets'
import { emptyStats, FuzzFinding, readerProperty } from '../tests/unit/fuzz/reader-property'

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '10000' },
    target: { type: 'string' },
    seed: { type: 'string' },
    'max-seed-bytes': { type: 'string', default: String(5 * 1024 * 1024 - 1) },
    'max-seconds': { type: 'string' }
  }
})
const runs = Number(values.runs)
const seed = values.seed === undefined ? Math.floor(Math.random() * 2 ** 31) : Number(values.seed)
const maxSeedBytes = Number(values['max-seed-bytes'])
const targets = values.target === undefined ? TARGET_IDS : [values.target as TargetId]
if (!Number.isInteger(runs) || runs <= 0 || targets.some((id) => !TARGET_IDS.includes(id))) {
  process.stderr.write(`usage: npm run fuzz -- --runs N [--target ${TARGET_IDS.join('|')}] [--seed S]\n`)
  process.exit(1)
}

/** How often a long run says how far it is. */
const PROGRESS_EVERY_MS = 60_000

let failed = false
for (const id of targets) {
  const target = fuzzTarget(id, maxSeedBytes)
  const stats = emptyStats()
  const started = performance.now()
  const timeLimit = values['max-seconds'] === undefined ? undefined : Number(values['max-seconds']) * 1000
  // fc.check runs synchronously, so no timer could fire: the progress line comes from a hook after each case.
  let nextReport = started + PROGRESS_EVERY_MS
  const progress = fc.afterEach(() => {
    const now = performance.now()
    if (now < nextReport) return
    nextReport = now + PROGRESS_EVERY_MS
    process.stderr.write(`${id}: ${stats.cases} of ${runs} cases, ${((now - started) / 1000).toFixed(0)} s, ${stats.models} models\n`)
  })
  const result = fc.check(readerProperty(target, stats), {
    seed,
    numRuns: runs,
    interruptAfterTimeLimit: timeLimit,
    markInterruptAsFailure: false,
    plugins: [progress]
  })
  const seconds = ((performance.now() - started) / 1000).toFixed(1)
  process.stdout.write(
    `${id}: ${stats.cases} cases over ${target.seeds.length} seeds in ${seconds} s, ${stats.models} models, ` +
      `slowest read ${stats.maxMilliseconds.toFixed(0)} ms (${stats.slowestCase}), seed ${seed}\n`
  )
  if (result.failed) {
    failed = true
    const counterexample = result.counterexample?.[0] as FuzzCase | undefined
    const error = result.errorInstance
    let bytes = new Uint8Array()
    if (error instanceof FuzzFinding) bytes = error.bytes
    else if (counterexample !== undefined) {
      try {
        bytes = mutatedBytes(target, counterexample).bytes
      } catch {
        // The harness itself failed on this case (its error is in the .json); there are no bytes to save.
      }
    }
    const folder = join(process.cwd(), 'fuzz-findings')
    mkdirSync(folder, { recursive: true })
    const name = `${id}-seed${seed}-${Date.now()}`
    writeFileSync(join(folder, `${name}.bin`), bytes)
    writeFileSync(join(folder, `${name}.json`), JSON.stringify({ target: id, seed, path: result.counterexamplePath, counterexample, error: String(error) }, null, 2))
    process.stdout.write(`  FINDING: ${String(error)}\n  saved fuzz-findings/${name}.bin\n`)
  }
}
process.exit(failed ? 2 : 0)
