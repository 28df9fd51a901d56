import { describe, expect, it } from 'vitest'
import { readTb7 } from '../../../importers/tb7/read-tb7'
import { corpusRoot } from '../../corpus'
import { bytesAt, bytesOf } from './tb7-test-files'

function sdlCore() {
  const file = 'sdl-core-knowledge-base-4.1.0.11.tb7'
  const { template } = readTb7({ bytes: bytesAt(`${corpusRoot}/tb7/${file}`), fileName: file })
  if (template === null) throw new Error('SDL core did not read')
  return template
}

describe('readTb7 on the SDL core template (facts read off the file by hand)', () => {
  it('takes the identity from the Manifest attributes', () => {
    const template = sdlCore()
    expect(template.ref).toEqual({ id: 'cc62ebae-3748-431e-b1df-f4220dc9003f', name: 'SDL TM Knowledge Base (Core)', version: '4.1.0.11' })
    expect(template.author).toBe('TwC MSEC')
    expect([template.isPriorityUsed, template.isStatusUsed]).toEqual([true, true])
  })

  it('reads a generic type with its dynamic attributes, and a standard type overriding one as static', () => {
    const types = sdlCore().elementTypes
    const process = types.find((type) => type.id === 'GE.P')
    expect(process).toMatchObject({ name: 'Generic Process', parentId: 'ROOT', representation: 'ellipse', hidden: false })
    expect(process?.attributes[0]).toMatchObject({ key: 'codeType', label: 'Code Type', mode: 'dynamic', values: ['Not Selected', 'Managed', 'Unmanaged'] })
    const winApp = types.find((type) => type.id === 'SE.P.TMCore.WinApp')
    // The file indents this description over three lines; KB descriptions are trimmed (tmt-format.md §12).
    expect(winApp).toMatchObject({ parentId: 'GE.P', representation: 'inherited', description: 'A representation of a Win32 or Win64 application.' })
    expect(winApp?.attributes).toMatchObject([{ key: 'codeType', mode: 'static', values: ['Unmanaged'] }])
    expect(winApp?.image).toMatch(/^iVBORw0KGgo/)
    // Members without a model field go to the extension bag.
    expect(winApp?.extensions['tb7']).toMatchObject({ StrokeThickness: '0', ImageLocation: 'Centered on stencil' })
    expect(winApp?.attributes[0]?.extensions['tb7']).toMatchObject({ IsInherited: 'true', IsOverrided: 'true', Type: 'List' })
  })

  it('reads a threat type: rules verbatim, text templates, and only non-nil property defaults', () => {
    const s1 = sdlCore().threatTypes.find((type) => type.id === 'S1')
    expect(s1).toMatchObject({
      categoryId: 'S',
      shortTitle: 'Spoofing the {source.Name} Process',
      include: "source is 'GE.P' and (target is 'GE.P' or target is 'GE.DS') and (flow crosses 'GE.TB.L' or flow crosses 'GE.TB.B')",
      exclude: "flow.authenticatesSource is 'Yes' or source.implementsAuthenticationScheme is 'Yes'"
    })
    // Priority's per-type value is xsi:nil ("no default"), so only the two text defaults remain.
    expect(s1?.propertyDefaults.map((entry) => entry.key)).toEqual(['UserThreatShortDescription', 'UserThreatDescription'])
  })

  it('reads the threat property schema', () => {
    const properties = sdlCore().threatProperties
    expect(properties[0]).toMatchObject({ key: 'Title', label: 'Title', id: 'ac0f9ea8-3b39-4ce9-bac2-6787124d7b48', attributeType: 0, values: [''] })
    // UserThreatCategory has neither Values nor Id in the file.
    expect(properties[1]).toMatchObject({ key: 'UserThreatCategory', id: '', values: [] })
    expect(properties[2]).toMatchObject({ key: 'UserThreatShortDescription', hideFromUi: true, attributeType: 1 })
    expect(properties[2]?.values).toHaveLength(7)
  })

  it('reads the template that starts with a UTF-8 byte-order mark', () => {
    const file = 'sdl-core-test-default-bom-4.1.0.9.tb7'
    const bytes = bytesAt(`${corpusRoot}/tb7/${file}`)
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    expect(readTb7({ bytes, fileName: file }).template?.ref.name).toBe('Test for SDL TM Knowledge Base (Core)')
  })
})

describe('readTb7 on crafted input', () => {
  const wrap = (body: string): Uint8Array =>
    bytesOf(`<?xml version="1.0" encoding="utf-8"?>\n<KnowledgeBase xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">${body}</KnowledgeBase>`)

  it('trims rules written over several lines and keeps unknown members', () => {
    const { template, diagnostics } = readTb7({
      bytes: wrap(`<Manifest name="t" id="x" version="1" author="a" /><Future>kept</Future><ThreatTypes><ThreatType><GenerationFilters>
        <Include>
          source is 'GE.P'
        </Include><Exclude /></GenerationFilters><Id> T1 </Id><RelatedCategory /></ThreatType></ThreatTypes>`),
      fileName: 'crafted.tb7'
    })
    expect(diagnostics).toEqual([])
    expect(template?.threatTypes[0]).toMatchObject({ id: 'T1', include: "source is 'GE.P'", exclude: '', extensions: { tb7: { RelatedCategory: '' } } })
    expect(template?.extensions).toEqual({ tb7: { Future: 'kept' } })
  })

  it('warns about an unknown Representation and Mode, naming the place', () => {
    const { diagnostics } = readTb7({
      bytes: wrap(`<Manifest name="t" id="x" version="1" author="a" /><GenericElements><ElementType><ID>G</ID><ParentElement>ROOT</ParentElement><Representation>Hexagon</Representation><Attributes><Attribute><Name>k</Name><Mode>Sometimes</Mode></Attribute></Attributes></ElementType></GenericElements>`),
      fileName: 'crafted.tb7'
    })
    expect(diagnostics).toMatchObject([
      { code: 'template.element-type.representation', severity: 'warning', location: { file: 'crafted.tb7', path: 'KnowledgeBase/GenericElements/ElementType[1]/Representation' } },
      { code: 'template.attribute.mode', severity: 'warning', location: { path: 'KnowledgeBase/GenericElements/ElementType[1]/Attributes/Attribute[1]/Mode' } }
    ])
  })

  it('refuses another root element, malformed XML and invalid UTF-8 with one error naming the file', () => {
    const codes = (bytes: Uint8Array): unknown =>
      readTb7({ bytes, fileName: 'bad.tb7' }).diagnostics.map((entry) => [entry.code, entry.severity, entry.location.file])
    expect(codes(bytesOf('<ThreatModel/>'))).toEqual([['tb7.root', 'error', 'bad.tb7']])
    expect(codes(bytesOf('<KnowledgeBase><Manifest></KnowledgeBase>'))).toEqual([['xml.syntax', 'error', 'bad.tb7']])
    expect(codes(new Uint8Array([0x3c, 0x4b, 0xff, 0x3e]))).toEqual([['tb7.encoding', 'error', 'bad.tb7']])
  })
})
