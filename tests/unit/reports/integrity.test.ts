import { execFileSync, spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { contentSha256Of, INTEGRITY_BEGIN, INTEGRITY_END } from '../../../reports/integrity'
import { renderHtml } from '../../../reports/render-html'
import { renderJson } from '../../../reports/render-json'
import { renderMarkdown } from '../../../reports/render-markdown'
import { fieldValue, parseHtml } from './parse-html'
import { loadFixture, reportOf, samplePath } from './report-fixtures'

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex')
const hasCommand = (name: string): boolean => spawnSync('sh', ['-c', `command -v ${name}`]).status === 0

/** The auditor's recipe from reports/integrity.ts, done independently: cut the marked section, hash the rest. */
function hashWithoutIntegritySection(report: string): string {
  const begin = report.indexOf(INTEGRITY_BEGIN)
  const end = report.indexOf(INTEGRITY_END) + INTEGRITY_END.length
  return sha256(report.slice(0, begin) + report.slice(end))
}

describe('report integrity', () => {
  it('prints the SHA-256 of the model file bytes, as node:crypto and sha256sum compute it', () => {
    const html = renderHtml(reportOf(samplePath))
    const printed = fieldValue(parseHtml(html).querySelector('section#integrity')!, 'Model file SHA-256')
    expect(printed).toBe(createHash('sha256').update(loadFixture(samplePath).bytes).digest('hex'))
    if (hasCommand('sha256sum')) {
      expect(execFileSync('sha256sum', [samplePath], { encoding: 'utf8' }).split(' ')[0]).toBe(printed)
    }
  })

  it('prints the hash of everything but the integrity section, in HTML and Markdown', () => {
    for (const report of [renderHtml(reportOf(samplePath)), renderMarkdown(reportOf(samplePath))]) {
      expect(report.split(INTEGRITY_BEGIN)).toHaveLength(2)
      expect(report.split(INTEGRITY_END)).toHaveLength(2)
      const expected = hashWithoutIntegritySection(report)
      expect(report).toContain(expected)
      expect(contentSha256Of(report)).toBe(expected)
      // One changed character anywhere outside the section gives another hash.
      const tampered = report.replace('Priya Shah', 'Priya Shaw')
      expect(hashWithoutIntegritySection(tampered)).not.toBe(expected)
    }
  })

  it.skipIf(!hasCommand('perl') || !hasCommand('sha256sum'))('matches the documented perl | sha256sum recipe (needs perl and sha256sum)', () => {
    const folder = mkdtempSync(join(tmpdir(), 'threatwright-integrity-'))
    try {
      const html = renderHtml(reportOf(samplePath))
      const file = join(folder, 'report.html')
      writeFileSync(file, html)
      const recipe = `perl -0777 -pe 's/<!-- integrity:begin -->.*?<!-- integrity:end -->//s' '${file}' | sha256sum`
      const fromShell = execFileSync('sh', ['-c', recipe], { encoding: 'utf8' }).split(' ')[0]
      expect(html).toContain(`<code>${fromShell}</code>`)
    } finally {
      rmSync(folder, { recursive: true, force: true })
    }
  })

  it('hashes the JSON report without its integrity key, as documented', () => {
    const text = renderJson(reportOf(samplePath))
    const parsed = JSON.parse(text) as { integrity: { contentSha256: string; modelSha256: string } }
    const { integrity, ...rest } = parsed
    // Sorted keys, 2-space indent, trailing newline; this report has no integer-like keys, so a sorted copy
    // through JSON.stringify is an independent check of the writer.
    expect(integrity.contentSha256).toBe(sha256(`${JSON.stringify(sortKeys(rest), null, 2)}\n`))
    expect(text).toBe(`${JSON.stringify(sortKeys(parsed), null, 2)}\n`)
    expect(integrity.modelSha256).toBe(loadFixture(samplePath).sha256)
  })
})

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys)
  if (value === null || typeof value !== 'object') return value
  return Object.fromEntries(Object.keys(value).sort().map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]))
}
