import type { Point, Rect } from '../model/geometry-types'
import type { BoundaryShape } from '../model/model'
import { escapeHtml } from './escape-html'
import type { DiagramDrawing } from './report-types'

/**
 * A diagram as inline SVG, drawn from the model's own geometry (no canvas, no script), so the report shows
 * what the model says even where Cytoscape never ran: processes as ellipses, external interactors as
 * rectangles, data stores as two parallel lines (the DFD conventions TMT uses), flows as arrows with
 * their names, box boundaries as dashed rectangles and line boundaries as dashed polylines.
 *
 * Colours are presentation attributes, not CSS, so the drawing survives copy-paste out of the report and
 * needs nothing from the page's style sheet. `index` keeps the arrow-marker id unique when several
 * diagrams share one HTML page; model ids are never used as SVG ids.
 */
export function renderDiagramSvg(drawing: DiagramDrawing, title: string, index: number): string {
  const box = viewBox(drawing)
  const marker = `tw-arrow-${index}`
  const parts = [
    `<svg class="diagram" viewBox="${number(box.x)} ${number(box.y)} ${number(box.width)} ${number(box.height)}" width="${number(box.width)}" height="${number(box.height)}" role="img" aria-label="${escapeHtml(title)}" font-family="Arial, Helvetica, sans-serif" font-size="13">`,
    `<title>${escapeHtml(title)}</title>`,
    `<defs><marker id="${marker}" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#374151"/></marker></defs>`,
    ...drawing.boundaries.filter((boundary) => boundary.shape.kind === 'box').map((boundary) => boundarySvg(boundary.name, boundary.shape)),
    ...drawing.elements.map((element) => elementSvg(element)),
    ...drawing.flows.map((flow) => flowPathSvg(flow.points, marker)),
    ...drawing.boundaries.filter((boundary) => boundary.shape.kind === 'line').map((boundary) => boundarySvg(boundary.name, boundary.shape)),
    ...drawing.flows.map((flow) => flowLabelSvg(flow.name, flow.points)),
    ...(drawing.elements.length === 0 && drawing.flows.length === 0 ? [`<text x="10" y="30" fill="#6b7280">(empty diagram)</text>`] : []),
    '</svg>'
  ]
  return parts.join('\n')
}

const MARGIN = 30
const BOUNDARY_COLOUR = '#b91c1c'
const LINE_COLOUR = '#374151'

function elementSvg(element: DiagramDrawing['elements'][number]): string {
  const { x, y, width, height } = element.layout
  const dash = element.outOfScope ? ' stroke-dasharray="3 3"' : ''
  const label = element.outOfScope ? `${element.name} (out of scope)` : element.name
  const centre = { x: x + width / 2, y: y + height / 2 }
  const text = wrappedText(label, centre, width, element.outOfScope ? '#6b7280' : '#111827')
  switch (element.kind) {
    case 'process':
      return `<g><ellipse cx="${number(centre.x)}" cy="${number(centre.y)}" rx="${number(width / 2)}" ry="${number(height / 2)}" fill="#e0ecff" stroke="#1d4ed8" stroke-width="1.5"${dash}/>${text}</g>`
    case 'externalInteractor':
      return `<g><rect x="${number(x)}" y="${number(y)}" width="${number(width)}" height="${number(height)}" fill="#fff4e0" stroke="#b45309" stroke-width="1.5"${dash}/>${text}</g>`
    case 'dataStore':
      return `<g><rect x="${number(x)}" y="${number(y)}" width="${number(width)}" height="${number(height)}" fill="#ecfdf5" stroke="none"/><line x1="${number(x)}" y1="${number(y)}" x2="${number(x + width)}" y2="${number(y)}" stroke="#047857" stroke-width="2"${dash}/><line x1="${number(x)}" y1="${number(y + height)}" x2="${number(x + width)}" y2="${number(y + height)}" stroke="#047857" stroke-width="2"${dash}/>${text}</g>`
    case 'annotation':
      return `<g><rect x="${number(x)}" y="${number(y)}" width="${number(width)}" height="${number(height)}" fill="#fefce8" stroke="#d4d4d8" stroke-dasharray="2 2"/>${text}</g>`
  }
}

/**
 * A flow through its bend points. With one bend point (TMT's handle, which the curve passes through) the
 * arrow is the quadratic Bézier through that point at its middle: control = 2·handle − (start + end)/2.
 */
