import type { Block, Cell, Inline, ReportDocument } from './document-blocks'
import { escapeHtml } from './escape-html'
import { REPORT_CSS } from './html-style'
import { sealReport } from './integrity'
import { reportDocument } from './report-document'
import type { Report } from './report-types'

/**
 * Nothing may load: no script, no font, no image, no frame, no connection. Inline styles are allowed
 * because the style sheet is inline; images only as data: URLs (the drawings are inline SVG and need none).
 */
export const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"

/**
 * The report as one self-contained HTML file: inline CSS, inline SVG drawings, no script and no URL that
 * points anywhere but inside the page (`#…`), with a strict CSP as a second guard. Every text from the
 * model is escaped. Readable as is, printable (html-style.ts), and turned into PDF by headless Chromium.
 */
export function renderHtml(report: Report): string {
  const document = reportDocument(report, '.html')
  const head = [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">`,
    '<meta name="referrer" content="no-referrer">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta name="generator" content="${escapeHtml(`${report.source.generator.name} ${report.source.generator.version}`)}">`,
    `<title>${escapeHtml(document.title)}</title>`,
    `<style>${REPORT_CSS}</style>`,
    '</head>',
    '<body>',
    '<main>',
    // The title first, then the contents: the heading is the first thing a reader and a PDF outline see.
    blocksHtml(document.body.slice(0, 1)),
    tableOfContents(document),
    blocksHtml(document.body.slice(1)),
    ''
  ].join('\n')
  const tail = '\n</main>\n</body>\n</html>\n'
  return sealReport(head, tail, (contentSha256) => `\n${blocksHtml(document.integrity(contentSha256))}\n`)
}

function tableOfContents(document: ReportDocument): string {
  const entries = document.body.flatMap((block) =>
    block.kind === 'heading' && block.level === 2 ? [`<li><a href="#${block.id}">${escapeHtml(block.text)}</a></li>`] : []
  )
  return `<nav aria-label="Contents"><ol>${entries.join('')}<li><a href="#integrity">Integrity</a></li></ol></nav>`
}

/** Level-2 headings open a `section.major` (a new printed page) that runs to the next one. */
function blocksHtml(blocks: readonly Block[]): string {
  const parts: string[] = []
  let open = false
  for (const block of blocks) {
    if (block.kind === 'heading' && block.level === 2) {
      if (open) parts.push('</section>')
      parts.push(`<section class="major" id="${block.id}">`)
      open = true
    }
    parts.push(blockHtml(block))
  }
  if (open) parts.push('</section>')
  return parts.join('\n')
}

function blockHtml(block: Block): string {
  switch (block.kind) {
    case 'heading':
      // Section ids live on the <section>; other headings carry their own.
      return block.level === 2 ? `<h2>${escapeHtml(block.text)}</h2>` : `<h${block.level} id="${block.id}">${escapeHtml(block.text)}</h${block.level}>`
    case 'paragraph':
      return `<p>${inlinesHtml(block.content)}</p>`
    case 'fields':
      return `<table class="fields"><tbody>${block.rows.map((row) => `<tr><th scope="row">${escapeHtml(row.label)}</th><td>${inlinesHtml(row.value)}</td></tr>`).join('')}</tbody></table>`
    case 'table':
      return tableHtml(block)
    case 'list':
      return `<ul>${block.items.map((item) => `<li>${inlinesHtml(item)}</li>`).join('')}</ul>`
    case 'drawing':
      return `<figure>\n${block.svg}\n<figcaption>${escapeHtml(block.caption)}</figcaption></figure>`
  }
}

function tableHtml(block: Extract<Block, { kind: 'table' }>): string {
  const register = block.caption === 'Threats' ? ' class="register"' : ''
  const header = `<thead><tr>${block.columns.map((column) => `<th scope="col">${escapeHtml(column)}</th>`).join('')}</tr></thead>`
  const rows =
    block.rows.length === 0
      ? `<tr><td colspan="${block.columns.length}">None.</td></tr>`
      : block.rows.map((row) => `<tr>${row.map((cell: Cell) => `<td>${inlinesHtml(cell)}</td>`).join('')}</tr>`).join('\n')
  return `<table${register}><caption>${escapeHtml(block.caption)}</caption>${header}<tbody>\n${rows}\n</tbody></table>`
}

function inlinesHtml(inlines: readonly Inline[]): string {
  return inlines.map(inlineHtml).join('')
}

function inlineHtml(inline: Inline): string {
  if (typeof inline === 'string') return escapeHtml(inline)
  switch (inline.kind) {
    case 'strong':
      return `<strong>${escapeHtml(inline.text)}</strong>`
    case 'code':
      return `<code>${escapeHtml(inline.text)}</code>`
    case 'missing':
      return `<span class="missing">[${escapeHtml(inline.text)}]</span>`
    case 'flag':
      return `<span class="flag">${escapeHtml(inline.text)}</span>`
    case 'break':
      return '<br>'
  }
}
