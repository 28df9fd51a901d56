import type { Point, Rect } from './geometry-types'
import { fieldPath } from './json-path'
import { finiteNumber, refine } from './schema'
import { object } from './schema-object'

export const pointSchema = object<Point>({ x: finiteNumber(), y: finiteNumber() })

/** Negative sizes are refused rather than flipped: readers normalise, the validator only checks. */
export const rectSchema = refine(
  object<Rect>({ x: finiteNumber(), y: finiteNumber(), width: finiteNumber(), height: finiteNumber() }),
  (rect) => {
    const negative = rect.width < 0 ? 'width' : rect.height < 0 ? 'height' : null
    if (negative === null) return null
    return { message: `${negative} must not be negative, got ${rect[negative]}`, at: (path) => fieldPath(path, negative) }
  }
)
