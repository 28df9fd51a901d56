/**
 * Resolves once the browser has painted what the page just changed: the next animation frame runs before
 * the paint, and a task queued from it runs after. Work started then (a long synchronous report build)
 * freezes the page only after a "Preparing…" status is on screen.
 */
export function afterNextPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)))
}
