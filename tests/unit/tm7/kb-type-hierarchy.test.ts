import { describe, expect, it } from 'vitest'
import { classifyType, genericRootOf, readTypeHierarchy } from '../../../importers/tm7/kb-type-hierarchy'
import { parseXml } from '../../../importers/xml/parse-xml'

const KB = 'http://schemas.datacontract.org/2004/07/ThreatModeling.KnowledgeBase'
const type = (id: string, parent: string, representation: string) =>
  `<a:ElementType><a:Id>${id}</a:Id><a:Name>${id} name</a:Name><a:ParentId>${parent}</a:ParentId><a:Representation>${representation}</a:Representation></a:ElementType>`

// A custom template with GUID generic types, as Smart grid/AWS templates have (tmt-format.md §9.3), plus SDL ids.
const parsed = parseXml(
  `<KnowledgeBase xmlns:a="${KB}"><a:GenericElements>${type('g-store', 'ROOT', 'ParallelLines')}${type('GE.P', 'ROOT', 'Ellipse')}${type('g-box', 'ROOT', 'BorderBoundary')}</a:GenericElements>` +
    `<a:StandardElements>${type('s-db', 'g-store', 'Rectangle')}${type('s-inherits', 's-db', 'Inherited')}${type('SE.P.Web', 'GE.P', 'Inherited')}${type('loop-a', 'loop-b', 'Inherited')}${type('loop-b', 'loop-a', 'Inherited')}</a:StandardElements></KnowledgeBase>`,
  'kb.xml'
)
if (!('root' in parsed)) throw new Error('fixture does not parse')
const hierarchy = readTypeHierarchy(parsed.root)

describe('classifying stencil types through the embedded knowledge base', () => {
  it('uses the SDL generic root id when the chain reaches one', () => {
    expect(classifyType(hierarchy, 'SE.P.Web')).toEqual({ kind: 'element', elementKind: 'process' })
  })
  it('uses the GUID generic root Representation over the standard type’s own drawing', () => {
    expect(classifyType(hierarchy, 's-db')).toEqual({ kind: 'element', elementKind: 'dataStore' })
    expect(classifyType(hierarchy, 's-inherits')).toEqual({ kind: 'element', elementKind: 'dataStore' })
    expect(classifyType(hierarchy, 'g-box')).toEqual({ kind: 'boxBoundary' })
  })
  it('knows nothing of unknown types and survives parent loops', () => {
    expect(classifyType(hierarchy, 'missing')).toBeNull()
    expect(classifyType(hierarchy, 'loop-a')).toBeNull()
    expect(genericRootOf(hierarchy, 'loop-a')).toBeNull()
    expect(genericRootOf(hierarchy, 's-inherits')).toBe('g-store')
  })
})
