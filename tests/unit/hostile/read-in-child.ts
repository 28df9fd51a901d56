/**
 * Reads one file through the registry in a fresh process and prints, as JSON, what came back, how long it
 * took and the peak resident memory the read added. hostile-files.test.ts runs the heavy hostile inputs
 * here so that their memory is measured honestly, apart from the test runner's own heap.
 *
 * Usage: node --import tsx tests/unit/hostile/read-in-child.ts <file>
 */
import { readFileSync } from 'node:fs'
import { basename } from 'node:path'
import { readModelFile } from '../../../importers/registry'

const path = process.argv[2]
if (path === undefined) throw new Error('usage: read-in-child.ts <file>')
const bytes = new Uint8Array(readFileSync(path))
const baseline = process.memoryUsage().rss
const started = performance.now()
const result = readModelFile({ bytes, fileName: basename(path) })
const milliseconds = performance.now() - started
// maxRSS (kilobytes) is the high-water mark, so a transient peak inside the read counts.
const peakMegabytes = (process.resourceUsage().maxRSS * 1024 - baseline) / 1e6
process.stdout.write(`${JSON.stringify({ milliseconds, peakMegabytes, formatId: result.formatId, hasModel: result.model !== null, diagnostics: result.diagnostics })}\n`)
