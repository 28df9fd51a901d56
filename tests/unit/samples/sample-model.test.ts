import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readNative } from '../../../importers/native/read-native'
import { writeNative } from '../../../importers/native/write-native'
import { boundariesContaining, boundariesCrossed, boundaryMembers, boundaryNesting } from '../../../model/geometry'
import type { Diagram, ThreatModel } from '../../../model/model'
import { SAMPLE_FILE_NAME, sampleModelBytes } from '../../../samples/index'

const fileBytes = new Uint8Array(readFileSync(join(__dirname, '..', '..', '..', 'samples', 'web-shop.twm')))

function sample(): { model: ThreatModel; diagram: Diagram } {
  const result = readNative({ bytes: sampleModelBytes, fileName: SAMPLE_FILE_NAME })
  expect(result.diagnostics).toEqual([])
  const diagram = result.model?.diagrams[0]
  if (result.model === null || diagram === undefined) throw new Error('the sample did not read')
  return { model: result.model, diagram }
}

describe('embedded sample', () => {
  it('embeds exactly the bytes of samples/web-shop.twm', () => {
    expect(SAMPLE_FILE_NAME).toBe('web-shop.twm')
    expect(sampleModelBytes.length).toBe(fileBytes.length)
    expect(Buffer.from(sampleModelBytes).equals(Buffer.from(fileBytes))).toBe(true)
  })

  it('reads without a single diagnostic and is canonical', () => {
    const { model } = sample()
    expect(model.metadata.title).toBe('Web shop (sample)')
    expect(Buffer.from(writeNative(model).bytes).equals(Buffer.from(fileBytes))).toBe(true)
  })

  it('has one diagram with the five parts of a web shop', () => {
    const { diagram } = sample()
    expect(diagram.elements.map((element) => [element.id, element.kind])).toEqual([
      ['browser', 'externalInteractor'],
      ['web-app', 'process'],
      ['api', 'process'],
      ['database', 'dataStore'],
      ['identity-provider', 'externalInteractor']
    ])
  })

  it('puts the browser on the Internet and the shop in the data center, side by side', () => {
    const { diagram } = sample()
    const byId = (id: string) => diagram.boundaries.find((boundary) => boundary.id === id)
    const members = (id: string) => {
      const boundary = byId(id)
      return boundary === undefined ? null : boundaryMembers(diagram, boundary)
    }
    expect(members('internet')).toEqual(['browser'])
    expect(members('data-center')).toEqual(['web-app', 'api', 'database'])
    expect(members('database-segment')).toEqual([])
    expect(boundariesContaining(diagram, 'identity-provider' as never)).toEqual([])
    expect(Object.fromEntries(boundaryNesting(diagram))).toEqual({ internet: null, 'data-center': null })
  })

  it('has flows that cross exactly the boundaries they should', () => {
    const { diagram } = sample()
    const crossings = Object.fromEntries(diagram.flows.map((flow) => [flow.id, boundariesCrossed(diagram, flow)]))
    expect(crossings).toEqual({
      'flow-browse': ['internet', 'data-center'],
      'flow-pages': ['internet', 'data-center'],
      'flow-sign-in': ['data-center'],
      'flow-id-token': ['data-center'],
      'flow-api-calls': [],
      'flow-queries': ['database-segment'],
      'flow-results': ['database-segment']
    })
  })

  it('has threats in every triage state', () => {
    const { model } = sample()
    expect(model.threats.map((threat) => threat.state.value)).toEqual([
      'needsInvestigation',
      'mitigated',
      'mitigated',
      'notStarted',
      'accepted',
      'needsInvestigation',
      'notApplicable',
      'notStarted'
    ])
    const notApplicable = model.threats.find((threat) => threat.state.value === 'notApplicable')
    expect(notApplicable?.justification).not.toBe('')
  })

  it('uses all three property kinds and classifies its three data assets', () => {
    const { model, diagram } = sample()
    const kinds = new Set(diagram.elements.flatMap((element) => element.properties.map((property) => property.kind)))
    expect([...kinds].sort()).toEqual(['boolean', 'list', 'string'])
    expect(model.dataAssets.map((asset) => [asset.id, asset.classification?.value])).toEqual([
      ['customer-pii', 'confidential'],
      ['payment-tokens', 'strictlyConfidential'],
      ['catalogue', 'public']
    ])
  })
})
