import { diagnostic, type Diagnostic } from './diagnostics'
import type { Threat, ThreatModel } from './model'
import type { IdPlace, ModelIndex } from './model-index'

/**
 * Threat references are warnings, not errors: TMT keeps a threat after its flow or an end element is
 * deleted or re-attached, and the user's triage on it must survive a load
 * (see ../shared/research/tmt-format.md §8). The UI lists these threats as stale.
 */
export function checkThreatReferences(model: ThreatModel, index: ModelIndex, diagnostics: Diagnostic[]): void {
  model.threats.forEach((threat, i) => {
    const path = `threats[${i}]`
    const stale = (at: string, message: string): void => {
      diagnostics.push(diagnostic('model.stale-reference', 'warning', message, { path: `${path}.${at}` }))
    }
    const expect = (ids: ReadonlyMap<string, IdPlace>, id: string | null, at: string, what: string): void => {
      if (id !== null && !ids.has(id)) stale(at, `threat refers to ${what} "${id}", which does not exist`)
    }
    expect(index.threatDefinitions, threat.definitionId, 'definitionId', 'threat definition')
    expect(index.diagrams, threat.diagramId, 'diagramId', 'diagram')
    checkTarget(threat.target, index, expect)
  })
}

type Expect = (ids: ReadonlyMap<string, IdPlace>, id: string | null, at: string, what: string) => void

function checkTarget(target: Threat['target'], index: ModelIndex, expect: Expect): void {
  switch (target.kind) {
    case 'element':
      return expect(index.elements, target.elementId, 'target.elementId', 'element')
    case 'flow':
      return expect(index.flows, target.flowId, 'target.flowId', 'flow')
    case 'interaction':
      expect(index.elements, target.sourceId, 'target.sourceId', 'element')
      expect(index.flows, target.flowId, 'target.flowId', 'flow')
      return expect(index.elements, target.targetId, 'target.targetId', 'element')
    case 'boundary':
      return expect(index.boundaries, target.boundaryId, 'target.boundaryId', 'boundary')
    case 'dataAsset':
      return expect(index.dataAssets, target.dataAssetId, 'target.dataAssetId', 'data asset')
    case 'model':
      return
  }
}
