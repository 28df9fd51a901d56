/**
 * The Cytoscape stylesheet: DFD notation (ux.md §1, Threat Dragon's conventions) in a calm palette.
 * Plain data with string values, mapped from element data where a value varies per element
 * (`data(width)`); Cytoscape's own typings do not model `data()` mappers for every property, so the
 * adapter hands this over as its `StylesheetJson`.
 */
export interface StyleBlock {
  readonly selector: string
  readonly style: Readonly<Record<string, string | number>>
}

const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif'
const INK = '#1f2933'
const LINE = '#52606d'
const BOUNDARY = '#c92a2a'
const OPEN_THREAT = '#d9480f'
const SELECTED = '#1c7ed6'
const MUTED = '#9aa5b1'

// Every element compares z-index globally (`manual`): boundaries (0) below flows (5) below elements
// (10). Cytoscape's default draws all edges under all nodes, which would put a boundary box on top of
// the flows inside it and steal their clicks.
export const DIAGRAM_STYLE: readonly StyleBlock[] = [
  {
    selector: 'node',
    style: {
      'z-index-compare': 'manual',
      'z-index': 10,
      width: 'data(width)',
      height: 'data(height)',
      label: 'data(label)',
      'font-family': FONT,
      'font-size': 13,
      color: INK,
      'text-valign': 'center',
      'text-halign': 'center',
      'text-wrap': 'wrap',
      'text-max-width': 'data(width)',
      'background-color': '#ffffff',
      'border-width': 1.5,
      'border-color': LINE
    }
  },
  { selector: 'node.process', style: { shape: 'ellipse', 'background-color': '#edf2ff', 'border-color': '#4263eb' } },
  { selector: 'node.external-interactor', style: { shape: 'rectangle', 'background-color': '#f8f9fa' } },
  {
    // Parallel lines: see storeLineStops in project-diagram.ts.
    selector: 'node.data-store',
    style: {
      shape: 'rectangle',
      'border-width': 0,
      'background-fill': 'linear-gradient',
      'background-gradient-direction': 'to-bottom',
      'background-gradient-stop-colors': `${LINE} ${LINE} #fff9db #fff9db ${LINE} ${LINE}`,
      'background-gradient-stop-positions': 'data(storeLineStops)'
    }
  },
  {
    selector: 'node.annotation',
    style: {
      shape: 'rectangle',
      'background-opacity': 0,
      'border-width': 0,
      color: '#616e7c',
      'font-style': 'italic',
      'font-size': 12
    }
  },
  {
    selector: 'node.boundary',
    style: {
      'z-index': 0,
      shape: 'rectangle',
      'background-opacity': 0,
      'border-width': 2,
      'border-style': 'dashed',
      'border-color': BOUNDARY,
      color: BOUNDARY,
      'font-size': 12,
      'font-weight': 'bold',
      'text-valign': 'top',
      'text-halign': 'center',
      'text-margin-y': -4,
      'text-max-width': 'data(width)'
    }
  },
  {
    // Invisible holders for loose flow ends and the ends of trust lines; never hit by the pointer.
    selector: 'node.anchor',
    style: { 'background-opacity': 0, 'border-width': 0, label: '', events: 'no', 'z-index': 0 }
  },
  {
    selector: 'edge',
    style: {
      'z-index-compare': 'manual',
      'z-index': 5,
      'curve-style': 'straight',
      // Bend weights and distances are measured between node centres (segments.ts).
      'edge-distances': 'node-position',
      width: 1.5,
      'line-color': LINE,
      label: 'data(label)',
      'font-family': FONT,
      'font-size': 11,
      color: INK,
      'text-wrap': 'wrap',
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.9,
      'text-background-padding': '2px'
    }
  },
  {
    selector: 'edge.flow',
    style: { 'target-arrow-shape': 'triangle', 'target-arrow-color': LINE, 'arrow-scale': 1.1 }
  },
  {
    selector: 'edge.bent',
    style: {
      'curve-style': 'segments',
      'segment-weights': 'data(segmentWeights)',
      'segment-distances': 'data(segmentDistances)'
    }
  },
  {
    // The name sits at the line's first end, not mid-line where flows crossing the boundary put theirs.
    selector: 'edge.line-boundary',
    style: {
      'z-index': 1,
      width: 2,
      'line-style': 'dashed',
      'line-color': BOUNDARY,
      label: '',
      'source-label': 'data(label)',
      'source-text-offset': 24,
      'source-text-margin-y': -8,
      color: BOUNDARY,
      'font-size': 12,
      'font-weight': 'bold'
    }
  },
  { selector: 'edge.loose-source', style: { 'source-arrow-shape': 'circle', 'source-arrow-color': LINE } },
  {
    selector: 'node.out-of-scope',
    style: { 'border-style': 'dashed', 'border-color': MUTED, color: MUTED, 'background-color': '#f5f7fa' }
  },
  {
    selector: 'node.data-store.out-of-scope',
    style: { 'background-gradient-stop-colors': `${MUTED} ${MUTED} #f5f7fa #f5f7fa ${MUTED} ${MUTED}` }
  },
  {
    selector: 'edge.out-of-scope',
    style: { 'line-style': 'dashed', 'line-color': MUTED, 'target-arrow-color': MUTED, color: MUTED }
  },
  {
    // Where review work remains (Threat Dragon draws these red "so that you know where to focus").
    selector: 'node.open-threats',
    style: { 'border-color': OPEN_THREAT, 'border-width': 3 }
  },
  {
    // Stores keep border-width 0 in every state: their lines are the gradient, a border would box them.
    selector: 'node.data-store.open-threats',
    style: { 'border-width': 0, 'background-gradient-stop-colors': `${OPEN_THREAT} ${OPEN_THREAT} #fff9db #fff9db ${OPEN_THREAT} ${OPEN_THREAT}` }
  },
  {
    selector: 'edge.open-threats',
    style: { 'line-color': OPEN_THREAT, 'target-arrow-color': OPEN_THREAT, width: 2 }
  },
  { selector: 'node:selected', style: { 'border-color': SELECTED, 'border-width': 3 } },
  {
    selector: 'node.data-store:selected',
    style: { 'border-width': 0, 'background-gradient-stop-colors': `${SELECTED} ${SELECTED} #e7f5ff #e7f5ff ${SELECTED} ${SELECTED}` }
  },
  { selector: 'edge:selected', style: { 'line-color': SELECTED, 'target-arrow-color': SELECTED, width: 3 } }
]
