import { describe, expect, it } from 'vitest'
import { generateTmtThreats } from '../../../analysis/tmt-rules/generate-tmt-threats'
import type { ThreatModel } from '../../../model/model'
import type { Template } from '../../../model/template'
import { AWS_TEMPLATE } from '../../../templates/aws'
import { AZURE_TEMPLATE } from '../../../templates/azure'
import { element, flow, modelOf, networkBox } from './template-test-model'

/** Threat type ids generated per flow name, sorted. */
function threatsPerFlow(model: ThreatModel, template: Template): Record<string, string[]> {
  const { threats, diagnostics } = generateTmtThreats(model, template)
  expect(diagnostics).toEqual([])
  const flows = model.diagrams[0]!.flows
  const result: Record<string, string[]> = Object.fromEntries(flows.map((item) => [item.name, [] as string[]]))
  for (const threat of threats) {
    const target = threat.target
    if (target.kind !== 'interaction') throw new Error('TMT rules generate interaction threats only')
    result[flows.find((item) => item.id === target.flowId)!.name]!.push(threat.definitionId!)
  }
  for (const ids of Object.values(result)) ids.sort()
  return result
}

describe('the Azure template on internet user → API Management → Function → Blob Storage', () => {
  // The user is outside a VNet box; the gateway, the function and the storage are inside it.
  const template = AZURE_TEMPLATE
  const user = element(template, { kind: 'externalInteractor', typeId: 'GE.EI', name: 'Internet user', x: 0 })
  const gateway = element(template, {
    kind: 'process',
    typeId: 'SE.P.TW.Azure.ApiManagement',
    name: 'Orders API gateway',
    x: 300,
    settings: {
      authentication: 'Microsoft Entra ID',
      authorization: 'Least-privilege roles',
      networkExposure: 'Public',
      managedIdentity: 'System-assigned',
      loggingEnabled: 'Yes',
      rateLimiting: 'Yes'
    }
  })
  const orderFunction = element(template, {
    kind: 'process',
    typeId: 'SE.P.TW.Azure.Functions',
    name: 'Order function',
    x: 500,
    settings: {
      authentication: 'Shared key',
      networkExposure: 'Public',
      managedIdentity: 'System-assigned',
      loggingEnabled: 'Yes',
      basicAuthPublishing: 'Disabled'
    }
  })
  const storage = element(template, {
    kind: 'dataStore',
    typeId: 'SE.DS.TW.Azure.BlobStorage',
    name: 'Invoice storage',
    x: 700,
    settings: {
      authentication: 'Microsoft Entra ID',
      authorization: 'Least-privilege roles',
      encryptionAtRest: 'Platform-managed keys',
      networkExposure: 'Public',
      loggingEnabled: 'No',
      softDelete: 'Yes'
    }
  })
  const model = modelOf(
    [user, gateway, orderFunction, storage],
    [
      flow(template, user, gateway, 'Order requests', 'Yes'),
      flow(template, gateway, orderFunction, 'Invoke', 'Yes'),
      flow(template, orderFunction, storage, 'Store invoice', 'No')
    ],
    [networkBox('SE.TB.B.TW.Azure.VirtualNetwork')]
  )

  it('generates exactly the threats the rules predict for each flow', () => {
    expect(threatsPerFlow(model, template)).toEqual({
      // Crosses the VNet edge, TLS on, gateway authenticates with Entra ID, least privilege, logs, rate limits:
      // left are web attacks without a WAF (09) and floods against the gateway itself (23).
      'Order requests': ['TW.AZ.09', 'TW.AZ.23'],
      // Inside the VNet: function keys (02); the gateway's managed identity against a target without
      // least-privilege authorization (30). Scaling (25) is excluded by the gateway's rate limits.
      Invoke: ['TW.AZ.02', 'TW.AZ.30'],
      // Storage does not log data access (15), is public (19) and anonymous access is not disallowed (20).
      // No crossing, so the unencrypted flow gets no transit threats (07, 18).
      'Store invoice': ['TW.AZ.15', 'TW.AZ.19', 'TW.AZ.20']
    })
  })

  it('fills titles, priority and the suggested mitigation', () => {
    const anonymousRead = generateTmtThreats(model, template).threats.find((threat) => threat.definitionId === 'TW.AZ.20')!
    expect(anonymousRead.title).toBe('Anyone on the internet can read blobs in Invoice storage')
    expect(anonymousRead.category).toEqual({ value: 'informationDisclosure', raw: 'Information Disclosure' })
    expect(anonymousRead.priority?.value).toBe('high')
    expect(anonymousRead.customProperties.map((property) => [property.key, property.label])).toEqual([['mitigation', 'Suggested mitigation']])
  })

  it('works on a model drawn from scratch with generic types and no properties', () => {
    const person = element(template, { kind: 'externalInteractor', typeId: 'GE.EI', name: 'Person', x: 0 })
    const service = { ...element(template, { kind: 'process', typeId: 'GE.P', name: 'Service', x: 300 }), properties: [] }
    const bare = { ...flow(template, person, service, 'Calls', 'No'), properties: [] }
    const scratch = modelOf([person, service], [bare], [networkBox('GE.TB.B')])
    // Nothing is known, so every generic rule that needs only a crossing into a process fires:
    // unauthenticated (01), tampering (07), no request log (14), eavesdropping (18), floods (23), authorization (29).
    expect(threatsPerFlow(scratch, template)).toEqual({ Calls: ['TW.AZ.01', 'TW.AZ.07', 'TW.AZ.14', 'TW.AZ.18', 'TW.AZ.23', 'TW.AZ.29'] })
  })
})

