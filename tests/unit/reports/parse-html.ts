import { Window, type Document, type Element } from 'happy-dom'

export type { Document, Element }

/** Parses report HTML into a DOM without running anything (no script evaluation, no loading). */
export function parseHtml(html: string): Document {
  const window = new Window({
    settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true, disableIframePageLoading: true }
  })
  return new window.DOMParser().parseFromString(html, 'text/html')
}

/** The text of each row of the table with this caption, cells trimmed. */
export function tableRows(document: Document, caption: string, within: Document | Element = document): string[][] {
  const table = [...within.querySelectorAll('table')].find((candidate) => candidate.querySelector('caption')?.textContent === caption)
  if (table === undefined) throw new Error(`no table captioned "${caption}"`)
  return [...table.querySelectorAll('tbody tr')].map((row) => [...row.querySelectorAll('td')].map((cell) => (cell.textContent ?? '').trim()))
}

/** The value of a row in a fields table (label → value text). */
export function fieldValue(within: Document | Element, label: string): string | undefined {
  const row = [...within.querySelectorAll('table.fields tr')].find((candidate) => candidate.querySelector('th')?.textContent === label)
  return row?.querySelector('td')?.textContent?.trim()
}
