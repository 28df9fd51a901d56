import type { Block, Inline } from './document-blocks'
import { escapeMarkdown, escapeMarkdownBlock, guardLineStart } from './escape-markdown'
import { sealReport } from './integrity'
import { reportDocument } from './report-document'
import type { Report } from './report-types'

/**
 * The report as Markdown (CommonMark with GitHub tables), for wikis and merge requests. Same content as
 * the HTML report, but no drawings: Markdown hosts strip inline SVG, so each diagram points to the
 * inventories below it and to the HTML report. Every model text is escaped (escape-markdown.ts).
 */
export function renderMarkdown(report: Report): string {
  const document = reportDocument(report, '.md')
  const head = `${document.body.map(blockMarkdown).join('\n\n')}\n\n`
  return sealReport(head, '\n', (contentSha256) => `\n${document.integrity(contentSha256).map(blockMarkdown).join('\n\n')}\n`)
}

function blockMarkdown(block: Block): string {
  switch (block.kind) {
    case 'heading':
      return `${'#'.repeat(block.level)} ${escapeMarkdown(block.text)}`
    case 'paragraph':
      return block.content.length === 1 && typeof block.content[0] === 'string'
        ? escapeMarkdownBlock(block.content[0])
        : guardLineStart(inlinesMarkdown(block.content))
    case 'fields':
      return table(['Field', 'Value'], block.rows.map((row) => [escapeMarkdown(row.label), inlinesMarkdown(row.value)]))
    case 'table':
      return `**${escapeMarkdown(block.caption)}**\n\n${
        block.rows.length === 0
          ? 'None.'
          : table(block.columns.map(escapeMarkdown), block.rows.map((row) => row.map(inlinesMarkdown)))
      }`
    case 'list':
      return block.items.map((item) => `- ${inlinesMarkdown(item)}`).join('\n')
    case 'drawing':
      return `_Drawing of ${escapeMarkdown(block.caption)}: see the HTML or PDF report; the element, flow and boundary tables follow._`
  }
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n')
}

/** Inline content, for places that do not start a line (a paragraph adds the line-start guard itself). */
function inlinesMarkdown(inlines: readonly Inline[]): string {
  return inlines.map(inlineMarkdown).join('')
}

function inlineMarkdown(inline: Inline): string {
  if (typeof inline === 'string') return escapeMarkdown(inline)
  switch (inline.kind) {
    case 'strong':
      return `**${escapeMarkdown(inline.text)}**`
    case 'code':
      return codeSpan(inline.text)
    case 'missing':
      return `_\\[${escapeMarkdown(inline.text)}\\]_`
    case 'flag':
      return `**${escapeMarkdown(inline.text)}**`
    case 'break':
      return '<br>'
  }
}

/**
 * A code span shows its content literally, so it cannot be escaped with backslashes; instead the fence is
 * one backtick longer than any run inside, and `<`, `|` and line breaks are kept out: `<` could not form
 * HTML inside a span, but a `|` would still end a table cell, so ids with those characters fall back to
 * escaped plain text.
 */
function codeSpan(text: string): string {
  if (/[|<>&\r\n]/.test(text) || text.trim() === '') return escapeMarkdown(text)
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length))
  const fence = '`'.repeat(longest + 1)
  const padding = text.startsWith('`') || text.endsWith('`') ? ' ' : ''
  return `${fence}${padding}${text}${padding}${fence}`
}
