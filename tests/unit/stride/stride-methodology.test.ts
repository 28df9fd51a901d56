import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { generateStridePerElement } from '../../../analysis/stride/generate-stride-per-element'
import { generateStridePerInteraction } from '../../../analysis/stride/generate-stride-per-interaction'
import type { StrideCategory } from '../../../model/enums'
import type { DiagramElement, ThreatModel } from '../../../model/model'
import { readNative } from '../../../importers/native/read-native'
import { STRIDE_PER_ELEMENT } from '../../../templates/stride-per-element'
import { STRIDE_PER_INTERACTION } from '../../../templates/stride-per-interaction'
import { readableCorpusModels } from '../../readable-corpus-models'

const repoRoot = join(__dirname, '..', '..', '..')
const LETTER: Record<StrideCategory, string> = {
  spoofing: 'S',
  tampering: 'T',
  repudiation: 'R',
  informationDisclosure: 'I',
  denialOfService: 'D',
  elevationOfPrivilege: 'E'
}

function sample(): ThreatModel {
  const bytes = readFileSync(join(repoRoot, 'samples', 'web-shop.twm'))
  const { model } = readNative({ bytes, fileName: 'web-shop.twm' })
  if (!model) throw new Error('the sample does not read')
  return model
}

function editElement(model: ThreatModel, id: string, edit: (element: DiagramElement) => DiagramElement): ThreatModel {
  return {
    ...model,
    diagrams: model.diagrams.map((diagram) => ({
      ...diagram,
      elements: diagram.elements.map((element) => (element.id === id ? edit(element) : element))
    }))
  }
}

describe('STRIDE per interaction', () => {
  it('gives on the sample exactly the threats the 12 rows predict (hand-checked golden file)', () => {
    const golden = JSON.parse(readFileSync(join(repoRoot, 'tests', 'fixtures', 'golden', 'stride-per-interaction-web-shop.json'), 'utf8')) as {
      threats: string[]
    }
    const produced = generateStridePerInteraction(sample(), STRIDE_PER_INTERACTION).map((threat) => {
      const target = threat.target
      if (target.kind !== 'interaction') throw new Error('expected an interaction target')
      const row = threat.origin.kind === 'generated' ? threat.origin.ruleId.split('/')[1] : '?'
      return `${row} ${LETTER[threat.category.value as StrideCategory]} ${target.sourceId} ${target.flowId} ${target.targetId}`
    })
    expect([...produced].sort()).toEqual([...golden.threats].sort())
    expect(new Set(produced).size).toBe(produced.length)
  })

  it('treats an interactor marked Human by row 4 instead of rows 3', () => {
    const human = editElement(sample(), 'browser', (element) => ({
      ...element,
      properties: [{ kind: 'list', key: 'type', label: 'Type', options: ['Code', 'Human'], selected: 1, editable: false }]
    }))
    const rows = generateStridePerInteraction(human, STRIDE_PER_INTERACTION)
      .filter((threat) => threat.target.kind === 'interaction' && threat.target.flowId === 'flow-pages')
      .map((threat) => (threat.origin.kind === 'generated' ? threat.origin.ruleId.split('/').slice(1).join('/') : ''))
    expect(rows.sort()).toEqual([
      'row12/spoofing',
      'row4/repudiation',
      'row8/denialOfService',
      'row8/informationDisclosure',
      'row8/tampering'
    ])
  })

  it('is stable across runs', () => {
    const ids = (model: ThreatModel): string[] => generateStridePerInteraction(model, STRIDE_PER_INTERACTION).map((threat) => threat.id)
    expect(ids(sample())).toEqual(ids(sample()))
  })
})

