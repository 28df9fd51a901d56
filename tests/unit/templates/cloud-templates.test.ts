import { describe, expect, it } from 'vitest'
import { checkTemplateRules } from '../../../analysis/tmt-rules/check-template'
import { compileTemplate } from '../../../analysis/tmt-rules/compile-template'
import { parseRule } from '../../../analysis/tmt-rules/parse-rule'
import type { Template } from '../../../model/template'
import { AWS_TEMPLATE } from '../../../templates/aws'
import { AZURE_TEMPLATE } from '../../../templates/azure'
import { builtInTemplates, findBuiltInTemplate } from '../../../templates/index'

const GENERIC_IDS = ['GE.P', 'GE.EI', 'GE.DS', 'GE.A', 'GE.DF', 'GE.TB.B', 'GE.TB.L']

describe.each([
  ['Azure', AZURE_TEMPLATE, 'Azure', 'TW.AZ.'],
  ['AWS', AWS_TEMPLATE, 'AWS', 'TW.AWS.']
] as const)('the %s template', (_, template: Template, provider, threatPrefix) => {
  it('has TMT generic roots and provider types under them, with stable prefixed ids', () => {
    const roots = template.elementTypes.filter((type) => type.parentId === 'ROOT').map((type) => type.id)
    expect(roots).toEqual(GENERIC_IDS)
    for (const type of template.elementTypes.filter((candidate) => candidate.parentId !== 'ROOT')) {
      const kind = type.parentId.slice('GE.'.length)
      expect(type.id.startsWith(`SE.${kind}.TW.${provider}.`), type.id).toBe(true)
      expect(GENERIC_IDS).toContain(type.parentId)
    }
    expect(new Set(template.elementTypes.map((type) => type.id)).size).toBe(template.elementTypes.length)
  })

  it('has 25 to 40 threat types with unique prefixed ids, covering all six STRIDE categories', () => {
    const ids = template.threatTypes.map((type) => type.id)
    expect(ids.length).toBeGreaterThanOrEqual(25)
    expect(ids.length).toBeLessThanOrEqual(40)
    expect(new Set(ids).size).toBe(ids.length)
    for (const id of ids) expect(id.startsWith(threatPrefix), id).toBe(true)
    expect(template.threatCategories.map((category) => [category.id, category.name])).toEqual([
      ['S', 'Spoofing'],
      ['T', 'Tampering'],
      ['R', 'Repudiation'],
      ['I', 'Information Disclosure'],
      ['D', 'Denial of Service'],
      ['E', 'Elevation of Privilege']
    ])
    expect(new Set(template.threatTypes.map((type) => type.categoryId))).toEqual(new Set(['S', 'T', 'R', 'I', 'D', 'E']))
  })

  it('parses every rule, and the engine reports nothing about them', () => {
    for (const type of template.threatTypes) {
      expect(parseRule(type.include), type.id).not.toBeNull()
      expect(() => parseRule(type.exclude), type.id).not.toThrow()
    }
    // Also no and/or mixed without parentheses, whose reading would depend on precedence.
    expect(compileTemplate(template).diagnostics).toEqual([])
  })

  it('names only types, properties and options it defines', () => {
    expect(checkTemplateRules(template)).toEqual([])
  })

  it('gives every threat type a priority and a mitigation the threat properties declare', () => {
    const declared = new Map(template.threatProperties.map((property) => [property.key, property]))
    expect(declared.get('Priority')?.values).toEqual(['High', 'Medium', 'Low'])
    expect(declared.get('mitigation')?.label).toBe('Suggested mitigation')
    for (const type of template.threatTypes) {
      const defaults = new Map(type.propertyDefaults.map((entry) => [entry.key, entry.value]))
      expect(['High', 'Medium', 'Low'], type.id).toContain(defaults.get('Priority'))
      expect(defaults.get('mitigation')?.length, type.id).toBeGreaterThan(20)
      for (const key of defaults.keys()) expect(declared.has(key), `${type.id} ${key}`).toBe(true)
    }
  })

  it('puts the shared security properties on processes, stores and flows, with Not Selected first', () => {
    const attributeKeys = (id: string): string[] => template.elementTypes.find((type) => type.id === id)!.attributes.map((a) => a.key)
    const identity = provider === 'Azure' ? 'managedIdentity' : 'iamRole'
    expect(attributeKeys('GE.P')).toEqual(['authentication', 'authorization', 'networkExposure', identity, 'loggingEnabled'])
    expect(attributeKeys('GE.DS')).toEqual(['authentication', 'authorization', 'encryptionAtRest', 'networkExposure', 'loggingEnabled'])
    expect(attributeKeys('GE.DF')).toEqual(['encryptionInTransit'])
    for (const type of template.elementTypes) for (const attribute of type.attributes) expect(attribute.values[0]).toBe('Not Selected')
  })
})

describe('the built-in template list', () => {
  it('lists Azure then AWS and finds them by id', () => {
    expect(builtInTemplates.map((template) => template.ref)).toEqual([
      { id: 'threatwright-azure', name: 'Threatwright Azure', version: '1.0' },
      { id: 'threatwright-aws', name: 'Threatwright AWS', version: '1.0' }
    ])
    expect(findBuiltInTemplate('threatwright-aws')).toBe(AWS_TEMPLATE)
    expect(findBuiltInTemplate('threatwright-gcp')).toBeUndefined()
  })
})
