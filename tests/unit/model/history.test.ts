import { describe, expect, it } from 'vitest'
import { HISTORY_LIMIT, recordEdit, redo, redoLabel, startHistory, undo, undoLabel } from '../../../model/history'

describe('model history', () => {
  it('undoes and redoes edits in order, and a new edit clears redo', () => {
    let history = startHistory('a')
    history = recordEdit(history, 'b', 'Rename')
    history = recordEdit(history, 'c', 'Move')
    expect(undoLabel(history)).toBe('Move')
    history = undo(history)
    expect(history.present).toBe('b')
    expect(redoLabel(history)).toBe('Move')
    history = undo(history)
    expect(history.present).toBe('a')
    expect(undo(history)).toBe(history)
    history = redo(history)
    expect(history.present).toBe('b')
    history = recordEdit(history, 'd', 'Delete')
    expect(history.future).toEqual([])
    expect(redo(history)).toBe(history)
  })

  it('merges a drag (same coalesce key in a row) into one step', () => {
    let history = startHistory({ x: 0 })
    for (const x of [1, 2, 3, 4]) history = recordEdit(history, { x }, 'Move', 'drag:e1')
    history = recordEdit(history, { x: 9 }, 'Move', 'drag:e2')
    expect(history.past).toHaveLength(2)
    history = undo(history)
    expect(history.present).toEqual({ x: 4 })
    history = undo(history)
    expect(history.present).toEqual({ x: 0 })
  })

  it('does not merge into a step that was undone and redone', () => {
    let history = recordEdit(startHistory(0), 1, 'Move', 'drag')
    history = redo(undo(history))
    history = recordEdit(history, 2, 'Move', 'drag')
    expect(undo(history).present).toBe(1)
  })

  it('records nothing for an edit that changes nothing, and keeps at most the limit', () => {
    const start = startHistory('same')
    expect(recordEdit(start, 'same', 'Nothing')).toBe(start)
    let history = startHistory(0)
    for (let value = 1; value <= HISTORY_LIMIT + 10; value += 1) history = recordEdit(history, value, 'Step')
    expect(history.past).toHaveLength(HISTORY_LIMIT)
    expect(history.past[0]!.document).toBe(10)
  })
})
