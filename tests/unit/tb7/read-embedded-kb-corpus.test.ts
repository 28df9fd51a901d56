import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { readTb7 } from '../../../importers/tb7/read-tb7'
import { readEmbeddedKnowledgeBase } from '../../../importers/tmt-knowledge-base/read-embedded-kb'
import { parseXml } from '../../../importers/xml/parse-xml'
import type { XmlElement } from '../../../importers/xml/xml-tree'
import { corpusFiles, corpusRoot } from '../../corpus'
import { countOpenTags, name } from './tb7-test-files'

const MODEL_URI = 'http://schemas.datacontract.org/2004/07/ThreatModeling.Model'

function embeddedKnowledgeBase(text: string, fileName: string): XmlElement {
  const parsed = parseXml(text, fileName)
  if (!('root' in parsed)) throw new Error(`${fileName} did not parse: ${JSON.stringify(parsed.diagnostics)}`)
  const found = parsed.root.children.find(
    (child): child is XmlElement => child.kind === 'element' && child.local === 'KnowledgeBase' && child.uri === MODEL_URI
  )
  if (found === undefined) throw new Error(`${fileName} has no KnowledgeBase`)
  return found
}

describe('readEmbeddedKnowledgeBase over every corpus model', () => {
  it.each(corpusFiles('tm7', ['.tm7']).map((path) => [name(path), path]))('%s: the embedded template reads whole', (_, path) => {
    const text = readFileSync(path, 'utf8')
    const { template, diagnostics } = readEmbeddedKnowledgeBase(embeddedKnowledgeBase(text, name(path)), name(path))
    expect(diagnostics.filter((entry) => entry.severity === 'error')).toEqual([])
    // Counted independently on the text after `<KnowledgeBase`: these records occur only in the KB.
    const knowledgeBaseText = text.slice(text.indexOf('<KnowledgeBase'))
    expect(template.elementTypes.length).toBe(countOpenTags(knowledgeBaseText, 'ElementType'))
    expect(template.threatTypes.length).toBe(countOpenTags(knowledgeBaseText, 'ThreatType'))
    expect(template.threatCategories.length).toBe(countOpenTags(knowledgeBaseText, 'ThreatCategory'))
    expect(template.elementTypes.reduce((sum, type) => sum + type.attributes.length, 0)).toBe(countOpenTags(knowledgeBaseText, 'Attribute'))
    // Each model's template-level ThreatMetaData is non-empty (Model namespace, tmt-format.md §9.4).
    expect(template.threatProperties.length).toBeGreaterThan(0)
    expect(template.ref.name).not.toBe('')
  })

  it('reads the same template from autocert.tm7 as from the SDL core .tb7 it embeds', () => {
    const modelText = readFileSync(`${corpusRoot}/tm7/autocert.tm7`, 'utf8')
    const embedded = readEmbeddedKnowledgeBase(embeddedKnowledgeBase(modelText, 'autocert.tm7'), 'autocert.tm7').template
    const file = readTb7({ bytes: new Uint8Array(readFileSync(`${corpusRoot}/tb7/sdl-core-knowledge-base-4.1.0.11.tb7`)), fileName: 'sdl.tb7' }).template
    expect(embedded.ref).toEqual(file?.ref)
    const shape = (types: typeof embedded.elementTypes | undefined) =>
      types?.map((type) => [type.id, type.parentId, type.representation, type.attributes.map((attribute) => [attribute.key, attribute.mode, attribute.values])])
    expect(shape(embedded.elementTypes)).toEqual(shape(file?.elementTypes))
    const rules = (types: typeof embedded.threatTypes | undefined) => types?.map((type) => [type.id, type.categoryId, type.include, type.exclude, type.shortTitle])
    expect(rules(embedded.threatTypes)).toEqual(rules(file?.threatTypes))
    expect(embedded.threatProperties.map((property) => property.key)).toEqual(file?.threatProperties.map((property) => property.key))
  })
})

describe('readEmbeddedKnowledgeBase resolves names by namespace URI', () => {
  const knowledgeBase = (prefixForKb: string, metaDatumUri: string): XmlElement =>
    embeddedKnowledgeBase(
      `<ThreatModel xmlns="${MODEL_URI}"><KnowledgeBase xmlns:${prefixForKb}="http://schemas.datacontract.org/2004/07/ThreatModeling.KnowledgeBase">` +
        `<${prefixForKb}:Manifest><${prefixForKb}:Author>me</${prefixForKb}:Author><${prefixForKb}:Id>x</${prefixForKb}:Id><${prefixForKb}:Name>n</${prefixForKb}:Name><${prefixForKb}:Version>1</${prefixForKb}:Version></${prefixForKb}:Manifest>` +
        `<${prefixForKb}:ThreatMetaData><IsPriorityUsed>true</IsPriorityUsed><PropertiesMetaData><ThreatMetaDatum xmlns="${metaDatumUri}"><Name>Priority</Name></ThreatMetaDatum></PropertiesMetaData></${prefixForKb}:ThreatMetaData>` +
        `</KnowledgeBase></ThreatModel>`,
      'ns.tm7'
    )

  it('reads any prefix bound to the KnowledgeBase namespace, and ThreatMetaDatum in the Model namespace', () => {
    const { template } = readEmbeddedKnowledgeBase(knowledgeBase('q', MODEL_URI), 'ns.tm7')
    expect(template.ref).toEqual({ id: 'x', name: 'n', version: '1' })
    expect(template.isPriorityUsed).toBe(true)
    expect(template.threatProperties.map((property) => property.key)).toEqual(['Priority'])
  })

  it('does not take a ThreatMetaDatum in another namespace for one', () => {
    const { template } = readEmbeddedKnowledgeBase(knowledgeBase('a', 'urn:elsewhere'), 'ns.tm7')
    expect(template.threatProperties).toEqual([])
  })
})
