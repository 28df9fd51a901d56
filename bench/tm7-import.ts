import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { buildBenchEntry, bundledEntry } from './bundle'
import { collectGarbage } from './collect-garbage'
import { generateTm7 } from './generate-tm7'
import type * as Tm7Driver from './tm7-driver'
import { median, type Benchmark, type Metrics } from './metrics'

type Driver = typeof Tm7Driver

const repoRoot = resolve(__dirname, '..')
const runs = 5

/**
 * The .tm7 pipeline on the synthetic ~20 MB model of generate-tm7.ts, in one run:
 * - `tm7.rawParse.ms`: bytes → UTF-8 text → parseXml tree (what any XML reader must pay);
 * - `tm7.import.ms`: the same bytes → model through the registry's tm7 reader (its own decode included);
 * - `tm7.export.ms`: that model → bytes through the tm7 writer;
 * - `tm7.import.peakMB` / `tm7.rawParse.peakMB`: peak RSS added by one import / one parse, each measured
 *   in a fresh child process.
 * The timed code is the bundle Vite builds from tm7-driver.ts, as the app and the CLI ship it
 * (docs/decisions/0009). Times are medians of 5 runs after one warm-up; parse and import runs alternate,
 * each after a full collection (collect-garbage.ts).
 */
export const tm7Import: Benchmark = {
  name: 'tm7 import/export',
  async run() {
    const driver = await bundledEntry<Driver>('tm7-driver')
    await buildBenchEntry('tm7-import-memory')
    const text = generateTm7()
    const bytes = new TextEncoder().encode(text)
    const folder = mkdtempSync(join(tmpdir(), 'threatwright-bench-'))
    const path = join(folder, 'synthetic.tm7')
    writeFileSync(path, bytes)
    try {
      const parse = (): void => {
        const parsed = driver.rawParse(bytes, 'synthetic.tm7')
        if (!('root' in parsed)) throw new Error(`the synthetic model does not parse: ${parsed.diagnostics[0]?.message ?? ''}`)
      }
      const imported = driver.importTm7(bytes, 'synthetic.tm7')
      if (imported.model === null) throw new Error(`the tm7 reader refused the synthetic model: ${imported.diagnostics[0]?.message ?? ''}`)
      const model = imported.model
      // Interleaved, so the two steps the 1.25x target compares meet the same heap and machine state.
      const [rawParseMs, importMs] = timed([parse, () => driver.importTm7(bytes, 'synthetic.tm7')])
      const [exportMs] = timed([() => driver.exportTm7(model)])
      if (rawParseMs === undefined || importMs === undefined || exportMs === undefined) throw new Error('a tm7 step was not timed')
      const metrics: Metrics = {
        'tm7.rawParse.ms': rawParseMs,
        'tm7.rawParse.peakMB': peakMegabytes(path, 'rawParse'),
        'tm7.import.ms': importMs,
        'tm7.import.peakMB': peakMegabytes(path, 'import'),
        'tm7.export.ms': exportMs
      }
      return metrics
    } finally {
      rmSync(folder, { recursive: true, force: true })
    }
  }
}

/** Each step's median over `runs` rounds after one warm-up round; a round runs the steps one after another, each after a full collection. */
function timed(steps: readonly (() => void)[]): { value: number; unit: string }[] {
  for (const step of steps) step()
  const samples = steps.map((): number[] => [])
  for (let round = 0; round < runs; round += 1) {
    steps.forEach((step, index) => {
      collectGarbage()
      const started = process.hrtime.bigint()
      step()
      samples[index]?.push(Number(process.hrtime.bigint() - started) / 1e6)
    })
  }
  return samples.map((times) => ({ value: Math.round(median(times)), unit: 'ms' }))
}

/** Median over 3 fresh processes running the bundled probe: RSS high-water marks vary with when the collector runs. */
function peakMegabytes(path: string, step: 'import' | 'rawParse'): { value: number; unit: string } {
  const samples = Array.from({ length: 3 }, () => {
    const result = spawnSync(process.execPath, [join(repoRoot, 'out', 'bench', 'tm7-import-memory.js'), path, step], {
      cwd: repoRoot,
      encoding: 'utf8'
    })
    if (result.status !== 0) throw new Error(`the ${step} memory probe failed: ${result.stderr}`)
    return (JSON.parse(result.stdout) as { peakMB: number }).peakMB
  })
  return { value: median(samples), unit: 'MB' }
}
