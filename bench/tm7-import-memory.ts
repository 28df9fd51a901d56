/**
 * Child process of the tm7 benchmark: reads one file, then runs one step (`import` through the registry's
 * tm7 reader, or `rawParse` through parseXml alone) and prints the peak resident memory the step added,
 * in MB, as JSON. Measured in a fresh process so the parent's heap and earlier runs do not blur it.
 * tm7-import.ts builds it into out/bench/ with the driver it measures (bundle.ts).
 *
 * Usage: node out/bench/tm7-import-memory.js <file.tm7> <import|rawParse>
 */
import { readFileSync } from 'node:fs'
import { importTm7, rawParse } from './tm7-driver'

const [path, step] = process.argv.slice(2)
if (path === undefined || (step !== 'import' && step !== 'rawParse')) {
  process.stderr.write('usage: tm7-import-memory.js <file.tm7> <import|rawParse>\n')
  process.exit(1)
}
const bytes = new Uint8Array(readFileSync(path))
const baseline = process.memoryUsage().rss
// Kept referenced until after the measurement, so nothing is collected before maxRSS is read.
const result: unknown = step === 'import' ? importTm7(bytes, path) : rawParse(bytes, path)
// resourceUsage().maxRSS is in kilobytes: the process's high-water mark, so transient peaks count too.
const peak = process.resourceUsage().maxRSS * 1024
process.stdout.write(`${JSON.stringify({ peakMB: Math.round((peak - baseline) / 1e5) / 10, kept: result !== undefined })}\n`)
