import { readFileSync } from 'node:fs'
import { basename } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readTm7 } from '../../../importers/tm7/read-tm7'
import { writeTm7 } from '../../../importers/tm7/write-tm7'
import { parseXml } from '../../../importers/xml/parse-xml'
import { serializeXml } from '../../../importers/xml/serialize-xml'
import { textContent } from '../../../importers/xml/xml-query'
import type { XmlElement, XmlNode } from '../../../importers/xml/xml-tree'
import { editThreats } from '../../../model/edits/threat-edits'
import { corpusFiles } from '../../corpus'

/**
 * The document split into its threat entries (serialised one by one), the Threatwright note (which
 * carries the triage history TMT has no place for) and everything else.
 */
function threatEntriesAndRest(text: string): { entries: string[]; historyNote: string[]; rest: string } {
  const parsed = parseXml(text, 'model.tm7')
  if (!('root' in parsed)) throw new Error('does not parse')
  const root = parsed.root
  const child = (parent: XmlElement, local: string): XmlElement => {
    const found = parent.children.find((node): node is XmlElement => node.kind === 'element' && node.local === local)
    if (!found) throw new Error(`no ${local}`)
    return found
  }
  const instances = child(root, 'ThreatInstances')
  const notes = child(root, 'Notes')
  const isHistoryNote = (node: XmlNode): boolean => node.kind === 'element' && textContent(child(node, 'Message')).startsWith('[Threatwright]')
  const entries = instances.children.filter((node): node is XmlElement => node.kind === 'element').map((entry) => serializeXml(entry))
  const historyNote = notes.children.filter(isHistoryNote).map((note) => serializeXml(note as XmlElement))
  const withoutHistory = { ...notes, children: notes.children.filter((node) => !isHistoryNote(node)) }
  const rest = serializeXml({ ...root, children: root.children.filter((node) => node !== instances).map((node) => (node === notes ? withoutHistory : node)) })
  return { entries, historyNote, rest }
}

describe('triaging one threat of a TMT model and saving it as .tm7', () => {
  // Models where TMT stored triaged threats (Mitigated / NotApplicable with justifications).
  const triaged = corpusFiles('tm7', ['.tm7']).filter((path) => /<b:State>(Mitigated|NotApplicable)<\/b:State>/.test(readFileSync(path, 'utf8')))

  it('finds triaged models in the corpus', () => {
    expect(triaged.length).toBeGreaterThan(3)
  })

  for (const path of triaged) {
    it(`${basename(path)}: changes exactly that threat's entry, and adds the triage history note`, () => {
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
      expect(before.historyNote).toEqual([])
      expect(after.historyNote).toHaveLength(1)
      expect(after.historyNote[0]).toContain('{"at":"2026-11-26T12:00:00.0000000+00:00","by":"reviewer","field":"justification","from":')
      expect(after.historyNote[0]).toContain(`"threatId":"${target.id}","to":"Re-opened in review 2026-11."}`)
    })
  }
})
