import type { Point } from '../../../model/geometry-types'

/** What a pan needs from the canvas adapter. */
export interface PanTarget {
  panBy(delta: Point): void
  setPan(pan: Point): void
  viewport(): { readonly pan: Point }
}

export interface PanGesture {
  /** Space is down (the canvas or nothing has focus): a primary-button drag pans instead of editing. */
  setSpaceHeld(held: boolean): void
  /** Esc: a pan in progress goes back to where it started; true when there was one. */
  cancel(): boolean
  remove(): void
}

const MIDDLE_BUTTON = 1
const PRIMARY_BUTTON = 0

/**
 * Pan with space+drag or the middle button (draw.io, Figma, every map), anywhere on the canvas — over a
 * shape too, which Cytoscape's own background-drag pan cannot do. Listens in the capture phase on an
 * ancestor of Cytoscape's container and cancels the pointerdown, so the browser sends Cytoscape none of
 * the mouse events of that press: no node is grabbed, nothing is selected, the model never changes.
 */
export function installPanGesture(stage: HTMLElement, target: PanTarget, onChange: (state: { spaceHeld: boolean; panning: boolean }) => void): PanGesture {
  let spaceHeld = false
  let pan: { pointerId: number; last: Point; start: Point } | null = null
  const report = (): void => onChange({ spaceHeld, panning: pan !== null })

  const onPointerDown = (event: PointerEvent): void => {
    const wanted = event.button === MIDDLE_BUTTON || (event.button === PRIMARY_BUTTON && spaceHeld)
    if (!wanted || pan !== null) return
    event.preventDefault()
    event.stopPropagation()
    // Capture keeps the moves coming when the pointer leaves the canvas mid-pan. Synthetic events in
    // tests have no active pointer to capture.
    try {
      stage.setPointerCapture(event.pointerId)
    } catch {
      // not capturable: moves over the stage still pan
    }
    pan = { pointerId: event.pointerId, last: { x: event.clientX, y: event.clientY }, start: { ...target.viewport().pan } }
    report()
  }

  const onPointerMove = (event: PointerEvent): void => {
    if (pan === null || event.pointerId !== pan.pointerId) return
    event.preventDefault()
    event.stopPropagation()
    const delta = { x: event.clientX - pan.last.x, y: event.clientY - pan.last.y }
    pan.last = { x: event.clientX, y: event.clientY }
    if (delta.x !== 0 || delta.y !== 0) target.panBy(delta)
  }

  const onPointerUp = (event: PointerEvent): void => {
    if (pan === null || event.pointerId !== pan.pointerId) return
    event.preventDefault()
    event.stopPropagation()
    if (stage.hasPointerCapture?.(event.pointerId)) stage.releasePointerCapture(event.pointerId)
    pan = null
    report()
  }

  // The middle button's own default (autoscroll on Windows, paste on Linux) is no use on a canvas.
  const onAuxiliary = (event: MouseEvent): void => {
    if (event.button === MIDDLE_BUTTON) event.preventDefault()
  }

  stage.addEventListener('pointerdown', onPointerDown, true)
  stage.addEventListener('pointermove', onPointerMove, true)
  stage.addEventListener('pointerup', onPointerUp, true)
  stage.addEventListener('pointercancel', onPointerUp, true)
  stage.addEventListener('mousedown', onAuxiliary, true)
  stage.addEventListener('auxclick', onAuxiliary, true)

  return {
    setSpaceHeld(held) {
      if (held === spaceHeld) return
      spaceHeld = held
      report()
    },
    cancel() {
      if (pan === null) return false
      target.setPan(pan.start)
      if (stage.hasPointerCapture?.(pan.pointerId)) stage.releasePointerCapture(pan.pointerId)
      pan = null
      report()
      return true
    },
    remove() {
      stage.removeEventListener('pointerdown', onPointerDown, true)
      stage.removeEventListener('pointermove', onPointerMove, true)
      stage.removeEventListener('pointerup', onPointerUp, true)
      stage.removeEventListener('pointercancel', onPointerUp, true)
      stage.removeEventListener('mousedown', onAuxiliary, true)
      stage.removeEventListener('auxclick', onAuxiliary, true)
    }
  }
}
