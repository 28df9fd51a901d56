import { readFileSync } from 'node:fs'
import { basename } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readTm7 } from '../../../importers/tm7/read-tm7'
import { writeTm7 } from '../../../importers/tm7/write-tm7'
import { parseXml } from '../../../importers/xml/parse-xml'
import { serializeXml } from '../../../importers/xml/serialize-xml'
import type { XmlElement } from '../../../importers/xml/xml-tree'
import { editThreats } from '../../../model/edits/threat-edits'
import { corpusFiles } from '../../corpus'

/** The document split into its threat entries (serialised one by one) and everything else. */
function threatEntriesAndRest(text: string): { entries: string[]; rest: string } {
  const parsed = parseXml(text, 'model.tm7')
  if (!('root' in parsed)) throw new Error('does not parse')
  const root = parsed.root
  const instances = root.children.find((child): child is XmlElement => child.kind === 'element' && child.local === 'ThreatInstances')
  if (!instances) throw new Error('no ThreatInstances')
  const entries = instances.children.filter((child): child is XmlElement => child.kind === 'element').map((entry) => serializeXml(entry))
  const rest = serializeXml({ ...root, children: root.children.filter((child) => child !== instances) })
  return { entries, rest }
}

describe('triaging one threat of a TMT model and saving it as .tm7', () => {
  // Models where TMT stored triaged threats (Mitigated / NotApplicable with justifications).
  const triaged = corpusFiles('tm7', ['.tm7']).filter((path) => /<b:State>(Mitigated|NotApplicable)<\/b:State>/.test(readFileSync(path, 'utf8')))

  it('finds triaged models in the corpus', () => {
    expect(triaged.length).toBeGreaterThan(3)
  })

  for (const path of triaged) {
    it(`${basename(path)}: changes exactly that threat's entry in the file`, () => {
      const text = readFileSync(path, 'utf8')
      const model = readTm7({ bytes: new TextEncoder().encode(text), fileName: basename(path) }).model!
      // Every stored state and justification is read (the table shows these).
      expect(model.threats.filter((threat) => threat.state.raw === 'Mitigated' || threat.state.raw === 'NotApplicable').length).toBeGreaterThan(0)
      const target = model.threats.find((threat) => threat.state.value !== 'needsInvestigation')!
      const edit = editThreats(model, [target.id], { state: 'needsInvestigation', justification: 'Re-opened in review 2026-11.' }, { by: 'reviewer', at: '2026-11-26T12:00:00.0000000+00:00' })
      if (edit.kind !== 'edited') throw new Error(edit.reason)

      const before = threatEntriesAndRest(new TextDecoder().decode(writeTm7(model).bytes))
      const after = threatEntriesAndRest(new TextDecoder().decode(writeTm7(edit.model).bytes))
      expect(after.rest).toBe(before.rest)
      expect(after.entries).toHaveLength(before.entries.length)
      const changed = after.entries.flatMap((entry, index) => (entry === before.entries[index] ? [] : [entry]))
      expect(changed).toHaveLength(1)
      expect(changed[0]).toContain('<b:State>NeedsInvestigation</b:State>')
      expect(changed[0]).toContain('Re-opened in review 2026-11.')
      expect(changed[0]).toContain('<b:ChangedBy>reviewer</b:ChangedBy>')
    })
  }
})
