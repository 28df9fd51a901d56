/**
 * Model coordinates: the diagram's own space (TMT canvas pixels, origin top-left, y down).
 * Screen coordinates are the canvas adapter's business and never enter the model.
 */
export interface Point {
  readonly x: number
  readonly y: number
}

export interface Rect {
  readonly x: number
  readonly y: number
  readonly width: number
  readonly height: number
}
