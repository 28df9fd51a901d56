/**
 * Text from the model as Markdown inline text (CommonMark and GitHub's tables), for places that never
 * start a line (table cells, after a list label). `&`, `<` and `>` become entities, so no HTML tag or
 * autolink can start; the characters that open emphasis, code, links, images, strikethrough or a table
 * cell are backslash-escaped (CommonMark allows it for any ASCII punctuation); line breaks become spaces,
 * so a value cannot start a heading, list or table row of its own. `(`, `)` and `!` need no escape once
 * `[` and `]` have one: without brackets there is no link or image.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\r\n?|\n/g, ' ')
    .replace(/[\\`*_[\]|~]/g, (character) => `\\${character}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
}

/**
 * A longer text (a description) as Markdown lines, each escaped as inline text and, because it does
 * start a line, also kept from opening a block: leading spaces (a code block) are dropped, and a leading
 * `#`, `-`, `+`, `=` (a setext underline) or list number gets a backslash.
 */
export function escapeMarkdownBlock(text: string): string {
  return text
    .split(/\r\n?|\n/)
    .map((line) => guardLineStart(escapeMarkdown(line.trimStart())))
    .join('\n')
}

/** Already-escaped inline text that will start a line: a leading `#`, `-`, `+`, `=` or list number cannot open a block. */
export function guardLineStart(line: string): string {
  return line.replace(/^(\d+)([.)])/, '$1\\$2').replace(/^[#\-+=]/, '\\$&')
}
