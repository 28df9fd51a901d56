import { describe, expect, it } from 'vitest'
import { diagramBounds, fitTransform, fromMinimap, panCentring, toMinimap, visibleModelRect } from '../../../src-renderer/src/canvas/minimap-geometry'
import { newDiagram } from '../../../model/factory'
import { sampleModel } from '../../small-model'

const viewport = { zoom: 2, pan: { x: -100, y: 40 }, width: 800, height: 600 }

describe('minimap geometry', () => {
  it('bounds every element, box, line and flow point of a diagram; nothing for an empty one', () => {
    const [main] = sampleModel().diagrams
    // p1 (0,0)–(100,100), s1 (300,0)–(400,100), box b1 (-10,-10)–(190,190).
    expect(diagramBounds(main!)).toEqual({ x: -10, y: -10, width: 410, height: 200 })
    expect(diagramBounds(newDiagram('Empty'))).toBeNull()
  })

  it('knows the model rectangle the canvas shows', () => {
    expect(visibleModelRect(viewport)).toEqual({ x: 50, y: -20, width: 400, height: 300 })
  })

  it('fits the bounds, centred with a margin, and maps points both ways', () => {
    const map = fitTransform({ x: -10, y: -10, width: 410, height: 200 }, 200, 140, 8)
    // Width limits: (200 - 16) / 410.
    expect(map.scale).toBeCloseTo(184 / 410)
    const corner = toMinimap({ x: -10, y: -10 }, map)
    expect(corner.x).toBeCloseTo(8)
    expect(corner.y).toBeCloseTo((140 - 200 * map.scale) / 2)
    const back = fromMinimap(toMinimap({ x: 123, y: 45 }, map), map)
    expect(back.x).toBeCloseTo(123)
    expect(back.y).toBeCloseTo(45)
  })

  it('pans so a clicked model point is in the middle of the canvas, keeping the zoom', () => {
    const pan = panCentring({ x: 250, y: 100 }, viewport)
    expect(pan).toEqual({ x: 400 - 500, y: 300 - 200 })
    const shown = visibleModelRect({ ...viewport, pan })
    expect(shown.x + shown.width / 2).toBe(250)
    expect(shown.y + shown.height / 2).toBe(100)
  })
})
