/**
 * Undo/redo for the whole document as one command history (STYLE.md, "Commands as data"): diagram
 * edits, property edits and triage share it. Models are immutable, so a step keeps the whole previous
 * model; structural sharing makes that cheap. Pure: the renderer's store holds one History value.
 */
export interface History<Document> {
  readonly present: Document
  /** Oldest first. */
  readonly past: readonly HistoryStep<Document>[]
  /** Most recently undone first. */
  readonly future: readonly HistoryStep<Document>[]
}

export interface HistoryStep<Document> {
  readonly document: Document
  /** What the step did, for menus ("Undo Move element"). */
  readonly label: string
  /** Steps with the same non-null key in a row merge into one (a drag is one step). */
  readonly coalesceKey: string | null
}

/** Enough for a working day of edits; older steps are dropped first. */
export const HISTORY_LIMIT = 500

/** A fresh history: loading a file is not an undoable step. */
export function startHistory<Document>(document: Document): History<Document> {
  return { present: document, past: [], future: [] }
}

/**
 * Records an edit. A change that returns the same document records nothing. An edit with the same
 * coalesce key as the last step replaces the document of that step's successor instead of adding one,
 * so many drag events undo as a single move. Any edit clears the redo list.
 */
export function recordEdit<Document>(
  history: History<Document>,
  next: Document,
  label: string,
  coalesceKey: string | null = null
): History<Document> {
  if (next === history.present) return history
  const last = history.past.at(-1)
  if (coalesceKey !== null && last !== undefined && last.coalesceKey === coalesceKey && history.future.length === 0) {
    return { present: next, past: history.past, future: [] }
  }
  const step: HistoryStep<Document> = { document: history.present, label, coalesceKey }
  const past = [...history.past, step].slice(-HISTORY_LIMIT)
  return { present: next, past, future: [] }
}

export function undo<Document>(history: History<Document>): History<Document> {
  const last = history.past.at(-1)
  if (last === undefined) return history
  return {
    present: last.document,
    past: history.past.slice(0, -1),
    future: [{ document: history.present, label: last.label, coalesceKey: null }, ...history.future]
  }
}

export function redo<Document>(history: History<Document>): History<Document> {
  const [next, ...rest] = history.future
  if (next === undefined) return history
  return {
    present: next.document,
    past: [...history.past, { document: history.present, label: next.label, coalesceKey: null }],
    future: rest
  }
}

/** The label of the step Undo would revert, or null. */
export function undoLabel<Document>(history: History<Document>): string | null {
  return history.past.at(-1)?.label ?? null
}

export function redoLabel<Document>(history: History<Document>): string | null {
  return history.future[0]?.label ?? null
}
