import { readFileSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runInfo } from '../../../cli/commands/info'
import type { TemplateInfoReport } from '../../../cli/commands/info-template'
import { corpusTemplates, countOpenTags } from '../tb7/tb7-test-files'
import { capturingContext, temporaryFolderPerTest } from './cli-test-io'

/**
 * Threat types disabled because their rule does not parse, by corpus template, each checked by hand: the
 * K8s template's "Cross Site Request Forgery" has a display-name reference pasted into its Exclude
 * (`[[Internet (Client & Server) capability] …`), which no rule grammar matches (tmt-rules.md §4.5).
 */
const DISABLED_BY_HAND: Readonly<Record<string, readonly string[]>> = {
  'kubernetes-k8s-1.0.0.9.tb7': ['8404dcf5-bdd8-4902-abc2-3b6c967b0261']
}

const folder = temporaryFolderPerTest()

describe('info on a template (.tb7)', () => {
  for (const path of corpusTemplates()) {
    it(`${basename(path)}: describes the template, its counts as in the file, and its disabled rules`, async () => {
      const context = capturingContext()
      expect(await runInfo([path, '--json'], context), context.err()).toBe(0)
      const report = JSON.parse(context.out()) as TemplateInfoReport
      const text = readFileSync(path, 'utf8')
      expect(report.kind).toBe('template')
      expect(report.format.id).toBe('tb7')
      expect(report.counts.elementTypes).toBe(countOpenTags(text, 'ElementType'))
      expect(report.counts.threatTypes).toBe(countOpenTags(text, 'ThreatType'))
      expect(report.counts.threatCategories).toBe(countOpenTags(text, 'ThreatCategory'))
      expect(report.rules.disabled.map((entry) => entry.threatTypeId)).toEqual(DISABLED_BY_HAND[basename(path)] ?? [])
      for (const entry of report.rules.disabled) expect(entry.reason).toContain('does not parse')
      // Every message names the template file.
      for (const entry of report.diagnostics) expect(entry.location.file).toBe(path)
    })
  }

  it('says in text which threat types are disabled and why', async () => {
    const path = corpusTemplates().find((file) => basename(file) === 'kubernetes-k8s-1.0.0.9.tb7')!
    const context = capturingContext()
    expect(await runInfo([path], context)).toBe(0)
    expect(context.out()).toContain('Rules: 1 threat type disabled (rule does not parse)')
    expect(context.out()).toContain('disabled: 8404dcf5-bdd8-4902-abc2-3b6c967b0261 (Cross Site Request Forgery)')
    expect(context.out()).toContain("unexpected character '['")
  })

  it('refuses a damaged template with exit 2 and a message naming the file and the place', async () => {
    const whole = readFileSync(corpusTemplates().find((file) => basename(file).startsWith('docker'))!, 'utf8')
    const path = join(folder.path, 'cut-short.tb7')
    await writeFile(path, whole.slice(0, Math.floor(whole.length / 2)))
    const context = capturingContext()
    expect(await runInfo([path], context)).toBe(2)
    expect(context.err()).toMatch(new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}, line \\d+, column \\d+: error: `))
    expect(context.out()).toBe('')
  })
})
