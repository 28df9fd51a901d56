/** The slice of a fixed-height list worth rendering: visible rows plus a few either side. */
export interface VirtualWindow {
  readonly start: number
  /** Exclusive. */
  readonly end: number
  /** Space above the first rendered row, in pixels. */
  readonly offsetTop: number
  readonly totalHeight: number
}

/**
 * Fixed row height makes the window pure arithmetic: no measuring, so 20,000 rows cost what 40 do.
 * `overscan` rows either side hide the blank edge while a fast scroll catches up.
 */
export function virtualWindow(scrollTop: number, viewportHeight: number, rowHeight: number, count: number, overscan = 8): VirtualWindow {
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight)
  const visible = Math.ceil(Math.max(0, viewportHeight) / rowHeight) + 1
  const start = Math.max(0, Math.min(count, first - overscan))
  const end = Math.min(count, first + visible + overscan)
  return { start, end, offsetTop: start * rowHeight, totalHeight: count * rowHeight }
}

/** The scrollTop that brings row `index` into view, or the current one when it is already visible. */
export function scrollToReveal(index: number, scrollTop: number, viewportHeight: number, rowHeight: number): number {
  const top = index * rowHeight
  if (top < scrollTop) return top
  if (top + rowHeight > scrollTop + viewportHeight) return top + rowHeight - viewportHeight
  return scrollTop
}
