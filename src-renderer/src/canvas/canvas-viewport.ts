import type { CollectionReturnValue, Core } from 'cytoscape'
import type { Point } from '../../../model/geometry-types'

/** What is on screen: Cytoscape's pan (screen px) and zoom, and the canvas size in screen px. */
export interface Viewport {
  readonly zoom: number
  readonly pan: Point
  readonly width: number
  readonly height: number
}

/** The view half of the canvas adapter: panning and watching the viewport (grid, minimap, space-drag). */
export interface ViewportControl {
  viewport(): Viewport
  panBy(delta: Point): void
  setPan(pan: Point): void
  /** Called after every pan, zoom or resize; returns a function that stops it. */
  onViewportChange(listener: (viewport: Viewport) => void): () => void
  /** Pans (never zooms) so the items are on screen; nothing when they already are. */
  reveal(ids: readonly string[]): void
  /** The page point at the middle of the items, or of the canvas when none is drawn (keyboard context menu). */
  pageCentre(ids: readonly string[]): Point
}

/** Keeps a revealed item this far (screen px) from the canvas edge. */
const REVEAL_MARGIN = 40

export function createViewportControl(
  cy: Core,
  container: HTMLElement | null,
  itemsOf: (ids: readonly string[]) => CollectionReturnValue
): ViewportControl {
  const viewport = (): Viewport => ({ zoom: cy.zoom(), pan: { ...cy.pan() }, width: cy.width(), height: cy.height() })
  return {
    viewport,
    panBy: (delta) => {
      cy.panBy(delta)
    },
    setPan: (pan) => {
      cy.pan({ ...pan })
    },
    onViewportChange(listener) {
      const handler = (): void => listener(viewport())
      cy.on('viewport resize', handler)
      return () => {
        cy.removeListener('viewport resize', handler)
      }
    },
    reveal(ids) {
      const items = itemsOf(ids)
      if (items.empty()) return
      const box = items.renderedBoundingBox({ includeLabels: false })
      const dx = box.x1 < REVEAL_MARGIN ? REVEAL_MARGIN - box.x1 : box.x2 > cy.width() - REVEAL_MARGIN ? cy.width() - REVEAL_MARGIN - box.x2 : 0
      const dy = box.y1 < REVEAL_MARGIN ? REVEAL_MARGIN - box.y1 : box.y2 > cy.height() - REVEAL_MARGIN ? cy.height() - REVEAL_MARGIN - box.y2 : 0
      if (dx !== 0 || dy !== 0) cy.panBy({ x: dx, y: dy })
    },
    pageCentre(ids) {
      const bounds = container?.getBoundingClientRect() ?? { left: 0, top: 0 }
      const items = itemsOf(ids)
      if (items.empty()) return { x: bounds.left + cy.width() / 2, y: bounds.top + cy.height() / 2 }
      const box = items.renderedBoundingBox({ includeLabels: false })
      return { x: bounds.left + (box.x1 + box.x2) / 2, y: bounds.top + (box.y1 + box.y2) / 2 }
    }
  }
}