describe('the AWS template on internet user → API Gateway → Lambda → S3', () => {
  const template = AWS_TEMPLATE
  const user = element(template, { kind: 'externalInteractor', typeId: 'GE.EI', name: 'Internet user', x: 0 })
  const gateway = element(template, {
    kind: 'process',
    typeId: 'SE.P.TW.AWS.ApiGateway',
    name: 'Orders API',
    x: 300,
    settings: {
      authentication: 'Cognito or OIDC token',
      authorization: 'Least-privilege roles',
      networkExposure: 'Public',
      iamRole: 'Dedicated least-privilege role',
      loggingEnabled: 'Yes',
      rateLimiting: 'No'
    }
  })
  const handler = element(template, {
    kind: 'process',
    typeId: 'SE.P.TW.AWS.Lambda',
    name: 'Order handler',
    x: 500,
    settings: {
      authentication: 'IAM (SigV4)',
      authorization: 'Least-privilege roles',
      networkExposure: 'VPC only',
      iamRole: 'Shared or broad role',
      loggingEnabled: 'Yes',
      functionUrl: 'Auth type NONE'
    }
  })
  const bucket = element(template, {
    kind: 'dataStore',
    typeId: 'SE.DS.TW.AWS.S3',
    name: 'Invoice bucket',
    x: 700,
    settings: {
      authentication: 'IAM (SigV4)',
      authorization: 'Any authenticated caller',
      encryptionAtRest: 'Customer-managed keys',
      networkExposure: 'Public',
      blockPublicAccess: 'Off',
      versioning: 'No'
    }
  })
  const model = modelOf(
    [user, gateway, handler, bucket],
    [
      flow(template, user, gateway, 'Order requests', 'Yes'),
      flow(template, gateway, handler, 'Invoke', 'Yes'),
      flow(template, handler, bucket, 'Put invoice', 'Yes')
    ],
    [networkBox('SE.TB.B.TW.AWS.Vpc')]
  )

  it('generates exactly the threats the rules predict for each flow', () => {
    expect(threatsPerFlow(model, template)).toEqual({
      // Crosses into the VPC: no WAF (11), floods (26) and no throttling on the gateway (27).
      'Order requests': ['TW.AWS.11', 'TW.AWS.26', 'TW.AWS.27'],
      // The unthrottled gateway drives Lambda concurrency (28); the function URL allows anyone (35).
      Invoke: ['TW.AWS.28', 'TW.AWS.35'],
      // No versioning (14), logging not confirmed (16), public (20), Block Public Access off (21),
      // and the function's shared broad role (33). The role also rules out long-term keys (03).
      'Put invoice': ['TW.AWS.14', 'TW.AWS.16', 'TW.AWS.20', 'TW.AWS.21', 'TW.AWS.33']
    })
  })
})
