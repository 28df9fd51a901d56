import { spawnSync } from 'node:child_process'
import { join, resolve } from 'node:path'
import { median, type Benchmark } from './metrics'

const repoRoot = resolve(__dirname, '..')
const runs = 15

/**
 * `cli.info.ms`: wall time of a fresh `threatwright info` process on the sample, median of 15 runs after
 * one warm-up (which fills the OS file cache, as on a reviewer's machine after the first call).
 */
export const cliColdStart: Benchmark = {
  name: 'cli cold start',
  async run() {
    const command = [join(repoRoot, 'bin', 'threatwright.js'), 'info', join(repoRoot, 'samples', 'web-shop.twm')]
    const once = (): number => {
      const started = process.hrtime.bigint()
      const result = spawnSync(process.execPath, command, { stdio: 'pipe' })
      if (result.status !== 0) throw new Error(`threatwright info failed: ${result.stderr.toString()}`)
      return Number(process.hrtime.bigint() - started) / 1e6
    }
    once()
    const samples = Array.from({ length: runs }, once)
    return { 'cli.info.ms': { value: Math.round(median(samples) * 10) / 10, unit: 'ms' } }
  }
}
