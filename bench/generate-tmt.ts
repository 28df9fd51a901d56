import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { emptyModel, newBoxBoundary, newDiagram, newElement, newFlow } from '../model/factory'
import { asId, type ElementId, type FlowId } from '../model/ids'
import type { DiagramElement, ThreatModel } from '../model/model'
import type { Template } from '../model/template'
import { readTb7 } from '../importers/tb7/read-tb7'
import { bundledEntry } from './bundle'
import { median, type Benchmark } from './metrics'

/** A real template with about 190 threat types: the Azure template in the shared corpus (read, not shipped). */
const TEMPLATE_PATH = resolve(__dirname, '..', '..', 'shared', 'corpus', 'tb7', 'azure-cloud-services-1.0.0.33.tb7')

function loadTemplate(): Template {
  const { template } = readTb7({ bytes: new Uint8Array(readFileSync(TEMPLATE_PATH)), fileName: TEMPLATE_PATH })
  if (!template) throw new Error(`cannot read ${TEMPLATE_PATH}`)
  return template
}

/**
 * 1,000 elements whose types cycle through the template's element types, in a grid with a box boundary
 * around every other column, and 5,000 flows between neighbours: many cross boundaries, so rules with
 * `crosses` do real work.
 */
function syntheticModel(template: Template): ThreatModel {
  const types = template.elementTypes.filter((type) => !/TB\.|\.TB|GE\.DF|GE\.A$/.test(type.id))
  const elements: DiagramElement[] = Array.from({ length: 1000 }, (_, index) => ({
    ...newElement(index % 3 === 0 ? 'dataStore' : 'process', { x: (index % 40) * 200, y: Math.floor(index / 40) * 200 }, `Element ${index}`),
    id: asId<ElementId>(`e${index}`),
    typeId: types[index % types.length]!.id
  }))
  const flows = Array.from({ length: 5000 }, (_, index) => {
    const source = elements[index % elements.length]!
    const target = elements[(index * 7 + 1) % elements.length]!
    return {
      ...newFlow(source.id, target.id, {
        sourcePoint: { x: source.layout.x + 50, y: source.layout.y + 50 },
        targetPoint: { x: target.layout.x + 50, y: target.layout.y + 50 }
      }),
      id: asId<FlowId>(`f${index}`),
      typeId: 'GE.DF',
      name: `Flow ${index}`
    }
  })
  const boundaries = Array.from({ length: 20 }, (_, column) => ({
    ...newBoxBoundary({ x: column * 400 - 20, y: -20, width: 240, height: 5000 }),
    typeId: 'GE.TB.B'
  }))
  return { ...emptyModel('Generation benchmark'), diagrams: [{ ...newDiagram('Big'), elements, flows, boundaries }] }
}

interface Driver {
  readonly generate: (model: ThreatModel, template: Template) => number
}

/**
 * `generate.tmt.ms`: TMT-style generation over 5,000 flows with ~190 threat types, median of 5 after a
 * warm-up, timed on tmt-driver.ts bundled as the app is (bundle.ts).
 */
export const generateTmt: Benchmark = {
  name: 'TMT-style threat generation',
  async run() {
    const template = loadTemplate()
    const model = syntheticModel(template)
    const { generate } = await bundledEntry<Driver>('tmt-driver')
    let threats = 0
    const once = (): number => {
      const started = performance.now()
      threats = generate(model, template)
      return performance.now() - started
    }
    once()
    const samples = Array.from({ length: 5 }, once)
    return {
      'generate.tmt.ms': { value: Math.round(median(samples)), unit: 'ms' },
      'generate.tmt.threats': { value: threats, unit: 'threats' },
      'generate.tmt.threatTypes': { value: template.threatTypes.length, unit: 'threat types' }
    }
  }
}
