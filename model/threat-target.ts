import type { ThreatTarget } from './model'

/**
 * A target as one line of text for the triage history: `element:id`, `interaction:source>flow>target`, …
 * Saved models hold these lines, so the form stays as it is.
 */
export function targetText(target: ThreatTarget): string {
  switch (target.kind) {
    case 'element':
      return `element:${target.elementId}`
    case 'flow':
      return `flow:${target.flowId}`
    case 'interaction':
      return `interaction:${target.sourceId ?? ''}>${target.flowId}>${target.targetId ?? ''}`
    case 'boundary':
      return `boundary:${target.boundaryId}`
    case 'dataAsset':
      return `dataAsset:${target.dataAssetId}`
    case 'model':
      return 'model'
  }
}

/**
 * A key that is equal for two targets exactly when they name the same thing: for maps and comparisons.
 * Not `targetText`, whose separators may occur inside ids (a pytm flow is named by free text).
 */
export function targetKey(target: ThreatTarget): string {
  switch (target.kind) {
    case 'element':
      return JSON.stringify([target.kind, target.elementId])
    case 'flow':
      return JSON.stringify([target.kind, target.flowId])
    case 'interaction':
      return JSON.stringify([target.kind, target.sourceId, target.flowId, target.targetId])
    case 'boundary':
      return JSON.stringify([target.kind, target.boundaryId])
    case 'dataAsset':
      return JSON.stringify([target.kind, target.dataAssetId])
    case 'model':
      return JSON.stringify([target.kind])
  }
}