describe('STRIDE per element', () => {
  it('applies the chart to the sample: interactors S R, processes all six, stores T I D, flows T I D, out of scope skipped', () => {
    const letters = new Map<string, string>()
    for (const threat of generateStridePerElement(sample(), STRIDE_PER_ELEMENT)) {
      const id = threat.target.kind === 'element' ? threat.target.elementId : threat.target.kind === 'flow' ? threat.target.flowId : '?'
      letters.set(id, (letters.get(id) ?? '') + LETTER[threat.category.value as StrideCategory])
    }
    expect(Object.fromEntries(letters)).toEqual({
      browser: 'SR',
      'web-app': 'STRIDE',
      api: 'STRIDE',
      database: 'TID',
      'flow-browse': 'TID',
      'flow-pages': 'TID',
      'flow-sign-in': 'TID',
      'flow-id-token': 'TID',
      'flow-api-calls': 'TID',
      'flow-queries': 'TID',
      'flow-results': 'TID'
    })
  })

  it('adds repudiation to a data store only when it holds logs', () => {
    const logging = editElement(sample(), 'database', (element) => ({
      ...element,
      properties: [...element.properties, { kind: 'list', key: 'storesLogData', label: 'Stores Log Data', options: ['No', 'Yes'], selected: 1, editable: true }]
    }))
    const categories = generateStridePerElement(logging, STRIDE_PER_ELEMENT)
      .filter((threat) => threat.target.kind === 'element' && threat.target.elementId === 'database')
      .map((threat) => LETTER[threat.category.value as StrideCategory])
    expect(categories.join('')).toBe('TRID')
  })
})

// The methodology templates assume nothing of where a model came from.
describe('STRIDE on models from other tools', () => {
  const models = readableCorpusModels()

  it('reads models of every format with a reader', () => {
    expect(['tm7/', 'threagile/', 'pytm/'].map((folder) => models.some(({ name }) => name.startsWith(folder)))).toEqual([true, true, true])
  })

  it.each(models.map(({ name, model }) => [name, model] as const))('%s: per element follows the chart on every in-scope item', (_, model) => {
    const letters = new Map<string, string>()
    for (const threat of generateStridePerElement(model, STRIDE_PER_ELEMENT)) {
      const id = threat.target.kind === 'element' ? threat.target.elementId : threat.target.kind === 'flow' ? threat.target.flowId : '?'
      letters.set(id, (letters.get(id) ?? '') + LETTER[threat.category.value as StrideCategory])
    }
    const expected = new Map<string, readonly string[]>()
    for (const diagram of model.diagrams) {
      for (const element of diagram.elements) {
        if (element.outOfScope) continue
        if (element.kind === 'externalInteractor') expected.set(element.id, ['SR'])
        if (element.kind === 'process') expected.set(element.id, ['STRIDE'])
        // Repudiation only for a store that holds logs: either is the chart, the log rule is tested above.
        if (element.kind === 'dataStore') expected.set(element.id, ['TID', 'TRID'])
      }
      for (const flow of diagram.flows) if (!flow.outOfScope) expected.set(flow.id, ['TID'])
    }
    expect([...letters.keys()].sort()).toEqual([...expected.keys()].sort())
    for (const [id, chart] of expected) expect(chart, id).toContain(letters.get(id))
  })

  it.each(models.map(({ name, model }) => [name, model] as const))('%s: per interaction, each threat on a flow of the model between its own ends', (_, model) => {
    const flows = new Map(model.diagrams.flatMap((diagram) => diagram.flows.map((flow) => [flow.id, flow] as const)))
    const threats = generateStridePerInteraction(model, STRIDE_PER_INTERACTION)
    for (const threat of threats) {
      const target = threat.target
      if (target.kind !== 'interaction') throw new Error(`${threat.id} is not on an interaction`)
      const flow = flows.get(target.flowId)
      expect(flow, target.flowId).toBeDefined()
      expect([target.sourceId, target.targetId]).toEqual([flow?.source, flow?.target])
    }
    expect(new Set(threats.map((threat) => threat.id)).size).toBe(threats.length)
    // A flow in scope with a process at one end always meets at least one of the 12 rows. The rows have
    // nothing for a flow that bypasses processes (store to store, interactor to store): DFD rules forbid it.
    const elements = new Map(model.diagrams.flatMap((diagram) => diagram.elements.map((element) => [element.id, element] as const)))
    const covered = new Set(threats.map((threat) => (threat.target.kind === 'interaction' ? threat.target.flowId : '')))
    for (const flow of flows.values()) {
      const ends = [flow.source, flow.target].map((id) => (id === null ? undefined : elements.get(id)))
      const analysable =
        !flow.outOfScope && ends.every((end) => end !== undefined && end.kind !== 'annotation') && ends.some((end) => end?.kind === 'process')
      if (analysable) expect(covered.has(flow.id), flow.id).toBe(true)
    }
  })
})
