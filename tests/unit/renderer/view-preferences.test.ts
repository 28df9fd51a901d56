import { describe, expect, it } from 'vitest'
import { DEFAULT_VIEW, loadViewPreferences, saveViewPreferences, VIEW_PREFERENCES_KEY } from '../../../src-renderer/src/editor/view-preferences'

function memory(initial: string | null = null) {
  let value = initial
  return {
    getItem: (key: string) => (key === VIEW_PREFERENCES_KEY ? value : null),
    setItem: (key: string, next: string) => {
      if (key === VIEW_PREFERENCES_KEY) value = next
    }
  }
}

describe('view preferences', () => {
  it('round-trips the grid and minimap choices', () => {
    const storage = memory()
    expect(loadViewPreferences(storage)).toEqual(DEFAULT_VIEW)
    saveViewPreferences({ grid: false, minimap: true }, storage)
    expect(loadViewPreferences(storage)).toEqual({ grid: false, minimap: true })
  })

  it('falls back to the defaults for anything else stored, or no storage at all', () => {
    expect(loadViewPreferences(memory('not json'))).toEqual(DEFAULT_VIEW)
    expect(loadViewPreferences(memory('{"grid":"yes","minimap":false}'))).toEqual({ grid: DEFAULT_VIEW.grid, minimap: false })
    expect(loadViewPreferences(undefined)).toEqual(DEFAULT_VIEW)
    const throwing = { getItem: () => { throw new Error('denied') }, setItem: () => { throw new Error('denied') } }
    expect(loadViewPreferences(throwing)).toEqual(DEFAULT_VIEW)
    expect(() => saveViewPreferences(DEFAULT_VIEW, throwing)).not.toThrow()
  })
})
