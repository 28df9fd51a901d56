import { DEFAULT_ELEMENT_SIZE } from '../../model/factory'
import type { Point, Rect } from '../../model/geometry-types'
import type { DiagramElement, Flow, TrustBoundary } from '../../model/model'

/** Gaps in model units: wide enough for flow labels between elements, and for a boundary's title. */
const GAP = 60
const PADDING = 40
const TITLE_SPACE = 30

export interface LaidOut {
  readonly elements: DiagramElement[]
  readonly flows: Flow[]
  readonly boundaries: TrustBoundary[]
}

interface Block {
  readonly width: number
  readonly height: number
  /** Places the block's content with its top-left corner at `origin`. */
  readonly place: (origin: Point) => void
}

/**
 * Threagile files carry no geometry (Graphviz lays them out at report time), so the reader places
 * things itself, deterministically: each boundary's direct members in a grid, nested boundaries as
 * blocks beside them, every box around its content with padding, assets outside every boundary and
 * the outermost boundaries packed the same way at the top level. Boxes never overlap, so geometric
 * membership agrees with the stated membership. Order follows the file (diagram_tweak_order first).
 */
export function layOutDiagram(elements: readonly DiagramElement[], flows: readonly Flow[], boundaries: readonly TrustBoundary[], nestedIdsOf: (boundary: TrustBoundary) => readonly string[]): LaidOut {
  const rects = new Map<string, Rect>()
  const boundaryRects = new Map<string, Rect>()
  const byId = new Map(boundaries.map((boundary) => [boundary.id as string, boundary]))
  const parentOf = new Map<string, string>()
  for (const boundary of boundaries) for (const child of nestedIdsOf(boundary)) if (byId.has(child) && !parentOf.has(child)) parentOf.set(child, boundary.id)
  const elementOwner = new Map<string, string>()
  for (const boundary of boundaries) for (const member of boundary.statedMembers ?? []) if (!elementOwner.has(member)) elementOwner.set(member, boundary.id)
  const ordered = [...elements].sort((left, right) => tweakOrder(left) - tweakOrder(right))

  const elementBlock = (element: DiagramElement): Block => ({
    width: DEFAULT_ELEMENT_SIZE,
    height: DEFAULT_ELEMENT_SIZE,
    place: (origin) => rects.set(element.id, { x: origin.x, y: origin.y, width: DEFAULT_ELEMENT_SIZE, height: DEFAULT_ELEMENT_SIZE })
  })
  const visiting = new Set<string>()
  const boundaryBlock = (boundary: TrustBoundary): Block => {
    visiting.add(boundary.id)
    const children = [
      ...ordered.filter((element) => elementOwner.get(element.id) === boundary.id).map(elementBlock),
      // A nesting cycle (rejected by validation anyway) must not recurse forever.
      ...boundaries.filter((child) => parentOf.get(child.id) === boundary.id && !visiting.has(child.id)).map(boundaryBlock)
    ]
    const content = pack(children)
    const width = Math.max(content.width, DEFAULT_ELEMENT_SIZE) + 2 * PADDING
    const height = Math.max(content.height, DEFAULT_ELEMENT_SIZE / 2) + 2 * PADDING + TITLE_SPACE
    return {
      width,
      height,
      place: (origin) => {
        boundaryRects.set(boundary.id, { x: origin.x, y: origin.y, width, height })
        content.place({ x: origin.x + PADDING, y: origin.y + PADDING + TITLE_SPACE })
      }
    }
  }
  const top = pack([
    ...ordered.filter((element) => !elementOwner.has(element.id)).map(elementBlock),
    ...boundaries.filter((boundary) => !parentOf.has(boundary.id)).map(boundaryBlock)
  ])
  top.place({ x: 0, y: 0 })

  const laidElements = elements.map((element) => ({ ...element, layout: rects.get(element.id) ?? element.layout }))
  const centreOf = (id: string | null): Point => {
    const rect = id === null ? undefined : rects.get(id)
    return rect === undefined ? { x: 0, y: 0 } : { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 }
  }
  return {
    elements: laidElements,
    flows: flows.map((flow) => ({ ...flow, sourcePoint: centreOf(flow.source), targetPoint: centreOf(flow.target) })),
    boundaries: boundaries.map((boundary) => {
      const rect = boundaryRects.get(boundary.id)
      return rect === undefined ? boundary : { ...boundary, shape: { kind: 'box', rect } }
    })
  }
}

/** Rows of blocks, about as wide as the square root of their total area, each row as tall as its tallest block. */
function pack(blocks: readonly Block[]): Block {
  const area = blocks.reduce((sum, block) => sum + (block.width + GAP) * (block.height + GAP), 0)
  const widest = blocks.reduce((max, block) => Math.max(max, block.width), 0)
  const rowWidth = Math.max(widest, Math.sqrt(area) * 1.3)
  const positions: Point[] = []
  let x = 0
  let y = 0
  let rowHeight = 0
  let width = 0
  for (const block of blocks) {
    if (x > 0 && x + block.width > rowWidth) {
      x = 0
      y += rowHeight + GAP
      rowHeight = 0
    }
    positions.push({ x, y })
    width = Math.max(width, x + block.width)
    rowHeight = Math.max(rowHeight, block.height)
    x += block.width + GAP
  }
  return {
    width,
    height: blocks.length === 0 ? 0 : y + rowHeight,
    place: (origin) => blocks.forEach((block, index) => {
      const at = positions[index] ?? { x: 0, y: 0 }
      block.place({ x: origin.x + at.x, y: origin.y + at.y })
    })
  }
}

function tweakOrder(element: DiagramElement): number {
  const bag = element.extensions.threagile
  const order = typeof bag === 'object' && bag !== null && !Array.isArray(bag) ? bag.diagram_tweak_order : undefined
  return typeof order === 'number' ? order : 0
}
