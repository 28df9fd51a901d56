import { describe, expect, it } from 'vitest'
import { nativeMenuState, sameMenuState } from '../../../src-renderer/src/commands/native-menu-state'
import { commandState } from './command-fixtures'

const open = commandState({ mode: 'electron', dirty: true, canUndo: true })

describe('nativeMenuState', () => {
  it('greys what cannot run and checks the toggles that are on', () => {
    const state = nativeMenuState(open)
    expect(state.disabled).toContain('edit.redo')
    expect(state.disabled).toContain('edit.delete')
    expect(state.disabled).not.toContain('edit.undo')
    expect(state.disabled).not.toContain('file.save')
    expect(state.checked).toEqual(['view.toggle-grid'])
  })

  it('follows the state: no document greys saving, the minimap on is checked', () => {
    const state = nativeMenuState({ ...open, hasDocument: false, gridOn: false, minimapOn: true })
    expect(state.disabled).toContain('file.save')
    expect(state.checked).toEqual(['view.toggle-minimap'])
  })
})

describe('sameMenuState', () => {
  it('is true only for the same greyed and checked ids', () => {
    const state = nativeMenuState(open)
    expect(sameMenuState(null, state)).toBe(false)
    expect(sameMenuState(nativeMenuState({ ...open }), state)).toBe(true)
    expect(sameMenuState(nativeMenuState({ ...open, canRedo: true }), state)).toBe(false)
    expect(sameMenuState(nativeMenuState({ ...open, minimapOn: true }), state)).toBe(false)
  })
})
