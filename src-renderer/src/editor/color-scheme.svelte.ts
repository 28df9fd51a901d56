import type { CanvasTheme } from '../canvas/style'

/**
 * The OS's light/dark preference, live. CSS follows `prefers-color-scheme` by itself (app.css); the
 * canvas is drawn by Cytoscape from a stylesheet object, so it needs the value as data.
 */
export class ColorScheme {
  theme = $state<CanvasTheme>('light')

  /** Starts listening; returns the function that stops. */
  watch(): () => void {
    if (typeof window === 'undefined' || typeof window.matchMedia !== 'function') return () => {}
    const query = window.matchMedia('(prefers-color-scheme: dark)')
    const update = (): void => {
      this.theme = query.matches ? 'dark' : 'light'
    }
    update()
    query.addEventListener('change', update)
    return () => query.removeEventListener('change', update)
  }
}
