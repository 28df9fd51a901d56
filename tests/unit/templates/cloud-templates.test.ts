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

/**
 * The service categories issue 4 lists, each with the services that stand for it in our templates (a table
 * checked by hand against the providers' product lists). Networking is drawn as trust boundaries, which rules
 * reach through `crosses` rather than by name.
 */
const CATEGORIES: Readonly<Record<string, { readonly azure: readonly string[]; readonly aws: readonly string[] }>> = {
  compute: { azure: ['SE.P.TW.Azure.VirtualMachine', 'SE.P.TW.Azure.KubernetesService'], aws: ['SE.P.TW.AWS.EC2', 'SE.P.TW.AWS.EKS', 'SE.P.TW.AWS.EcsFargate'] },
  'app hosting': { azure: ['SE.P.TW.Azure.AppService'], aws: ['SE.P.TW.AWS.ElasticBeanstalk'] },
  functions: { azure: ['SE.P.TW.Azure.Functions'], aws: ['SE.P.TW.AWS.Lambda'] },
  'object storage': { azure: ['SE.DS.TW.Azure.BlobStorage'], aws: ['SE.DS.TW.AWS.S3'] },
  'SQL database': { azure: ['SE.DS.TW.Azure.SqlDatabase'], aws: ['SE.DS.TW.AWS.RDS'] },
  'NoSQL database': { azure: ['SE.DS.TW.Azure.CosmosDb'], aws: ['SE.DS.TW.AWS.DynamoDB'] },
  identity: { azure: ['SE.EI.TW.Azure.EntraId'], aws: ['SE.EI.TW.AWS.Cognito', 'SE.EI.TW.AWS.IamPrincipal'] },
  'key management': { azure: ['SE.DS.TW.Azure.KeyVault'], aws: ['SE.DS.TW.AWS.KMS', 'SE.DS.TW.AWS.SecretsManager'] },
  'API gateway': { azure: ['SE.P.TW.Azure.ApiManagement'], aws: ['SE.P.TW.AWS.ApiGateway'] },
  messaging: { azure: ['SE.DS.TW.Azure.ServiceBus', 'SE.DS.TW.Azure.EventHubs'], aws: ['SE.DS.TW.AWS.SQS', 'SE.DS.TW.AWS.SNS'] },
  'CDN and WAF': { azure: ['SE.P.TW.Azure.FrontDoor'], aws: ['SE.P.TW.AWS.CloudFront'] },
  monitoring: { azure: ['SE.DS.TW.Azure.MonitorLogs'], aws: ['SE.DS.TW.AWS.CloudWatchLogs', 'SE.DS.TW.AWS.CloudTrail'] },
  'networking and isolation (VNet/VPC, account)': {
    azure: ['SE.TB.B.TW.Azure.VirtualNetwork', 'SE.TB.B.TW.Azure.NetworkSecurityGroup'],
    aws: ['SE.TB.B.TW.AWS.Vpc', 'SE.TB.B.TW.AWS.SecurityGroup', 'SE.TB.B.TW.AWS.Account']
  }
}

describe.each([
  ['Azure', AZURE_TEMPLATE, 'azure'],
  ['AWS', AWS_TEMPLATE, 'aws']
] as const)('the %s template covers the common service categories', (_, template: Template, provider) => {
  const typeIds = new Set(template.elementTypes.map((type) => type.id))
  const ruleText = template.threatTypes.map((type) => `${type.include} ${type.exclude}`)

  it.each(Object.entries(CATEGORIES))('%s: its services are element types, and threat rules name them', (category, services) => {
    for (const id of services[provider]) expect(typeIds.has(id), `${id} (${category})`).toBe(true)
    if (category.startsWith('networking')) {
      expect(ruleText.some((text) => text.includes('crosses'))).toBe(true)
    } else {
      expect(services[provider].some((id) => ruleText.some((text) => text.includes(`'${id}'`))), category).toBe(true)
    }
  })

  it('lists every provider service of the template under some category', () => {
    const listed = new Set(Object.values(CATEGORIES).flatMap((services) => services[provider]))
    const provided = template.elementTypes.filter((type) => type.id.includes('.TW.') && type.parentId !== 'GE.TB.L').map((type) => type.id)
    expect(provided.filter((id) => !listed.has(id))).toEqual([])
  })
})