function flowPathSvg(points: readonly Point[], marker: string): string {
  const [start, ...rest] = points
  if (start === undefined) return ''
  const handle = points.length === 3 ? points[1] : undefined
  const end = points[points.length - 1]!
  const path =
    handle === undefined
      ? `M${pair(start)} ${rest.map((point) => `L${pair(point)}`).join(' ')}`
      : `M${pair(start)} Q${pair({ x: 2 * handle.x - (start.x + end.x) / 2, y: 2 * handle.y - (start.y + end.y) / 2 })} ${pair(end)}`
  return `<path d="${path}" fill="none" stroke="${LINE_COLOUR}" stroke-width="1.5" marker-end="url(#${marker})"/>`
}

function flowLabelSvg(name: string, points: readonly Point[]): string {
  if (name.trim() === '' || points.length < 2) return ''
  const at = labelPoint(points)
  return `<text x="${number(at.x)}" y="${number(at.y - 4)}" text-anchor="middle" fill="#1f2937" stroke="#ffffff" stroke-width="3" paint-order="stroke" font-size="12">${escapeHtml(name)}</text>`
}

/** The middle vertex for an odd count (the handle the curve passes through), else the middle segment's midpoint. */
function labelPoint(points: readonly Point[]): Point {
  const middle = Math.floor(points.length / 2)
  if (points.length % 2 === 1) return points[middle]!
  const first = points[middle - 1]!
  const second = points[middle]!
  return { x: (first.x + second.x) / 2, y: (first.y + second.y) / 2 }
}

function boundarySvg(name: string, shape: BoundaryShape): string {
  const label = (at: Point): string =>
    name.trim() === '' ? '' : `<text x="${number(at.x)}" y="${number(at.y)}" fill="${BOUNDARY_COLOUR}" font-size="12" font-style="italic">${escapeHtml(name)}</text>`
  if (shape.kind === 'box') {
    const { x, y, width, height } = shape.rect
    return `<g><rect x="${number(x)}" y="${number(y)}" width="${number(width)}" height="${number(height)}" fill="none" stroke="${BOUNDARY_COLOUR}" stroke-width="1.5" stroke-dasharray="8 4"/>${label({ x: x + 6, y: y + 16 })}</g>`
  }
  const first = shape.points[0]
  const points = shape.points.map(pair).join(' ')
  return `<g><polyline points="${points}" fill="none" stroke="${BOUNDARY_COLOUR}" stroke-width="2" stroke-dasharray="8 4"/>${first === undefined ? '' : label({ x: first.x + 6, y: first.y - 6 })}</g>`
}

/** Centred text, wrapped on spaces to the element's width (about 7 units a character at 13 px). */
function wrappedText(text: string, centre: Point, width: number, colour: string): string {
  const perLine = Math.max(6, Math.floor(width / 7))
  const lines: string[] = []
  for (const word of text.split(/\s+/).filter((part) => part !== '')) {
    const last = lines[lines.length - 1]
    if (last !== undefined && last.length + 1 + word.length <= perLine) lines[lines.length - 1] = `${last} ${word}`
    else lines.push(word)
  }
  const lineHeight = 15
  const top = centre.y - ((lines.length - 1) * lineHeight) / 2
  const spans = lines.map((line, index) => `<tspan x="${number(centre.x)}" y="${number(top + index * lineHeight)}">${escapeHtml(line)}</tspan>`)
  return `<text text-anchor="middle" dominant-baseline="middle" fill="${colour}">${spans.join('')}</text>`
}

function viewBox(drawing: DiagramDrawing): Rect {
  const points: Point[] = []
  const addRect = (rect: Rect): void => {
    points.push({ x: rect.x, y: rect.y }, { x: rect.x + rect.width, y: rect.y + rect.height })
  }
  for (const element of drawing.elements) addRect(element.layout)
  for (const flow of drawing.flows) points.push(...flow.points)
  for (const boundary of drawing.boundaries) {
    if (boundary.shape.kind === 'box') addRect(boundary.shape.rect)
    else points.push(...boundary.shape.points)
  }
  const finite = points.filter((point) => Number.isFinite(point.x) && Number.isFinite(point.y))
  if (finite.length === 0) return { x: 0, y: 0, width: 240, height: 60 }
  const xs = finite.map((point) => point.x)
  const ys = finite.map((point) => point.y)
  const x = Math.min(...xs) - MARGIN
  const y = Math.min(...ys) - MARGIN
  return { x, y, width: Math.max(...xs) + MARGIN - x, height: Math.max(...ys) + MARGIN - y }
}

function pair(point: Point): string {
  return `${number(point.x)},${number(point.y)}`
}

/** Coordinates with at most two decimals, so the same geometry always prints the same text. */
function number(value: number): string {
  if (!Number.isFinite(value)) return '0'
  return String(Math.round(value * 100) / 100)
}
