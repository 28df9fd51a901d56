import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { readFile, writeFile } from 'node:fs/promises'
import { createHash } from 'node:crypto'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { chromiumPdfPrinter } from '../../../node-io/chromium-pdf'
import { FIXED_REPORT_CLOCK, runReportCaptured, temporaryFolderPerTest } from '../cli/cli-test-io'
import { parseCsv } from './csv-parse'
import { samplePath } from './report-fixtures'

const folder = temporaryFolderPerTest()

const fixedClock = FIXED_REPORT_CLOCK
const report = runReportCaptured

const sampleSha256 = async (): Promise<string> => createHash('sha256').update(await readFile(samplePath)).digest('hex')

describe('threatwright report', () => {
  it('writes an HTML report whose model hash is the file’s SHA-256 (node:crypto and sha256sum)', async () => {
    const output = join(folder.path, 'report.html')
    const result = await report([samplePath, '--format', 'html', '-o', output])
    expect(result).toMatchObject({ code: 0, err: '' })
    const html = await readFile(output, 'utf8')
    const expected = await sampleSha256()
    expect(html).toContain(`<td><code>${expected}</code></td>`)
    expect(html).toContain('<td>2026-07-01T12:00:00.000Z</td>')
    expect(html).toContain('<td>Threatwright 9.8.7</td>')
    if (spawnSync('sh', ['-c', 'command -v sha256sum']).status === 0) {
      expect(execFileSync('sha256sum', [samplePath], { encoding: 'utf8' }).split(' ')[0]).toBe(expected)
    }
  })

  it('chooses the format from the extension and writes each one', async () => {
    for (const name of ['r.md', 'r.csv', 'r.json', 'r.sarif']) {
      const result = await report([samplePath, `--output=${join(folder.path, name)}`])
      expect(result.code, result.err).toBe(0)
    }
    const csv = parseCsv(await readFile(join(folder.path, 'r.csv'), 'utf8'))
    expect(csv[0]?.slice(0, 3)).toEqual(['Threat ID', 'Title', 'Description'])
    expect(csv).toHaveLength(9)
    const json = JSON.parse(await readFile(join(folder.path, 'r.json'), 'utf8')) as { schema: string; source: { modelSha256: string } }
    expect(json.schema).toBe('threatwright-report')
    expect(json.source.modelSha256).toBe(await sampleSha256())
    const sarif = JSON.parse(await readFile(join(folder.path, 'r.sarif'), 'utf8')) as { runs: { results: unknown[] }[] }
    expect(sarif.runs[0]!.results).toHaveLength(4)
    expect(await readFile(join(folder.path, 'r.md'), 'utf8')).toContain('## Threat register')
  })

  it('applies the listing flags', async () => {
    const output = join(folder.path, 'r.csv')
    expect((await report([samplePath, '-o', output, '--exclude-mitigated', '--exclude-not-applicable'])).code).toBe(0)
    expect(parseCsv(await readFile(output, 'utf8'))).toHaveLength(1 + 5)
  })

  it('keeps the previous report as .bak', async () => {
    const output = join(folder.path, 'r.md')
    await writeFile(output, 'old report')
    expect((await report([samplePath, '-o', output])).code).toBe(0)
    expect(await readFile(`${output}.bak`, 'utf8')).toBe('old report')
  })

  it('refuses bad arguments as usage errors and writes nothing', async () => {
    const output = join(folder.path, 'r.html')
    expect(await report([samplePath])).toMatchObject({ code: 1 })
    expect((await report([samplePath, '-o', output, '--format', 'docx'])).err).toContain("unknown report format 'docx'")
    expect((await report([samplePath, '-o', join(folder.path, 'r.txt')])).err).toContain('cannot tell the report format')
    expect((await report([samplePath, '-o', join(folder.path, 'r.csv'), '--summary-only'])).code).toBe(1)
    expect(existsSync(output)).toBe(false)
  })

  it('names an unknown diagram as an input error', async () => {
    const result = await report([samplePath, '-o', join(folder.path, 'r.html'), '--diagram', 'nope'])
    expect(result.code).toBe(2)
    expect(result.err).toContain("there is no diagram 'nope' (diagrams: dfd-main)")
  })

  it('says how to get Chromium when there is none for a PDF (exit 2)', async () => {
    const env = { CHROMIUM_PATH: join(folder.path, 'no-chromium-here') }
    const result = await report([samplePath, '-o', join(folder.path, 'r.pdf')], { ...fixedClock, env, printPdf: chromiumPdfPrinter(env) })
    expect(result.code).toBe(2)
    expect(result.err).toContain('apt-get install chromium')
    expect(result.err).toContain('CHROMIUM_PATH')
    expect(existsSync(join(folder.path, 'r.pdf'))).toBe(false)
  })

  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
  it.skipIf(!existsSync(chromium))(`prints a PDF with headless Chromium (needs ${chromium})`, async () => {
    const output = join(folder.path, 'r.pdf')
    const env = { CHROMIUM_PATH: chromium }
    const result = await report([samplePath, '--format', 'pdf', '-o', output], { ...fixedClock, env, printPdf: chromiumPdfPrinter(env) })
    expect(result.code, result.err).toBe(0)
    expect((await readFile(output)).subarray(0, 5).toString('latin1')).toBe('%PDF-')
  }, 60_000)
})
