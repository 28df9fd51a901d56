import { writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { cliColdStart } from './cli-cold-start'
import { editorBench } from './editor'
import { generateTmt } from './generate-tmt'
import { modelValidate } from './model-validate'
import { tm7Import } from './tm7-import'
import { pytmAnalysis } from './pytm-analysis'
import { triageFilter } from './triage'
import type { Benchmark, Metrics } from './metrics'

/** Every benchmark, in run order. Later issues add theirs here. */
const benchmarks: readonly Benchmark[] = [cliColdStart, modelValidate, generateTmt, pytmAnalysis, tm7Import, triageFilter, editorBench]

async function main(): Promise<void> {
  const results: Metrics = {}
  for (const benchmark of benchmarks) {
    process.stdout.write(`bench: ${benchmark.name}… `)
    const metrics = await benchmark.run()
    Object.assign(results, metrics)
    process.stdout.write(`${Object.entries(metrics).map(([name, metric]) => `${name}=${metric.value} ${metric.unit}`).join(', ')}\n`)
  }
  const sorted = Object.fromEntries(Object.entries(results).sort(([left], [right]) => left.localeCompare(right)))
  const target = join(resolve(__dirname, '..'), 'bench-results.json')
  writeFileSync(target, `${JSON.stringify(sorted, null, 2)}\n`)
  process.stdout.write(`bench: wrote ${target}\n`)
}

main().catch((error: unknown) => {
  process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`)
  process.exit(1)
})
