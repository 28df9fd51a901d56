/**
 * The offset of a `<!DOCTYPE` in the prolog (before the root element), or null. A DTD can only appear
 * there; the prolog may also hold the XML declaration, processing instructions, comments and
 * whitespace, which are skipped. Anything else ends the prolog: the XML parser judges the rest.
 */
export function findDoctype(text: string): number | null {
  let offset = text.charCodeAt(0) === 0xfeff ? 1 : 0
  for (;;) {
    while (offset < text.length && /\s/.test(text.charAt(offset))) offset += 1
    if (text.startsWith('<?', offset)) offset = skipPast(text, '?>', offset)
    else if (text.startsWith('<!--', offset)) offset = skipPast(text, '-->', offset)
    else if (text.slice(offset, offset + 9).toUpperCase() === '<!DOCTYPE') return offset
    else return null
    if (offset < 0) return null
  }
}

function skipPast(text: string, end: string, from: number): number {
  const found = text.indexOf(end, from + 2)
  return found < 0 ? -1 : found + end.length
}
