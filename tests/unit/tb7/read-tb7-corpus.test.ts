import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { readTb7 } from '../../../importers/tb7/read-tb7'
import { corpusRoot } from '../../corpus'
import { bytesAt, corpusTemplates, countOpenTags, name } from './tb7-test-files'

describe('readTb7 over every corpus template', () => {
  const templates = corpusTemplates()

  it.each(templates.map((path) => [name(path), path]))('%s loads with no error and all its types', (_, path) => {
    const { template, diagnostics } = readTb7({ bytes: bytesAt(path), fileName: name(path) })
    expect(diagnostics.filter((entry) => entry.severity === 'error')).toEqual([])
    if (template === null) throw new Error('no template')
    // Counted independently on the raw text: XmlSerializer writes `<ElementType>` only inside
    // GenericElements/StandardElements, and `<ThreatType>`/`<ThreatCategory>`/`<Attribute>` only as records.
    const text = readFileSync(path, 'utf8')
    expect(template.elementTypes.length).toBe(countOpenTags(text, 'ElementType'))
    expect(template.threatTypes.length).toBe(countOpenTags(text, 'ThreatType'))
    expect(template.threatCategories.length).toBe(countOpenTags(text, 'ThreatCategory'))
    expect(template.elementTypes.reduce((sum, type) => sum + type.attributes.length, 0)).toBe(countOpenTags(text, 'Attribute'))
    expect(template.ref.id).not.toBe('')
  })

  it('matches counts taken by hand for two templates', () => {
    // Counted with `grep -c '<ElementType>'` and `grep -c '<ThreatType>'` on the corpus files.
    const count = (file: string): [number, number] => {
      const { template } = readTb7({ bytes: bytesAt(`${corpusRoot}/tb7/${file}`), fileName: file })
      return [template?.elementTypes.length ?? -1, template?.threatTypes.length ?? -1]
    }
    expect(count('sdl-core-knowledge-base-4.1.0.11.tb7')).toEqual([59, 47])
    expect(count('azure-cloud-services-1.0.0.33.tb7')).toEqual([55, 191])
  })
})
