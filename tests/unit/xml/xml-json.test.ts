import { describe, expect, it } from 'vitest'
import { parseXml } from '../../../importers/xml/parse-xml'
import { serializeXml } from '../../../importers/xml/serialize-xml'
import { xmlFromJson, xmlToJson } from '../../../importers/xml/xml-json'

const source = '<r xmlns="urn:r" xmlns:a="urn:a"><a:k i="1">text</a:k>\n <e/><a:x xmlns:a="urn:other"/></r>'
const parsed = parseXml(source, 'x.xml')
if (!('root' in parsed)) throw new Error('fixture does not parse')

describe('compact JSON form of XML subtrees', () => {
  it('is small and round-trips to the same tree and bytes', () => {
    const json = xmlToJson(parsed.root)
    expect(json).toEqual(['r', [['xmlns', 'urn:r'], ['xmlns:a', 'urn:a']], ['a:k', [['i', '1']], 'text'], '\n ', ['e'], ['a:x', [['xmlns:a', 'urn:other']]]])
    expect(xmlFromJson(json)).toEqual(parsed.root)
    expect(serializeXml(xmlFromJson(JSON.parse(JSON.stringify(json))) ?? parsed.root)).toBe(source)
  })

  it('fills slots and resolves names against the scope it is placed in', () => {
    const filled = xmlFromJson(['list', { slot: 'x' }], {
      scope: new Map([['', 'urn:d']]),
      slot: (marker, scope, parent) => [{ kind: 'text', text: `${String(marker.slot)}:${scope.get('')}:${parent}` }]
    })
    expect(filled).toMatchObject({ uri: 'urn:d', local: 'list', children: [{ kind: 'text', text: 'x:urn:d:list' }] })
  })

  it('answers null for values that are not the form', () => {
    expect(xmlFromJson('text')).toBeNull()
    expect(xmlFromJson([1])).toBeNull()
    expect(xmlFromJson(['a', [['k']]])).toBeNull()
    expect(xmlFromJson(['a', { slot: 'no filler' }])).toBeNull()
  })
})
