import cytoscape, { type Core } from 'cytoscape'
import { describe, expect, it } from 'vitest'
import { keepDragOnDragLayer } from '../../../src-renderer/src/canvas/drag-layer-redraw'

/**
 * The renderer internals keepDragOnDragLayer relies on, faked: a browser canvas renderer cannot run in
 * Node. What the real one does with them is measured by the editor bench (editor.drag.p95.ms) and the
 * drag in e2e/editor.spec.ts.
 */
interface FakeRenderer {
  notify(eventName: string, eles?: unknown): void
  render(options?: unknown): unknown
  redrawHint(group: string, value: boolean): void
  redraw(): void
  hoverData: { draggingEles?: boolean }
}

function fakeCanvas() {
  const calls: string[] = []
  const renderer: FakeRenderer = {
    notify: (eventName) => calls.push(`notify ${eventName}`),
    // Drawing refreshes a stale bounding box, which Cytoscape reports as a `bounds` notification.
    render: () => renderer.notify('bounds', [element(false)]),
    redrawHint: (group) => calls.push(`hint ${group}`),
    redraw: () => calls.push('redraw'),
    hoverData: {}
  }
  const cy = { renderer: () => renderer } as unknown as Core
  keepDragOnDragLayer(cy)
  return { renderer, calls }
}

const element = (inDragLayer: boolean) => ({ _private: { rscratch: { inDragLayer } } })

describe('keepDragOnDragLayer', () => {
  it('redraws only the drag layer when dragged elements move', () => {
    const { renderer, calls } = fakeCanvas()
    renderer.hoverData.draggingEles = true
    renderer.notify('bounds', [element(true), element(true)])
    renderer.notify('position', [element(true)])
    expect(calls).toEqual(['hint drag', 'redraw', 'hint drag', 'redraw'])
  })

  it('passes on anything that touches the rest of the diagram or is not a move', () => {
    const { renderer, calls } = fakeCanvas()
    renderer.hoverData.draggingEles = true
    renderer.notify('bounds', [element(true), element(false)])
    renderer.notify('style', [element(true)])
    renderer.notify('bounds', [])
    renderer.notify('viewport', undefined)
    renderer.hoverData.draggingEles = false
    renderer.notify('position', [element(true)])
    expect(calls).toEqual(['notify bounds', 'notify style', 'notify bounds', 'notify viewport', 'notify position'])
  })

  it('drops the bounds refresh a drawing causes, but not one from outside a drawing', () => {
    const { renderer, calls } = fakeCanvas()
    renderer.render()
    expect(calls).toEqual([])
    renderer.notify('bounds', [element(false)])
    expect(calls).toEqual(['notify bounds'])
  })

  it('leaves a renderer without those internals alone (headless)', () => {
    const cy = cytoscape({ headless: true })
    expect(() => keepDragOnDragLayer(cy)).not.toThrow()
    cy.add({ group: 'nodes', data: { id: 'a' } })
    expect(cy.nodes()).toHaveLength(1)
  })
})
