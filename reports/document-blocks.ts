/**
 * The report as a small document tree (pandoc's blocks and inlines): the section builders produce it
 * once, and the HTML and Markdown writers each serialise it, so the two cannot differ in content. Text
 * here is plain and unescaped; only a writer escapes, and only for its own syntax.
 */
export type Inline =
  | string
  | { readonly kind: 'strong'; readonly text: string }
  | { readonly kind: 'code'; readonly text: string }
  /** A fact the model does not record: printed as a visible "to be completed" placeholder. */
  | { readonly kind: 'missing'; readonly text: string }
  /** A warning an auditor must not miss (OVERDUE, OBSOLETE). */
  | { readonly kind: 'flag'; readonly text: string }
  | { readonly kind: 'break' }

export type Cell = readonly Inline[]

export type Block =
  | { readonly kind: 'heading'; readonly level: 1 | 2 | 3; readonly id: string; readonly text: string }
  | { readonly kind: 'paragraph'; readonly content: readonly Inline[] }
  | { readonly kind: 'fields'; readonly rows: readonly { readonly label: string; readonly value: Cell }[] }
  | { readonly kind: 'table'; readonly caption: string; readonly columns: readonly string[]; readonly rows: readonly (readonly Cell[])[] }
  | { readonly kind: 'list'; readonly items: readonly Cell[] }
  /** An SVG drawing the writer embeds as is (already escaped by diagram-svg.ts). */
  | { readonly kind: 'drawing'; readonly svg: string; readonly caption: string }

export interface ReportDocument {
  readonly title: string
  /** The report body, in reading order. */
  readonly body: readonly Block[]
  /** Section Q, kept apart because the content hash covers everything but it (reports/integrity.ts). */
  readonly integrity: (contentSha256: string) => readonly Block[]
}

/** A model text, or the placeholder when the model leaves it empty. */
export function textOrMissing(value: string | null, placeholder = 'to be completed'): Inline {
  return value === null || value.trim() === '' ? { kind: 'missing', text: placeholder } : value
}

/** A cell from a text that may be missing. */
export function cellOf(value: string | null, placeholder?: string): Cell {
  return [textOrMissing(value, placeholder)]
}

/** Several values in one cell, one per line; an empty list shows `empty`. */
export function linesCell(values: readonly string[], empty = '—'): Cell {
  if (values.length === 0) return [empty]
  return values.flatMap((value, index) => (index === 0 ? [value] : [{ kind: 'break' } as const, value]))
}

export function heading(level: 1 | 2 | 3, id: string, text: string): Block {
  return { kind: 'heading', level, id, text }
}

export function paragraph(...content: Inline[]): Block {
  return { kind: 'paragraph', content }
}
