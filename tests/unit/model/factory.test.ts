import { describe, expect, it } from 'vitest'
import {
  emptyMetadata,
  emptyModel,
  newBoxBoundary,
  newDiagram,
  newElement,
  newFlow,
  newLineBoundary,
  newUserThreat
} from '../../../model/factory'
import { ELEMENT_KINDS } from '../../../model/enums'
import type { ThreatModel } from '../../../model/model'
import { validateModel } from '../../../model/validate'

describe('factory', () => {
  it('makes an empty model with one empty diagram that validates cleanly', () => {
    const model = emptyModel('Payments')
    expect(model.metadata.title).toBe('Payments')
    expect(model.diagrams).toHaveLength(1)
    expect(model.diagrams[0]?.elements).toEqual([])
    expect(validateModel(model)).toEqual({ model, diagnostics: [] })
  })

  it('gives metadata empty values, not placeholders a reviewer could mistake for data', () => {
    expect(emptyMetadata()).toMatchObject({ owner: '', reviewers: [], createdAt: null, custom: [] })
  })

  it('places a new element by its top-left corner at the TMT stencil size, with the generic type id', () => {
    const element = newElement('dataStore', { x: 40, y: 60 })
    expect(element.layout).toEqual({ x: 40, y: 60, width: 100, height: 100 })
    expect(element.typeId).toBe('GE.DS')
    expect(element.name).toBe('Generic Data Store')
    expect(newElement('process', { x: 0, y: 0 }, 'API').name).toBe('API')
    expect(ELEMENT_KINDS.map((kind) => newElement(kind, { x: 0, y: 0 }).typeId)).toEqual(['GE.P', 'GE.EI', 'GE.DS', 'GE.A'])
  })

  it('mints a different id each time', () => {
    const first = newElement('process', { x: 0, y: 0 })
    const second = newElement('process', { x: 0, y: 0 })
    expect(first.id).not.toBe(second.id)
    expect(first.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
  })

  it('makes a user threat that is not started and comes from the user', () => {
    const threat = newUserThreat({ kind: 'model' }, 'Insider threat')
    expect(threat.state).toEqual({ value: 'notStarted', raw: null })
    expect(threat.origin).toEqual({ kind: 'user' })
    expect(threat.title).toBe('Insider threat')
  })

  it('builds a model from every factory that passes validation without any diagnostic', () => {
    const web = newElement('process', { x: 0, y: 0 })
    const user = newElement('externalInteractor', { x: 400, y: 0 })
    const flow = newFlow(user.id, web.id, {
      sourcePoint: { x: 400, y: 50 },
      targetPoint: { x: 100, y: 50 },
      bendPoints: [{ x: 250, y: 20 }]
    })
    const dangling = newFlow(null, null, { sourcePoint: { x: 0, y: 300 }, targetPoint: { x: 50, y: 300 } })
    const sandbox = newBoxBoundary({ x: -20, y: -20, width: 200, height: 200 })
    const diagram = {
      ...newDiagram('Main'),
      elements: [web, user],
      flows: [flow, dangling],
      boundaries: [sandbox, newLineBoundary([{ x: 300, y: 0 }, { x: 300, y: 200 }])]
    }
    const model: ThreatModel = {
      ...emptyModel(),
      diagrams: [diagram, newDiagram('Empty')],
      threats: [
        newUserThreat({ kind: 'interaction', sourceId: user.id, flowId: flow.id, targetId: web.id }, 'Spoofed user', {
          diagramId: diagram.id,
          category: { value: 'spoofing', raw: null }
        }),
        newUserThreat({ kind: 'boundary', boundaryId: sandbox.id }, 'Weak sandbox')
      ]
    }
    expect(validateModel(model)).toEqual({ model, diagnostics: [] })
  })
})
