import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { formats } from '../importers/registry'
import { parseXml } from '../importers/xml/parse-xml'
import { generateTm7 } from './generate-tm7'
import { median, type Benchmark, type Metrics } from './metrics'

const repoRoot = resolve(__dirname, '..')
const runs = 5

/**
 * The .tm7 pipeline on the synthetic ~20 MB model of generate-tm7.ts, in one run:
 * - `tm7.rawParse.ms`: bytes → UTF-8 text → parseXml tree (what any XML reader must pay);
 * - `tm7.import.ms`: the same bytes → model through the registry's tm7 reader (its own decode included);
 * - `tm7.export.ms`: that model → bytes through the tm7 writer;
 * - `tm7.import.peakMB` / `tm7.rawParse.peakMB`: peak RSS added by one import / one parse, each measured
 *   in a fresh child process.
 * Times are medians of 5 runs after one warm-up. Steps the registry cannot do yet are left out and said so.
 */
export const tm7Import: Benchmark = {
  name: 'tm7 import/export',
  async run() {
    const tm7 = formats.find((format) => format.id === 'tm7')
    const text = generateTm7()
    const bytes = new TextEncoder().encode(text)
    const folder = mkdtempSync(join(tmpdir(), 'threatwright-bench-'))
    const path = join(folder, 'synthetic.tm7')
    writeFileSync(path, bytes)
    try {
      const metrics: Metrics = {
        'tm7.rawParse.ms': timed(() => {
          const parsed = parseXml(new TextDecoder().decode(bytes), 'synthetic.tm7')
          if (!('root' in parsed)) throw new Error(`the synthetic model does not parse: ${parsed.diagnostics[0]?.message ?? ''}`)
        }),
        'tm7.rawParse.peakMB': peakMegabytes(path, 'rawParse')
      }
      const read = tm7?.read
      if (read === undefined) {
        process.stdout.write('(no tm7 reader in the registry yet: tm7.import.* and tm7.export.ms not measured) ')
        return metrics
      }
      const input = { bytes, fileName: 'synthetic.tm7' }
      const imported = read(input)
      if (imported.model === null) throw new Error(`the tm7 reader refused the synthetic model: ${imported.diagnostics[0]?.message ?? ''}`)
      const model = imported.model
      metrics['tm7.import.ms'] = timed(() => read(input))
      metrics['tm7.import.peakMB'] = peakMegabytes(path, 'import')
      const write = tm7?.write
      if (write === undefined) process.stdout.write('(no tm7 writer in the registry yet: tm7.export.ms not measured) ')
      else metrics['tm7.export.ms'] = timed(() => write(model))
      return metrics
    } finally {
      rmSync(folder, { recursive: true, force: true })
    }
  }
}

function timed(step: () => void): { value: number; unit: string } {
  step()
  const samples = Array.from({ length: runs }, () => {
    const started = process.hrtime.bigint()
    step()
    return Number(process.hrtime.bigint() - started) / 1e6
  })
  return { value: Math.round(median(samples)), unit: 'ms' }
}

/** Median over 3 fresh processes: RSS high-water marks vary with when the collector runs. */
function peakMegabytes(path: string, step: 'import' | 'rawParse'): { value: number; unit: string } {
  const samples = Array.from({ length: 3 }, () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', join(__dirname, 'tm7-import-memory.ts'), path, step], {
      cwd: repoRoot,
      encoding: 'utf8'
    })
    if (result.status !== 0) throw new Error(`the ${step} memory probe failed: ${result.stderr}`)
    return (JSON.parse(result.stdout) as { peakMB: number }).peakMB
  })
  return { value: median(samples), unit: 'MB' }
}
