/**
 * Which threat rows are selected and which one the keyboard is on. Plain data and pure functions so
 * click, Shift-click, Ctrl-click and arrow keys behave like a file list and are unit-tested.
 */
export interface RowSelection {
  readonly selected: ReadonlySet<string>
  /** The row the keyboard is on (shown with a focus ring); null when nothing is. */
  readonly current: string | null
  /** Where a Shift range starts. */
  readonly anchor: string | null
}

export const EMPTY_SELECTION: RowSelection = { selected: new Set(), current: null, anchor: null }

export interface ClickModifiers {
  /** Ctrl (Windows/Linux) or ⌘ (macOS): toggle one row. */
  readonly toggle: boolean
  /** Shift: select the range from the anchor. */
  readonly range: boolean
}

export function clickRow(selection: RowSelection, order: readonly string[], id: string, modifiers: ClickModifiers): RowSelection {
  if (modifiers.range && selection.anchor !== null) {
    return { selected: new Set(rangeBetween(order, selection.anchor, id)), current: id, anchor: selection.anchor }
  }
  if (modifiers.toggle) {
    const selected = new Set(selection.selected)
    if (selected.has(id)) selected.delete(id)
    else selected.add(id)
    return { selected, current: id, anchor: id }
  }
  return { selected: new Set([id]), current: id, anchor: id }
}

/** ↑/↓: moves the current row and selects it alone; with Shift, extends the range from the anchor. */
export function moveCurrent(selection: RowSelection, order: readonly string[], delta: number, extend: boolean): RowSelection {
  if (order.length === 0) return selection
  const index = selection.current === null ? -1 : order.indexOf(selection.current)
  const nextIndex = index === -1 ? (delta > 0 ? 0 : order.length - 1) : Math.max(0, Math.min(order.length - 1, index + delta))
  const id = order[nextIndex] as string
  return clickRow(selection, order, id, { toggle: false, range: extend })
}

/** Drops rows a filter hid, so a bulk edit never touches threats the reviewer cannot see. */
export function keepVisible(selection: RowSelection, order: readonly string[]): RowSelection {
  const visible = new Set(order)
  const selected = new Set([...selection.selected].filter((id) => visible.has(id)))
  const current = selection.current !== null && visible.has(selection.current) ? selection.current : null
  if (selected.size === selection.selected.size && current === selection.current) return selection
  return { selected, current, anchor: current }
}

/** The ids to act on, in table order: the selection, or the current row when nothing is selected. */
export function targetIds(selection: RowSelection, order: readonly string[]): readonly string[] {
  if (selection.selected.size === 0) return selection.current === null ? [] : [selection.current]
  return order.filter((id) => selection.selected.has(id))
}

function rangeBetween(order: readonly string[], from: string, to: string): readonly string[] {
  const start = order.indexOf(from)
  const end = order.indexOf(to)
  if (start === -1 || end === -1) return [to]
  return order.slice(Math.min(start, end), Math.max(start, end) + 1)
}
