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

  /** The pan is over: the pointer is released and the state reported. */
  const endPan = (pointerId: number): void => {
    if (stage.hasPointerCapture?.(pointerId)) stage.releasePointerCapture(pointerId)
    pan = null
    report()
  }

  const onPointerUp = (event: PointerEvent): void => {
    if (pan === null || event.pointerId !== pan.pointerId) return
    event.preventDefault()
    event.stopPropagation()
    endPan(event.pointerId)
  }

  // The middle button's own default (autoscroll on Windows, paste on Linux) is no use on a canvas.
  const onAuxiliary = (event: MouseEvent): void => {
    if (event.button === MIDDLE_BUTTON) event.preventDefault()
  }

  // One signal takes every listener off again (remove below).
  const listening = new AbortController()
  const options = { capture: true, signal: listening.signal }
  stage.addEventListener('pointerdown', onPointerDown, options)
  stage.addEventListener('pointermove', onPointerMove, options)
  stage.addEventListener('pointerup', onPointerUp, options)
  stage.addEventListener('pointercancel', onPointerUp, options)
  stage.addEventListener('mousedown', onAuxiliary, options)
  stage.addEventListener('auxclick', onAuxiliary, options)

  return {
    setSpaceHeld(held) {
      if (held === spaceHeld) return
      spaceHeld = held
      report()
    },
    cancel() {
      if (pan === null) return false
      target.setPan(pan.start)
      endPan(pan.pointerId)
      return true
    },
    remove() {
      listening.abort()
    }
  }
}
