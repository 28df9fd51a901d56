import { describe, expect, it } from 'vitest'
import { runInfo } from '../../../cli/commands/info'
import { capturingContext } from '../cli/cli-test-io'
import { tm7Path } from './tm7-test-files'

describe('threatwright info on a .tm7', () => {
  it('reports counts, states and the embedded template (values checked by hand with grep)', async () => {
    const context = capturingContext()
    expect(await runInfo([tm7Path('otmt-simple-https.tm7'), '--json'], context)).toBe(0)
    const report = JSON.parse(context.out())
    expect(report.format.id).toBe('tm7')
    expect(report.template).toEqual({ id: 'aef9fb95-2bd6-4f3b-8325-62e83d6ccaa2', name: 'Secodis Web Plain', version: '1.0.0.229' })
    expect(report.counts).toMatchObject({ diagrams: 1, elements: 3, flows: 4, boundaries: 1, threats: 10 })
    expect(report.threatsByState).toMatchObject({ mitigated: 1, needsInvestigation: 4, notApplicable: 5, notStarted: 0 })
  })

  it('names the template in the text report', async () => {
    const context = capturingContext()
    expect(await runInfo([tm7Path('otmt-simple-https.tm7')], context)).toBe(0)
    expect(context.out()).toContain('Template: Secodis Web Plain 1.0.0.229 (aef9fb95-2bd6-4f3b-8325-62e83d6ccaa2)\n')
  })
})
