import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { applyTemplate } from '../../../analysis/apply-template'
import { regenerateThreats } from '../../../analysis/regenerate-threats'
import { generateTmtThreats } from '../../../analysis/tmt-rules/generate-tmt-threats'
import { readNative } from '../../../importers/native/read-native'
import type { DiagramElement, ThreatModel } from '../../../model/model'
import type { Template } from '../../../model/template'
import { validateModel } from '../../../model/validate'
import { AZURE_TEMPLATE } from '../../../templates/azure'

function sampleModel(): ThreatModel {
  const path = join(__dirname, '..', '..', '..', 'samples', 'web-shop.twm')
  const { model, diagnostics } = readNative({ bytes: new Uint8Array(readFileSync(path)), fileName: 'web-shop.twm' })
  if (model === null) throw new Error(diagnostics.map((entry) => entry.message).join('; '))
  return model
}

describe('applyTemplate: the Azure template on the sample web shop', () => {
  const sample = sampleModel()
  const { model, report } = applyTemplate(sample, AZURE_TEMPLATE, null)
  const elementById = (id: string): DiagramElement => model.diagrams[0]!.elements.find((element) => element.id === id)!

  it('maps each item by id, by kind and name, or by kind, as worked out from the names', () => {
    expect(report.map(({ elementId, from, to, how }) => [elementId, from, to, how])).toEqual([
      // 'Browser' names no Azure service: the generic external interactor.
      ['browser', 'browser', 'GE.EI', 'kind'],
      // 'webApplication' / 'Web app': the words web, application and app name App Service.
      ['web-app', 'webApplication', 'SE.P.TW.Azure.AppService', 'kind-and-name'],
      // 'webService' / 'API': web and service (App Service) outweigh api (API Management).
      ['api', 'webService', 'SE.P.TW.Azure.AppService', 'kind-and-name'],
      ['database', 'sqlDatabase', 'SE.DS.TW.Azure.SqlDatabase', 'kind-and-name'],
      ['identity-provider', 'identityProvider', 'SE.EI.TW.Azure.EntraId', 'kind-and-name'],
      // The template has no flow types besides the generic one.
      ...['flow-browse', 'flow-pages', 'flow-sign-in', 'flow-id-token', 'flow-api-calls', 'flow-queries', 'flow-results'].map((id) => [
        id,
        'dataFlow',
        'GE.DF',
        'kind'
      ]),
      // 'Internet', 'Data center' and 'Database network segment' name no VNet, NSG or internet-edge type.
      ['internet', 'boxBoundary', 'GE.TB.B', 'kind'],
      ['data-center', 'boxBoundary', 'GE.TB.B', 'kind'],
      ['database-segment', 'lineBoundary', 'GE.TB.L', 'kind']
    ])
  })

  it('records the template and adds its properties, keeping every existing value', () => {
    expect(model.template).toEqual({ id: 'threatwright-azure', name: 'Threatwright Azure', version: '1.0' })
    const webApp = elementById('web-app')
    const before = sample.diagrams[0]!.elements.find((element) => element.id === 'web-app')!
    expect(webApp.properties.slice(0, before.properties.length)).toEqual(before.properties)
    // App Service's own attribute, then those of the generic process, all at 'Not Selected'.
    expect(webApp.properties.slice(before.properties.length).map((property) => property.key)).toEqual([
      'basicAuthPublishing',
      'authentication',
      'authorization',
      'networkExposure',
      'managedIdentity',
      'loggingEnabled'
    ])
    for (const property of webApp.properties.slice(before.properties.length)) {
      expect(property.kind === 'list' && property.selected === 0 && property.options[0] === 'Not Selected').toBe(true)
    }
    const browse = model.diagrams[0]!.flows.find((flow) => flow.id === 'flow-browse')!
    expect(browse.properties.map((property) => property.key)).toEqual(['protocol', 'encrypted', 'encryptionInTransit'])
    expect(elementById('browser').properties).toEqual([])
  })

  it('gives a model that validates, and regeneration keeps all 8 sample threats with their states', () => {
    const validation = validateModel(model)
    expect(validation.diagnostics.filter((entry) => entry.severity === 'error')).toEqual([])
    expect(validation.model).not.toBeNull()
    expect(model.threats).toBe(sample.threats)

    const generated = generateTmtThreats(model, AZURE_TEMPLATE)
    // The API (now App Service, a GE.P) queries the database (now Azure SQL): the injection rule applies.
    const injection = generated.threats.filter((threat) => threat.definitionId === 'TW.AZ.08')
    expect(injection.map((threat) => threat.target)).toEqual([{ kind: 'interaction', sourceId: 'api', flowId: 'flow-queries', targetId: 'database' }])
    const regenerated = regenerateThreats(model, generated.threats)
    const states = (threats: ThreatModel['threats']): [string, string | null][] => threats.map((threat) => [threat.id, threat.state.value])
    expect(states(regenerated.model.threats.slice(0, 8))).toEqual(states(sample.threats))
    expect(regenerated.added.length).toBe(generated.threats.length)
    expect(regenerated.obsolete).toEqual([])
    // A second run adds nothing: the merge is by threat key.
    expect(regenerateThreats(regenerated.model, generateTmtThreats(regenerated.model, AZURE_TEMPLATE).threats).added).toEqual([])
  })
})

describe('applyTemplate edge cases', () => {
  it('keeps ids the new template has, and leaves a kind the template lacks unmapped', () => {
    const azure = applyTemplate(sampleModel(), AZURE_TEMPLATE, null).model
    const withoutLines: Template = {
      ...AZURE_TEMPLATE,
      elementTypes: AZURE_TEMPLATE.elementTypes.filter((type) => type.id !== 'GE.TB.L' && type.parentId !== 'GE.TB.L')
    }
    const { model, report } = applyTemplate(azure, withoutLines, null)
    expect(report.filter((entry) => entry.how !== 'id')).toEqual([
      { elementId: 'database-segment', from: 'GE.TB.L', to: null, how: 'unmapped' }
    ])
    expect(model.diagrams[0]!.boundaries.find((boundary) => boundary.id === 'database-segment')!.typeId).toBe('GE.TB.L')
    // Applying again adds no property twice.
    expect(model.diagrams[0]!.elements).toEqual(azure.diagrams[0]!.elements)
  })
})
