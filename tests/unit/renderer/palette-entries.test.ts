import { describe, expect, it } from 'vitest'
import { builtInTemplates } from '../../../templates/index'
import { paletteEntries, searchPalette, templateOf } from '../../../src-renderer/src/editor/palette-entries'

describe('palette entries', () => {
  it('offers the seven generic shapes without a template', () => {
    const entries = paletteEntries(null)
    expect(entries.map((entry) => entry.drawnAs)).toEqual([
      'process',
      'externalInteractor',
      'dataStore',
      'annotation',
      'flow',
      'boxBoundary',
      'lineBoundary'
    ])
  })

  it('adds the active template’s visible types, drawn as their generic root', () => {
    const azure = builtInTemplates[0]!
    expect(templateOf(azure.ref)).toBe(azure)
    expect(templateOf({ id: 'unknown', name: 'x', version: '1' })).toBeNull()
    const entries = paletteEntries(azure)
    const appService = entries.find((entry) => entry.typeId === 'SE.P.TW.Azure.AppService')
    expect(appService).toMatchObject({ drawnAs: 'process', group: azure.ref.name })
    // Generic roots are not listed twice.
    expect(entries.filter((entry) => entry.typeId === 'GE.P')).toHaveLength(1)
  })

  it('searches every word, case-insensitively', () => {
    const entries = paletteEntries(builtInTemplates[0]!)
    const found = searchPalette(entries, 'app SERVICE')
    expect(found.map((entry) => entry.typeId)).toContain('SE.P.TW.Azure.AppService')
    expect(found.every((entry) => /app/i.test(`${entry.label} ${entry.description} ${entry.typeId}`))).toBe(true)
    expect(searchPalette(entries, 'zzzz-nothing')).toEqual([])
  })
})
