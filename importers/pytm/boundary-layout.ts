import { DEFAULT_ELEMENT_SIZE } from '../../model/factory'
import type { Rect } from '../../model/geometry-types'
import type { BoundaryId, ElementId } from '../../model/ids'

export interface LayoutInput {
  /** In file order; `parent` is the enclosing boundary (pytm `inBoundary`), null at the top. */
  readonly boundaries: readonly { readonly id: BoundaryId; readonly parent: BoundaryId | null }[]
  readonly elements: readonly { readonly id: ElementId; readonly boundary: BoundaryId | null }[]
}

export interface Layout {
  readonly elements: ReadonlyMap<ElementId, Rect>
  readonly boundaries: ReadonlyMap<BoundaryId, Rect>
}

const GAP = 60
const PADDING = 40
/** Room above a boundary's contents for its name. */
const TITLE = 30

interface Box {
  readonly width: number
  readonly height: number
  readonly place: (x: number, y: number) => void
}

/**
 * pytm has no geometry (pytm.md §1: the DFD is drawn by Graphviz), so the reader lays the diagram out:
 * each boundary is a box holding its elements, then its nested boundaries, in file order, in rows of
 * about √n items. The same file always gives the same picture, element centres fall inside their
 * boundary's box and nested boxes inside their parent's, so geometry agrees with the stated membership.
 * The caller guarantees `parent` has no cycles.
 */
export function layoutDiagram(input: LayoutInput): Layout {
  const elements = new Map<ElementId, Rect>()
  const boundaries = new Map<BoundaryId, Rect>()
  const containerBox = (container: BoundaryId | null, framed: boolean): Box => {
    const children: Box[] = [
      ...input.elements
        .filter((element) => element.boundary === container)
        .map((element) => elementBox(element.id, elements)),
      ...input.boundaries
        .filter((boundary) => boundary.parent === container)
        .map((boundary) => framedBox(boundary.id, containerBox(boundary.id, true), boundaries))
    ]
    return grid(children, framed ? PADDING : 0, framed ? PADDING + TITLE : 0)
  }
  containerBox(null, false).place(0, 0)
  return { elements, boundaries }
}

function elementBox(id: ElementId, placed: Map<ElementId, Rect>): Box {
  const size = DEFAULT_ELEMENT_SIZE
  return { width: size, height: size, place: (x, y) => placed.set(id, { x, y, width: size, height: size }) }
}

function framedBox(id: BoundaryId, contents: Box, placed: Map<BoundaryId, Rect>): Box {
  return {
    width: contents.width,
    height: contents.height,
    place: (x, y) => {
      placed.set(id, { x, y, width: contents.width, height: contents.height })
      contents.place(x, y)
    }
  }
}

/** Children in rows of ⌈√n⌉, with `side` padding left, right and below and `top` above. */
function grid(children: readonly Box[], side: number, top: number): Box {
  const columns = Math.max(1, Math.ceil(Math.sqrt(children.length)))
  const rows: Box[][] = []
  for (let start = 0; start < children.length; start += columns) rows.push(children.slice(start, start + columns))
  const rowWidth = (row: readonly Box[]): number =>
    row.reduce((sum, child) => sum + child.width, 0) + GAP * Math.max(0, row.length - 1)
  const rowHeight = (row: readonly Box[]): number => Math.max(0, ...row.map((child) => child.height))
  const innerWidth = Math.max(DEFAULT_ELEMENT_SIZE, ...rows.map(rowWidth))
  const innerHeight = Math.max(
    DEFAULT_ELEMENT_SIZE,
    rows.reduce((sum, row) => sum + rowHeight(row), 0) + GAP * Math.max(0, rows.length - 1)
  )
  return {
    width: innerWidth + 2 * side,
    height: innerHeight + top + side,
    place: (x, y) => {
      let rowTop = y + top
      for (const row of rows) {
        let left = x + side
        for (const child of row) {
          child.place(left, rowTop)
          left += child.width + GAP
        }
        rowTop += rowHeight(row) + GAP
      }
    }
  }
}
