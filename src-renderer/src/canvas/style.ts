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
/**
 * Labels smaller than this on screen (font size × zoom, in px) are not drawn: they cannot be read, and
 * on the zoomed-out 1,000-element bench diagram drawing them was about half of every full redraw
 * (ux.md, Cytoscape performance; editor.firstRender.ms). 13 px element names show from 39 % zoom up,
 * 11 px flow names from 46 %, so an ordinary diagram fitted to the window keeps all its labels.
 */
const MIN_LABEL_SCREEN_PX = 5
/** The canvas follows the app's theme (prefers-color-scheme): every colour the stylesheet uses. */
export type CanvasTheme = 'light' | 'dark'

interface Palette {
  readonly ink: string
  readonly line: string
  readonly boundary: string
  readonly openThreat: string
  readonly selected: string
  readonly muted: string
  readonly paper: string
  readonly processFill: string
  readonly processBorder: string
  readonly interactorFill: string
  readonly storeFill: string
  readonly mutedFill: string
  readonly selectedFill: string
  readonly annotation: string
  readonly crossing: string
}

const PALETTES: Readonly<Record<CanvasTheme, Palette>> = {
  light: {
    ink: '#1f2933',
    line: '#52606d',
    boundary: '#c92a2a',
    openThreat: '#d9480f',
    selected: '#1c7ed6',
    muted: '#9aa5b1',
    paper: '#ffffff',
    processFill: '#edf2ff',
    processBorder: '#4263eb',
    interactorFill: '#f8f9fa',
    storeFill: '#fff9db',
    mutedFill: '#f5f7fa',
    selectedFill: '#e7f5ff',
    annotation: '#616e7c',
    crossing: '#ffc9c9'
  },
  dark: {
    ink: '#e4e7eb',
    line: '#9aa5b1',
    boundary: '#ff8787',
    openThreat: '#ffa94d',
    selected: '#4dabf7',
    muted: '#616e7c',
    paper: '#1f2430',
    processFill: '#23305c',
    processBorder: '#748ffc',
    interactorFill: '#2b3240',
    storeFill: '#3d3a22',
    mutedFill: '#262b36',
    selectedFill: '#1c3a57',
    annotation: '#9aa5b1',
    crossing: '#6b2b2b'
  }
}

// Every element compares z-index globally (`manual`): boundaries (0) below flows (5) below elements
// (10). Cytoscape's default draws all edges under all nodes, which would put a boundary box on top of
// the flows inside it and steal their clicks.
export function diagramStyle(theme: CanvasTheme): readonly StyleBlock[] {
  const {
    ink: INK,
    line: LINE,
    boundary: BOUNDARY,
    openThreat: OPEN_THREAT,
    selected: SELECTED,
    muted: MUTED,
    paper,
    processFill,
    processBorder,
    interactorFill,
    storeFill,
    mutedFill,
    selectedFill,
    annotation,
    crossing
  } = PALETTES[theme]
  return [
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
      'min-zoomed-font-size': MIN_LABEL_SCREEN_PX,
      color: INK,
      'text-valign': 'center',
      'text-halign': 'center',
      'text-wrap': 'wrap',
      'text-max-width': 'data(width)',
      'background-color': paper,
      'border-width': 1.5,
      'border-color': LINE
    }
  },
  { selector: 'node.process', style: { shape: 'ellipse', 'background-color': processFill, 'border-color': processBorder } },
  { selector: 'node.external-interactor', style: { shape: 'rectangle', 'background-color': interactorFill } },
  {
    // Parallel lines: see storeLineStops in project-diagram.ts.
    selector: 'node.data-store',
    style: {
      shape: 'rectangle',
      'border-width': 0,
      'background-fill': 'linear-gradient',
      'background-gradient-direction': 'to-bottom',
      'background-gradient-stop-colors': `${LINE} ${LINE} ${storeFill} ${storeFill} ${LINE} ${LINE}`,
      'background-gradient-stop-positions': 'data(storeLineStops)'
    }
  },
  {
    selector: 'node.annotation',
    style: {
      shape: 'rectangle',
      'background-opacity': 0,
      'border-width': 0,
      color: annotation,
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
      'min-zoomed-font-size': MIN_LABEL_SCREEN_PX,
      color: INK,
      'text-wrap': 'wrap',
      'text-background-color': paper,
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
    style: { 'border-style': 'dashed', 'border-color': MUTED, color: MUTED, 'background-color': mutedFill }
  },
  {
    selector: 'node.data-store.out-of-scope',
    style: { 'background-gradient-stop-colors': `${MUTED} ${MUTED} ${mutedFill} ${mutedFill} ${MUTED} ${MUTED}` }
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
    style: { 'border-width': 0, 'background-gradient-stop-colors': `${OPEN_THREAT} ${OPEN_THREAT} ${storeFill} ${storeFill} ${OPEN_THREAT} ${OPEN_THREAT}` }
  },
  {
    selector: 'edge.open-threats',
    style: { 'line-color': OPEN_THREAT, 'target-arrow-color': OPEN_THREAT, width: 2 }
  },
  { selector: 'node:selected', style: { 'border-color': SELECTED, 'border-width': 3 } },
  {
    selector: 'node.data-store:selected',
    style: { 'border-width': 0, 'background-gradient-stop-colors': `${SELECTED} ${SELECTED} ${selectedFill} ${selectedFill} ${SELECTED} ${SELECTED}` }
  },
  { selector: 'edge:selected', style: { 'line-color': SELECTED, 'target-arrow-color': SELECTED, width: 3 } },
  {
    // A flow over a trust boundary: where STRIDE per interaction finds most threats, so it stands out.
    selector: 'edge.crosses-boundary',
    style: { 'underlay-color': crossing, 'underlay-opacity': 0.9, 'underlay-padding': 4 }
  },
  { selector: 'node.connect-source', style: { 'border-color': SELECTED, 'border-width': 3, 'border-style': 'double' } },
  {
    // Editing handles (canvas-handles.ts): drawn by the canvas, never part of the model.
    selector: 'node.handle',
    style: { 'z-index': 20, shape: 'ellipse', 'background-color': SELECTED, 'border-width': 2, 'border-color': paper, label: '' }
  },
  { selector: 'node.resize-handle', style: { shape: 'rectangle' } },
  // A flow's ends are solid, its bends and a trust line's vertices hollow (canvas-point-handles.ts).
  { selector: 'node.bend-handle', style: { 'background-color': paper, 'border-color': SELECTED } },
  {
    selector: 'node.ghost-box',
    style: { 'z-index': 1, shape: 'rectangle', 'background-opacity': 0, 'border-width': 2, 'border-style': 'dashed', 'border-color': BOUNDARY, label: '', events: 'no' }
  },
  { selector: 'edge.ghost-edge', style: { 'line-style': 'dashed', 'line-color': SELECTED, 'target-arrow-shape': 'triangle', 'target-arrow-color': SELECTED, label: '', events: 'no' } }
  ]
}

/** The light stylesheet, for callers that draw outside the app's theme (reports). */
export const DIAGRAM_STYLE: readonly StyleBlock[] = diagramStyle('light')
