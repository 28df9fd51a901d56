/**
 * The root element's start tag of an XML text, for content sniffing: its local name (prefix dropped)
 * and its raw attribute text. Skips the XML declaration, comments, processing instructions and a
 * DOCTYPE; returns null for anything that does not start like XML. Reads only the prolog and one tag.
 */
export interface XmlRootTag {
  readonly localName: string
  readonly attributes: string
}

export function sniffXmlRoot(text: string): XmlRootTag | null {
  let position = 0
  for (;;) {
    while (position < text.length && /[\s\uFEFF]/.test(text.charAt(position))) position += 1
    if (text.startsWith('<?', position)) position = after(text, '?>', position)
    else if (text.startsWith('<!--', position)) position = after(text, '-->', position)
    else if (text.startsWith('<!', position)) position = afterDeclaration(text, position)
    else break
    if (position === -1) return null
  }
  const match = /^<([A-Za-z_][\w.:-]*)([^>]*)>/.exec(text.slice(position, position + 4096))
  if (match === null) return null
  const name = match[1] ?? ''
  return { localName: name.slice(name.indexOf(':') + 1), attributes: match[2] ?? '' }
}

/**
 * The end of `<!DOCTYPE …>`, past an internal subset `[ … ]` when there is one: its entity declarations
 * contain `>`, and stopping at the first one would hide the root, so a file with a DTD would be called
 * "unknown format" instead of reaching the reader that refuses DTDs with a clear message.
 */
function afterDeclaration(text: string, from: number): number {
  const subset = text.indexOf('[', from)
  const close = text.indexOf('>', from)
  if (subset !== -1 && (close === -1 || subset < close)) {
    const end = after(text, ']', subset)
    return end === -1 ? -1 : after(text, '>', end)
  }
  return after(text, '>', from)
}

function after(text: string, terminator: string, from: number): number {
  const end = text.indexOf(terminator, from)
  return end === -1 ? -1 : end + terminator.length
}
